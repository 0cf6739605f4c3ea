// Types for the submodules of `natural` that Toetssteen imports (stemmers, stop words). Only
// these are ever imported: the package root prints to stdout (dotenv) and loads database drivers.
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/util/stopwords_nl' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}

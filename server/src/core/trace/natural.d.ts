/**
 * Types for the two stemmer submodules of `natural` that the trace module
 * imports. Only these files are imported (never the package root, which
 * loads database drivers and prints a banner): esbuild bundles them alone.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

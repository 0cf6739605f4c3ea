/** The source corpus: extraction (md, txt, pdf, docx), the content-hash cache, the BM25 index. */
export { buildSourceIndex, listSourceFiles, type BuildOptions, type BuildStats, type BuiltIndex } from './build';
export { SourceIndex } from './search-index';
export { ExtractCache, CACHE_DIR, contentHash } from './cache';
export { extractSource, kindOf, SOURCE_EXTENSIONS, EXTRACTOR_VERSION, type Extracted } from './extract';
export { tokenize, terms, term, fold } from './normalize';

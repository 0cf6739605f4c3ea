/** Bibliographies: pure parsing from text (BibTeX, CSL JSON, CSL YAML, inline `references:`) and the project view. */
export * from './types';
export { parseBibliography, bibFormatOf } from './parse';
export { parseBibtex, locateBibtexEntries } from './bibtex';
export { parseCslJson, parseCslYaml } from './csl';
export { inlineReferences, type InlineReferences } from './inline';
export { createBibliographyView, entriesFor, findEntry, frontMatterBibliographies, resolvedFrontMatterBibliographies } from './view';
export { generateKey, newEntryInsert, type NewEntryInfo, type TextInsert } from './format';
export { parseFileField, normPath, dirOf, resolveIn, stemOf, lineCol } from './util';

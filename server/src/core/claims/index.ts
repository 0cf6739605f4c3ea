/** Claims and sources: detection with support, links to the bibliography, editor features. */
export * from './types';
export { analyzeClaims, findClaims, unsupportedClaims, claimReasons, footnoteIsSource, footnoteMarkers, paragraphUnits, cleanSentence, type ClaimAnalysis } from './detect';
export { linkSources, type SourceLink, type SourceLinks } from './links';
export {
  citationFixes,
  citationCompletions,
  citationHover,
  citationDefinition,
  locatorPage,
  matchQuote,
  type CitationFix,
  type CitationCompletion,
  type DefinitionTarget,
  type FileEdit,
  type FixOptions,
} from './editor';
export { claimLexicon, claimLexicons } from './lexicon';

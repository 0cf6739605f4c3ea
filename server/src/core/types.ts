/**
 * The document model: what every feature of Toetssteen reads.
 *
 * All positions in the model are offsets into the analysed text, counted in
 * UTF-16 code units (JavaScript string indices), as half-open spans
 * `[start, end)`. Conversion to LSP line/character happens once, at the edge
 * (see `text.ts` → `LineIndex`).
 */

export interface Span {
  start: number;
  end: number;
}

export type DocumentKind = 'report' | 'policy' | 'reaction' | 'letter' | 'framework' | 'unknown';
export type Language = 'nl' | 'en';
export type SourceFormat = 'markdown' | 'text';

export type SectionRole =
  | 'central-question'
  | 'questions'
  | 'norms'
  | 'findings'
  | 'assessment'
  | 'conclusions'
  | 'recommendations'
  | 'reaction'
  | 'afterword'
  | 'goals'
  | 'summary'
  | 'introduction'
  | 'appendix'
  | 'other';

export interface Section {
  /** Stable id: the `{#id}` attribute, else `S` + numbering, else `S` + ordinal. */
  id: string;
  title: string;
  /** Numbering as written: "8.1", "5", "A", "1" (Blok 1); null when unnumbered. */
  numbering: string | null;
  level: number;
  /** Roles read from the heading's own words. */
  ownRoles: SectionRole[];
  /** The role that governs the section's content (own, inherited or positional). */
  role: SectionRole;
  /** All roles in force (for headings like "Conclusies en aanbevelingen"). */
  roles: SectionRole[];
  /** Group name for norm or question groups ("beleid", "uitvoering"). */
  group: string | null;
  parent: number | null;
  headingRange: Span;
  range: Span;
}

export type Score = '++' | '+' | '+-' | '-' | '--';

export interface ItemBase {
  id: string;
  /** The document's own label ("3", "2.1", "A"), or null when numbered in order. */
  label: string | null;
  /** Normalised text: markup removed, line-break hyphenation joined, whitespace folded. */
  text: string;
  range: Span;
  /** Index into `sections`. */
  section: number;
  /** True when the id came from an explicit `{#id}` attribute. */
  explicitId?: boolean;
}

export interface Question extends ItemBase {
  group: string | null;
}

export interface Norm extends ItemBase {
  group: string | null;
}

export interface Assessment extends ItemBase {
  /** Norm id this assessment judges, null when it can't be linked. */
  norm: string | null;
  /** How the norm link was made. */
  normLink: 'explicit' | 'label' | 'text' | null;
  /** The chosen score; null when absent or when the scale is shown with no choice. */
  score: Score | null;
  /** Where the score (or the unchosen scale) stands. */
  scoreRange: Span | null;
  /** The norm text as repeated in the assessment (its heading). */
  normText: string;
  /** True when the text shows a scale but no choice (PDF extraction lost it). */
  scaleWithoutChoice: boolean;
}

export interface Finding extends ItemBase {
  title: string;
}

export interface Goal extends ItemBase {}

export interface Conclusion extends ItemBase {
  /** The research question text repeated above the conclusion, when present. */
  question: string | null;
  answers: string[];
}

export interface Recommendation extends ItemBase {
  follows: string[];
  answers: string[];
  group: string | null;
}

export interface Reaction {
  id: string;
  /** Target item id (C3, R2) or null when it can't be aligned. */
  target: string | null;
  targetKind: 'conclusion' | 'recommendation' | null;
  /** The label the reaction gives ("3"), if any. */
  label: string | null;
  quote: string;
  quoteRange: Span | null;
  /** The research question quoted above a conclusion, when present. */
  quotedQuestion: string | null;
  text: string;
  textRange: Span | null;
  range: Span;
  section: number;
}

export interface Citation {
  key: string;
  locator: string | null;
  prefix: string | null;
  suffix: string | null;
  /** `[-@key]` */
  suppressAuthor: boolean;
  /** `@key` written in running text, not in brackets. */
  inText: boolean;
  range: Span;
  /** Range of the key itself (without `@`). */
  keyRange: Span;
  /** Range of the whole bracketed group `[...]`, for bracketed citations. */
  groupRange: Span;
}

export interface Footnote {
  label: string;
  text: string;
  /** The definition. */
  range: Span;
  /** Where the footnote is referenced (`[^3]`, or a marker glued to a word in extracted text). */
  refs: Span[];
  /** The text names a source ("Bron: ...", "Source: ..."), a document, an interview. */
  isSource: boolean;
}

export interface Link {
  url: string;
  text: string;
  range: Span;
  /** Local file link (not a URL, not an in-document anchor). */
  isFile: boolean;
  /** In-document anchor (`#C3`). */
  isAnchor: boolean;
}

export interface Reference {
  /** Resolved target id (C3, N2.1, Q4, R2, F3.2) — resolution against the document's items happens later. */
  target: string;
  kind: 'question' | 'norm' | 'conclusion' | 'recommendation' | 'finding' | 'section' | 'assessment' | 'goal';
  /** How the reference was written. */
  via: 'link' | 'phrase' | 'id';
  phrase: string;
  range: Span;
}

export type SentenceClass = 'claim' | 'conclusion' | 'recommendation' | 'goal' | 'other';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  cls: SentenceClass;
  section: number;
}

export interface Block {
  type: 'heading' | 'item' | 'paragraph' | 'quote' | 'marker' | 'table';
  /** Raw span in the source. */
  range: Span;
  /** Span of the text content (without list marker / heading hashes / attributes). */
  content: Span;
  /** Normalised text of the content. */
  text: string;
  /** Heading level (1 = chapter) for headings. */
  level: number;
  /** Numbering of headings and items: "8.1", "3", "A", "•". */
  label: string | null;
  marker: 'number' | 'letter' | 'bullet' | null;
  /** List nesting depth for items (0 = top). */
  depth: number;
  /** `{#id}` attribute. */
  attrId: string | null;
  /** Markdown: the block is a complete list item (its content ends with it). */
  closed: boolean;
  /** Inside a pandoc fenced div carrying this id. */
  divId: string | null;
  /** Heading is a major (chapter-level) heading. */
  major: boolean;
}

export interface ParseNote {
  message: string;
  range: Span;
}

export interface DocumentModel {
  uri: string | null;
  format: SourceFormat;
  text: string;
  kind: DocumentKind;
  kindSource: 'front-matter' | 'inferred';
  language: Language;
  title: string | null;
  frontMatter: Record<string, unknown> | null;
  frontMatterRange: Span | null;
  blocks: Block[];
  sections: Section[];
  centralQuestion: ItemBase | null;
  questions: Question[];
  norms: Norm[];
  assessments: Assessment[];
  findings: Finding[];
  goals: Goal[];
  conclusions: Conclusion[];
  recommendations: Recommendation[];
  reactions: Reaction[];
  citations: Citation[];
  footnotes: Footnote[];
  links: Link[];
  references: Reference[];
  sentences: Sentence[];
  /** Problems met while reading (bad front matter …); never thrown. */
  notes: ParseNote[];
}

/**
 * SMART analysis of goals, recommendations and conclusions (issue #6).
 *
 * - `smartCard(text, lang, kind)`: the card of one item — per letter
 *   present or not, with the words that show it.
 * - `renderSmartCardMarkdown(card, locale)`: the card as hover Markdown.
 * - `smartTargets(model)` / `smartTargetAt(model, offset)`: a document's
 *   items with their cards in document offsets (for the hover: find the
 *   item under the cursor, render its card).
 * - `smartFixes(diagnostic, model)`: snippet quick fixes for `smart/*`.
 * - `evaluate(items)`: scores the analysis against a labelled set.
 *
 * The rules are in `rules/smart/`; the word lists in
 * `lexicon/smart.nl.json` and `lexicon/smart.en.json`.
 */
export { smartCard, renderSmartCardMarkdown, insertionPoint, LETTERS, type SmartCard, type LetterCard, type Evidence, type EvidenceRole, type Letter, type SmartKind } from './analyze';
export { smartTargets, smartTargetAt, goalTargets, type SmartTarget } from './targets';
export { smartFixes, escapeSnippet, type SmartFix } from './fixes';
export { evaluate, parseLabels, type LabelledItem, type EvalReport, type LetterScore } from './score';
export { projectRange, type Projection } from './project';

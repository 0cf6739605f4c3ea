/**
 * Wederhoor: the administration's reaction against the report, the cover
 * letter against both. Pure functions for the rules (`rules/wederhoor`),
 * the CLI (`toetssteen wederhoor`) and the language server:
 *
 * - `reactionCoverage(report, project)`: per report item, the reaction to
 *   it, its stance and the number of differences in its quote;
 * - `quoteDiff(reaction, target)`: the quote against the item, change by
 *   change (for a side-by-side diff);
 * - `reactionStance(reaction, lang)`: agree, partly, disagree or none, and
 *   the phrases that show it (for a code lens).
 */
import type { DocumentModel, Span } from '../types';
import type { ProjectView } from '../project';
import { reactionSources, reportItems, viewOf } from './view';
import type { Stance, StancePhrase } from './stance';

export { quoteDiff, type QuoteDiff, type QuoteChange, type ChangeKind } from './quote';
export { reactionStance, type Stance, type StancePhrase, type StanceResult } from './stance';
export { wederhoorView, viewOf, reactionSources, reportOf, reportItems, type WederhoorView, type ReactionEntry, type ReportItem } from './view';
export { letterPart, letterFindings, type LetterFinding, type LetterPart } from './letter';
export { countStatements, type CountStatement } from './counts';
export { afterwordOf, addressedBy } from './afterword';

export interface CoverageEntry {
  itemId: string;
  kind: 'conclusion' | 'recommendation';
  label: string | null;
  /** The reaction to the item, or null when there is none. */
  reactionId: string | null;
  reactionUri: string | null;
  reactionRange: Span | null;
  /** The reaction quotes the item. */
  quoted: boolean;
  stance: Stance | null;
  phrases: StancePhrase[];
  /** Changes in the quote (and the quoted research question). */
  quoteMismatches: number;
  /** How the reaction was aligned to the item. */
  via: 'text' | 'label' | 'both' | null;
}

/**
 * Per report item id (in the report's order): the reaction to it in the
 * project's reaction documents for this report or in the report's own
 * reaction section, its stance, and how many differences its quote has.
 */
export function reactionCoverage(report: DocumentModel, project?: ProjectView): Record<string, CoverageEntry> {
  const view = viewOf(report, reactionSources(report, project));
  const out: Record<string, CoverageEntry> = {};
  for (const it of reportItems(report)) {
    const e = view.entries.find((x) => x.target === it);
    out[it.id] = {
      itemId: it.id,
      kind: it.id.startsWith('R') ? 'recommendation' : 'conclusion',
      label: it.label,
      reactionId: e ? e.reaction.id : null,
      reactionUri: e ? e.doc.uri : null,
      reactionRange: e ? e.reaction.range : null,
      quoted: !!e && e.reaction.quote.length > 0,
      stance: e ? e.stance.stance : null,
      phrases: e ? e.stance.phrases : [],
      quoteMismatches: e?.diff ? e.diff.changes.length : 0,
      via: e ? e.via : null,
    };
  }
  return out;
}

/**
 * Quick fixes for `smart/*` diagnostics: snippet insertions (VS Code
 * snippet syntax) where a letter is missing. Pure: computed from the
 * diagnostic's `data` (written by the rules: the letter, the item, the
 * document language, the insertion point, the imperative) and the current
 * model (the item is looked up again by id, so offsets follow edits that
 * re-analysed the text).
 *
 * | code | fix |
 * |---|---|
 * | `smart/time-bound` | " vóór ${1:datum}" / " by ${1:date}" at the end of the item's first sentence |
 * | `smart/measurable` | " met ${1:x}% ten opzichte van ${2:nulmeting}", or an indicator with baseline and target |
 * | `smart/achievable` | an addressee after the imperative ("Zet als ${1:college} in op …"; "${1:The council} should …"), else " (eigenaar: …)" |
 * | `smart/realistic` | " met ${1:budget of capaciteit}" |
 * | `smart/specific` | the vague words as a placeholder to overtype |
 * | `smart/vague-judgement` | " (zie paragraaf ${1:nummer})" |
 *
 * "The end of the first sentence" is before its final punctuation and a
 * trailing parenthesis: "… eerder worden bereikt (zie conclusie 5)." gets
 * " vóór ${1:datum}" after "bereikt".
 */
import type { DocumentModel, Language, Span } from '../types';
import type { Diagnostic, Message } from '../rules/types';
import { smartLexicon } from './lexicon';
import { smartTargets } from './targets';

export interface SmartFix {
  title: Message;
  /** VS Code snippet syntax (`${1:placeholder}`). */
  snippet: string;
  /** What the snippet replaces; empty for an insertion. */
  range: Span;
}

interface FixData {
  letter?: string;
  item?: string;
  lang?: Language;
  insertAt?: number;
  contentStart?: number;
  imperative?: { start: number; end: number; text: string } | null;
  evidence?: Array<{ start: number; end: number; text: string; role?: string }>;
}

/** Escapes text for use inside a snippet placeholder. */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

export function smartFixes(diagnostic: Pick<Diagnostic, 'code' | 'data' | 'range'>, model: DocumentModel): SmartFix[] {
  if (!diagnostic.code.startsWith('smart/')) return [];
  const data = { ...((diagnostic.data ?? {}) as FixData) };
  // Fresh positions from the current model when the item is still there.
  const target = smartTargets(model).find((t) => t.id === data.item) ?? smartTargets(model).find((t) => t.itemRange.start <= diagnostic.range.start && diagnostic.range.start < t.itemRange.end);
  if (target) {
    data.insertAt = target.card.insertAt;
    data.contentStart = target.range.start;
    data.imperative = target.card.imperative ? { start: target.card.imperative.start, end: target.card.imperative.end, text: target.card.imperative.text } : null;
    const letter = (data.letter ?? 'S') as 'S' | 'M' | 'A' | 'R' | 'T';
    data.evidence = target.card[letter]?.evidence.map((e) => ({ start: e.start, end: e.end, text: e.text, role: e.role })) ?? data.evidence;
  }
  const len = model.text.length;
  const valid = (n: unknown): n is number => typeof n === 'number' && n >= 0 && n <= len;
  if (!valid(data.insertAt)) return [];
  const lang: Language = data.lang === 'en' || data.lang === 'nl' ? data.lang : model.language;
  const snippets = smartLexicon(lang).raw.snippets;
  const at = (n: number): Span => ({ start: n, end: n });
  const insertAt = data.insertAt;

  switch (diagnostic.code) {
    case 'smart/time-bound':
      return [{ title: { nl: 'Termijn toevoegen (“vóór …”)', en: 'Add a deadline (“by …”)' }, snippet: snippets.time, range: at(insertAt) }];
    case 'smart/measurable':
      return [
        { title: { nl: 'Maat toevoegen (“met …% ten opzichte van …”)', en: 'Add a measure (“by …% compared with …”)' }, snippet: snippets.measure, range: at(insertAt) },
        { title: { nl: 'Indicator met nulmeting en streefwaarde toevoegen', en: 'Add an indicator with baseline and target' }, snippet: snippets.measureIndicator, range: at(insertAt) },
      ];
    case 'smart/achievable': {
      const imp = data.imperative;
      if (imp && valid(imp.start) && valid(imp.end) && imp.end > imp.start) {
        const title = { nl: 'Zeggen wie handelt', en: 'Say who acts' };
        // Dutch: "Zet als college in op …"; English: "The council should reduce …".
        if (snippets.ownerImperative.startsWith(' ')) return [{ title, snippet: snippets.ownerImperative, range: at(imp.end) }];
        const first = model.text.slice(imp.start, imp.start + 1);
        return [{ title, snippet: snippets.ownerImperative + escapeSnippet(first.toLowerCase()), range: { start: imp.start, end: imp.start + 1 } }];
      }
      return [{ title: { nl: 'Eigenaar toevoegen', en: 'Add an owner' }, snippet: snippets.owner, range: at(insertAt) }];
    }
    case 'smart/realistic':
      return [{ title: { nl: 'Middelen toevoegen', en: 'Add the means' }, snippet: snippets.means, range: at(insertAt) }];
    case 'smart/specific': {
      const vague = (data.evidence ?? []).find((e) => valid(e.start) && valid(e.end) && e.end > e.start);
      if (!vague) return [];
      const original = model.text.slice(vague.start, vague.end);
      return [
        {
          title: { nl: 'Vage woorden vervangen door een concreet resultaat', en: 'Replace the vague words with a concrete result' },
          snippet: snippets.specific.replace('%s', escapeSnippet(original)),
          range: { start: vague.start, end: vague.end },
        },
      ];
    }
    case 'smart/vague-judgement':
      return [{ title: { nl: 'Verwijzing naar de bevindingen toevoegen', en: 'Add a reference to the findings' }, snippet: snippets.basis, range: at(insertAt) }];
    default:
      return [];
  }
}

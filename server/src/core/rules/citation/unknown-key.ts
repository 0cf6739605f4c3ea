/**
 * `citation/unknown-key` — a citation whose key is in none of the document's
 * bibliographies (front matter `bibliography:` or the project's, and inline
 * `references:`). Silent when the document has no bibliography at all, or
 * when a bibliography it names could not be read (that is
 * `citation/unreadable-bibliography`).
 */
import type { Rule } from '../types';
import { entriesFor } from '../../bibliography/view';

export const unknownKey: Rule = {
  meta: {
    code: 'citation/unknown-key',
    severity: 'error',
    description: {
      nl: 'Citaat met een sleutel die niet in de bibliografie staat (tikfout, of de bron ontbreekt nog).',
      en: 'Citation with a key that is not in the bibliography (a typo, or the source is still missing).',
    },
    examples: {
      flagged: [
        {
          text: '---\nreferences:\n  - id: nota2021\n    type: report\n    title: Schulden in Lindeveen 2021\n---\n\n# Bevindingen\n\nDe schuld bedroeg € 36.800 [@nota2012, p. 2].\n',
          at: 'nota2012',
        },
      ],
      passes: [
        { text: '---\nreferences:\n  - id: nota2021\n    type: report\n    title: Schulden in Lindeveen 2021\n---\n\n# Bevindingen\n\nDe schuld bedroeg € 36.800 [@nota2021, p. 2].\n' },
        { text: '# Bevindingen\n\nZonder bibliografie wordt een sleutel niet beoordeeld [@iets2020].\n' },
      ],
    },
  },
  check({ model, project }) {
    if (!model.citations.length) return [];
    const { entries, known } = entriesFor(model, project?.bibliography);
    if (!known) return [];
    const keys = new Set(entries.map((e) => e.entry.key));
    const all = [...keys];
    const out: ReturnType<Rule['check']> = [];
    for (const c of model.citations) {
      if (keys.has(c.key)) continue;
      const near = closest(c.key, all);
      out.push({
        range: c.keyRange,
        message: {
          nl: `Onbekende citeersleutel @${c.key}: die staat niet in de bibliografie${near ? ` (bedoeld: @${near}?)` : ''}.`,
          en: `Unknown citation key @${c.key}: it is not in the bibliography${near ? ` (did you mean @${near}?)` : ''}.`,
        },
        data: { key: c.key, suggestion: near },
      });
    }
    return out;
  },
};

/** The known key at the smallest edit distance (≤ 2, or ≤ 3 for long keys), or null. */
export function closest(key: string, keys: readonly string[]): string | null {
  let best: { k: string; d: number } | null = null;
  const max = key.length >= 12 ? 3 : 2;
  for (const k of keys) {
    if (Math.abs(k.length - key.length) > max) continue;
    const d = distance(key.toLowerCase(), k.toLowerCase(), max);
    if (d <= max && (!best || d < best.d)) best = { k, d };
  }
  return best ? best.k : null;
}

function distance(a: string, b: string, max: number): number {
  const prev = new Array(b.length + 1).fill(0).map((_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
    cur = [];
  }
  return prev[b.length];
}

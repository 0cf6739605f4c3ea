/**
 * Quick fixes for the `trace/*` diagnostics, from what the check put in
 * `diagnostic.data`:
 *
 * - recommendation-without-conclusion: insert " (zie conclusie N)" at the
 *   end of the recommendation's first sentence, for each near conclusion
 *   (the nearest preferred when it is clearly similar);
 * - conclusion-without-findings, assessment-without-evidence: insert
 *   " (zie paragraaf N)" for each near findings section;
 * - unanswered-question: add "Deze conclusie beantwoordt onderzoeksvraag
 *   N." to a near conclusion, or add a conclusion for the question after
 *   the last one (Markdown);
 * - unassessed-norm: add an assessment of the norm after the one of the
 *   norm before it (Markdown; an edit in the report when the norm lives in
 *   the normenkader file);
 * - missing-score: replace the unreadable value by a score, or mark one
 *   option of the scale in bold (one fix per score).
 *
 * Pure: the edits are computed, never applied.
 */
import type { DocumentModel, Span } from '../types';
import type { ProjectView } from '../project';
import type { Diagnostic, Message } from '../rules/types';
import { fmt } from './graph';

export interface TraceEdit {
  /** The document to edit; absent for the diagnostic's own document. */
  uri?: string;
  range: Span;
  newText: string;
}

export interface TraceFix {
  title: Message;
  edits: TraceEdit[];
  isPreferred?: boolean;
}

const SCORES = ['++', '+', '+-', '-', '--'] as const;

interface RefCandidate {
  id: string;
  number?: string;
  phrase?: string;
  strength: number;
  insertAt?: number;
}

export function traceFixes(diagnostic: Pick<Diagnostic, 'code' | 'data' | 'range'>, model: DocumentModel, _project?: ProjectView): TraceFix[] {
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const en = model.language === 'en';
  const see = en ? 'see' : 'zie';
  const cands = (Array.isArray(data.candidates) ? data.candidates : []) as RefCandidate[];
  const at = typeof data.insertAt === 'number' ? data.insertAt : null;
  const insert = (pos: number, text: string, uri?: string): TraceEdit => ({ ...(uri ? { uri } : {}), range: { start: pos, end: pos }, newText: text });
  switch (diagnostic.code) {
    case 'trace/recommendation-without-conclusion': {
      if (at === null) return [];
      return cands.map((c, i) => ({
        title: { nl: `Verwijs naar conclusie ${c.number} (gelijkenis ${fmt(c.strength, 'nl')})`, en: `Refer to conclusion ${c.number} (similarity ${fmt(c.strength, 'en')})` },
        edits: [insert(at, ` (${see} ${en ? 'conclusion' : 'conclusie'} ${c.number})`)],
        ...(i === 0 && c.strength >= 0.15 ? { isPreferred: true } : {}),
      }));
    }
    case 'trace/conclusion-without-findings':
    case 'trace/assessment-without-evidence': {
      if (at === null) return [];
      return cands
        .filter((c) => c.phrase)
        .map((c, i) => ({
          title: { nl: `Verwijs naar de bevindingen: ${c.phrase} (gelijkenis ${fmt(c.strength, 'nl')})`, en: `Refer to the findings: ${c.phrase} (similarity ${fmt(c.strength, 'en')})` },
          edits: [insert(at, ` (${see} ${c.phrase})`)],
          ...(i === 0 && c.strength >= 0.2 ? { isPreferred: true } : {}),
        }));
    }
    case 'trace/unanswered-question': {
      const num = String(data.number ?? '');
      const out: TraceFix[] = cands
        .filter((c) => typeof c.insertAt === 'number')
        .map((c) => ({
          title: { nl: `Conclusie ${c.id.slice(1)} beantwoordt onderzoeksvraag ${num} (gelijkenis ${fmt(c.strength, 'nl')})`, en: `Conclusion ${c.id.slice(1)} answers research question ${num} (similarity ${fmt(c.strength, 'en')})` },
          edits: [insert(c.insertAt!, en ? ` This conclusion answers research question ${num}.` : ` Deze conclusie beantwoordt onderzoeksvraag ${num}.`)],
        }));
      const stub = data.stub as { at: number; heading: string | null; next: number; explicitId: boolean } | null | undefined;
      if (stub) {
        const word = en ? 'Conclusion' : 'Conclusie';
        const sentence = en ? `This conclusion answers research question ${num}.` : `Deze conclusie beantwoordt onderzoeksvraag ${num}.`;
        const text = stub.heading ? `\n\n${stub.heading} ${word} ${stub.next}${stub.explicitId ? ` {#C${stub.next}}` : ''}\n\n… ${sentence}` : `\n${stub.next}. … ${sentence}`;
        out.push({ title: { nl: `Voeg een conclusie toe die onderzoeksvraag ${num} beantwoordt`, en: `Add a conclusion that answers research question ${num}` }, edits: [insert(stub.at, text)] });
      }
      return out;
    }
    case 'trace/unassessed-norm': {
      const stub = data.stub as { at: number; text: string } | null | undefined;
      if (!stub) return [];
      const reportUri = typeof data.reportUri === 'string' ? data.reportUri : undefined;
      const norm = String(data.norm ?? '').replace(/^N/, '');
      return [
        {
          title: { nl: `Voeg in het rapport een oordeel over norm ${norm} toe`, en: `Add an assessment of norm ${norm} to the report` },
          edits: [insert(stub.at, stub.text, reportUri && reportUri !== model.uri ? reportUri : undefined)],
        },
      ];
    }
    case 'trace/missing-score': {
      const value = data.value as Span | null | undefined;
      const scale = data.scale as Span | null | undefined;
      if (value) return SCORES.map((s) => ({ title: { nl: `Score ${s}`, en: `Score ${s}` }, edits: [{ range: { ...value }, newText: s }] }));
      if (scale) return SCORES.map((s) => ({ title: { nl: `Kies ${s} op de schaal`, en: `Choose ${s} on the scale` }, edits: [{ range: { ...scale }, newText: SCORES.map((x) => (x === s ? `**${x}**` : x)).join(' | ') }] }));
      return [];
    }
    default:
      return [];
  }
}

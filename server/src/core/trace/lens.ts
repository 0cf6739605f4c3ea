/**
 * Code lenses for the chain: one line above each research question, norm,
 * assessment, conclusion and recommendation saying what it is linked to:
 *
 *   Q3  "beantwoord door C3 · rust op F3.3 (gelijkenis 0,49) · aanbeveling R1"
 *   N1.3 "niet getoetst"
 *   C6  "beantwoordt Q7 · rust op F4.4 · aanbeveling R4"
 *   R6  "volgt uit geen conclusie"
 *
 * Links made by number carry "(nummer)", links inferred from the wording
 * their similarity. `targets` are the node ids the lens points at, for a
 * "go to" or "peek" command. Pure.
 */
import type { DocumentModel, Span } from '../types';
import type { ProjectView } from '../project';
import type { Message } from '../rules/types';
import { fmt, type TraceContext, type TraceEdge } from './graph';
import { headRange, reportOf, traceCheck } from './checks';

export interface TraceLens {
  range: Span;
  title: Message;
  targets: string[];
}

export function traceLens(model: DocumentModel, project?: ProjectView): TraceLens[] {
  const report = reportOf(model, project);
  if (!report) return [];
  const { ctx } = traceCheck(report, project);
  const out: TraceLens[] = [];
  for (const n of ctx.graph.nodes) {
    if (n.uri !== model.uri || n.kind === 'finding') continue;
    const parts: Message[] = [];
    const targets: string[] = [];
    const list = (edges: TraceEdge[], end: 'from' | 'to'): Message => {
      for (const e of edges) targets.push(e[end]);
      return join(edges.map((e) => cell(e[end], e)));
    };
    const findingsOf = (ids: string[]): TraceEdge[] => uniqueBy(ids.flatMap((id) => ctx.out(id).filter((e) => (e.kind === 'rests-on' || e.kind === 'evidence') && ctx.node(e.to)?.kind === 'finding')), (e) => e.to);
    const recsOf = (ids: string[]): TraceEdge[] => uniqueBy(ids.flatMap((id) => ctx.in(id).filter((e) => e.kind === 'follows')), (e) => e.from);
    switch (n.kind) {
      case 'question': {
        const by = ctx.in(n.id).filter((e) => e.kind === 'answers');
        if (!by.length) {
          parts.push({ nl: 'door geen conclusie beantwoord', en: 'answered by no conclusion' });
          break;
        }
        const l = list(by, 'from');
        parts.push({ nl: `beantwoord door ${l.nl}`, en: `answered by ${l.en}` });
        const f = findingsOf(by.map((e) => e.from));
        if (f.length) parts.push(restsOn(list(f, 'to')));
        const r = recsOf(by.map((e) => e.from));
        if (r.length) parts.push(recs(list(r, 'from'), r.length));
        break;
      }
      case 'norm': {
        const by = ctx.in(n.id).filter((e) => e.kind === 'assesses');
        if (!by.length) {
          parts.push({ nl: 'niet getoetst', en: 'not assessed' });
          break;
        }
        const l = list(by, 'from');
        const scores = by.map((e) => scoreText(ctx, e.from));
        parts.push({ nl: `getoetst in ${l.nl} (score ${scores.map((s) => s.nl).join(', ')})`, en: `assessed in ${l.en} (score ${scores.map((s) => s.en).join(', ')})` });
        const f = findingsOf(by.map((e) => e.from));
        if (f.length) parts.push({ nl: `bevindingen ${list(f, 'to').nl}`, en: `findings ${list(f, 'to').en}` });
        break;
      }
      case 'assessment': {
        const norm = ctx.out(n.id).filter((e) => e.kind === 'assesses');
        const s = scoreText(ctx, n.id);
        if (norm.length) parts.push({ nl: `toetst ${list(norm, 'to').nl}`, en: `assesses ${list(norm, 'to').en}` });
        else parts.push({ nl: 'toetst geen bekende norm', en: 'assesses no known norm' });
        parts.push({ nl: `score ${s.nl}`, en: `score ${s.en}` });
        const f = findingsOf([n.id]);
        parts.push(f.length ? { nl: `bevindingen ${list(f, 'to').nl}`, en: `findings ${list(f, 'to').en}` } : { nl: 'geen bevindingen', en: 'no findings' });
        break;
      }
      case 'conclusion': {
        const ans = ctx.out(n.id).filter((e) => e.kind === 'answers');
        parts.push(ans.length ? { nl: `beantwoordt ${list(ans, 'to').nl}`, en: `answers ${list(ans, 'to').en}` } : { nl: 'beantwoordt geen onderzoeksvraag', en: 'answers no research question' });
        const rests = ctx.out(n.id).filter((e) => e.kind === 'rests-on');
        parts.push(rests.length ? restsOn(list(rests, 'to')) : { nl: 'rust op geen bevinding', en: 'rests on no finding' });
        const r = recsOf([n.id]);
        if (r.length) parts.push(recs(list(r, 'from'), r.length));
        break;
      }
      case 'recommendation': {
        const f = ctx.out(n.id).filter((e) => e.kind === 'follows');
        parts.push(f.length ? { nl: `volgt uit ${list(f, 'to').nl}`, en: `follows from ${list(f, 'to').en}` } : { nl: 'volgt uit geen conclusie', en: 'follows from no conclusion' });
        const q = ctx.out(n.id).filter((e) => e.kind === 'answers');
        if (q.length) parts.push({ nl: `beantwoordt ${list(q, 'to').nl}`, en: `answers ${list(q, 'to').en}` });
        break;
      }
    }
    out.push({ range: headRange(model, n.range), title: { nl: parts.map((p) => p.nl).join(' · '), en: parts.map((p) => p.en).join(' · ') }, targets: [...new Set(targets)] });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** "C1", "C4 (nummer)", "F3.2 (gelijkenis 0,62)". */
function cell(id: string, e: TraceEdge): Message {
  if (e.via === 'numbering') return { nl: `${id} (nummer)`, en: `${id} (by number)` };
  if (e.via === 'similarity') return { nl: `${id} (gelijkenis ${fmt(e.strength, 'nl')})`, en: `${id} (similarity ${fmt(e.strength, 'en')})` };
  return { nl: id, en: id };
}

function join(ms: Message[]): Message {
  return { nl: ms.map((m) => m.nl).join(', '), en: ms.map((m) => m.en).join(', ') };
}

function restsOn(l: Message): Message {
  return { nl: `rust op ${l.nl}`, en: `rests on ${l.en}` };
}

function recs(l: Message, n: number): Message {
  return { nl: `${n === 1 ? 'aanbeveling' : 'aanbevelingen'} ${l.nl}`, en: `${n === 1 ? 'recommendation' : 'recommendations'} ${l.en}` };
}

export function scoreText(ctx: TraceContext, assessment: string): Message {
  const a = ctx.node(assessment);
  if (!a) return { nl: '?', en: '?' };
  if (a.score) return { nl: a.score, en: a.score };
  switch (a.scoreState) {
    case 'scale-without-choice':
      return { nl: 'schaal zonder keuze', en: 'scale without choice' };
    case 'unreadable':
      return { nl: 'onleesbaar', en: 'unreadable' };
    default:
      return { nl: 'geen', en: 'none' };
  }
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/**
 * Does the report's nawoord (afterword) answer a reaction? It does when it
 * names the item ("conclusie 6", a link to #C6), quotes the reaction (a
 * quoted word or phrase of the reaction's text, or five words in a row),
 * or has a paragraph that says much the same as the reaction.
 */
import type { DocumentModel, Reaction, Span } from '../types';
import { words } from '../text';
import { stopwords } from './view';

const STOP = stopwords();

export interface Afterword {
  /** The afterword sections' headings (for diagnostics) and ranges. */
  heading: Span;
  ranges: Span[];
  refs: Set<string>;
  paragraphs: string[][];
  shingles: Set<string>;
  quoted: string[][];
}

const CACHE = new WeakMap<DocumentModel, Afterword | null>();

export function afterwordOf(report: DocumentModel): Afterword | null {
  if (CACHE.has(report)) return CACHE.get(report)!;
  const secs = report.sections.filter((s) => s.role === 'afterword' && (s.parent === null || report.sections[s.parent].role !== 'afterword'));
  if (!secs.length) {
    CACHE.set(report, null);
    return null;
  }
  const ranges = secs.map((s) => s.range);
  const within = (sp: Span): boolean => ranges.some((r) => sp.start >= r.start && sp.end <= r.end);
  const refs = new Set<string>();
  for (const r of report.references) if (within(r.range) && (r.kind === 'conclusion' || r.kind === 'recommendation')) refs.add(r.target);
  const paragraphs: string[][] = [];
  const shingles = new Set<string>();
  const quoted: string[][] = [];
  for (const b of report.blocks) {
    if (b.type === 'heading' || !within(b.range)) continue;
    const ws = words(b.text);
    paragraphs.push(ws);
    for (const sh of shinglesOf(ws)) shingles.add(sh);
    const re = /[“"‘'„]([^“”"‘’'„]{2,160})[”"’']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(b.text)) !== null) {
      const q = words(m[1]);
      if (q.some((w) => !STOP.has(w))) quoted.push(q);
    }
  }
  const aw: Afterword = { heading: secs[0].headingRange, ranges, refs, paragraphs, shingles, quoted };
  CACHE.set(report, aw);
  return aw;
}

function shinglesOf(ws: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 5 <= ws.length; i++) {
    const g = ws.slice(i, i + 5);
    if (g.filter((w) => !STOP.has(w)).length >= 3) out.push(g.join(' '));
  }
  return out;
}

function containsRun(hay: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export type AddressedBy = 'reference' | 'quote' | 'similarity';

/** How the afterword answers the reaction to `target`, or null when it does not. */
export function addressedBy(aw: Afterword, target: string | null, reaction: Reaction): AddressedBy | null {
  if (target && aw.refs.has(target)) return 'reference';
  const rw = words(reaction.text);
  for (const q of aw.quoted) if (containsRun(rw, q)) return 'quote';
  for (const sh of shinglesOf(rw)) if (aw.shingles.has(sh)) return 'quote';
  const rset = new Set(rw.filter((w) => !STOP.has(w)));
  for (const p of aw.paragraphs) {
    const pset = new Set(p.filter((w) => !STOP.has(w)));
    let hit = 0;
    for (const w of pset) if (rset.has(w)) hit++;
    if (hit >= 8 && (2 * hit) / (pset.size + rset.size) >= 0.35) return 'similarity';
  }
  return null;
}

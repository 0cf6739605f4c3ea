/** Shared wording and places for the wederhoor rules. */
import type { DocumentModel, Span } from '../../types';
import type { Message, Related } from '../types';

export function itemName(id: string, label?: string | null): Message {
  const kind = id.startsWith('R') ? 'R' : 'C';
  const n = label && /^\d/.test(label) ? label : id.slice(1);
  return kind === 'R' ? { nl: `aanbeveling ${n}`, en: `recommendation ${n}` } : { nl: `conclusie ${n}`, en: `conclusion ${n}` };
}

export function names(ids: Array<{ id: string; label?: string | null }>): Message {
  return { nl: ids.map((x) => itemName(x.id, x.label).nl).join(', '), en: ids.map((x) => itemName(x.id, x.label).en).join(', ') };
}

/** A text for a message: one line, at most `max` characters. */
export function short(s: string, max = 90): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1).trimEnd() + '…' : t;
}

export function fileName(uri: string | null): string {
  return uri ? uri.split(/[\\/]/).pop() ?? uri : '';
}

/** The first line of a span (for items that run over many lines). */
export function firstLine(text: string, span: Span): Span {
  let end = span.start;
  while (end < span.end && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start: span.start, end: Math.max(end, span.start) };
}

/** A related place, with the uri when it is in another document. */
export function related(from: DocumentModel, to: DocumentModel, range: Span, message: Message): Related {
  return { message, range, ...(to !== from && to.uri ? { uri: to.uri } : {}) };
}

export const STANCE_WORD: Record<'agree' | 'partly' | 'disagree' | 'none', Message> = {
  agree: { nl: 'eens', en: 'agrees' },
  partly: { nl: 'deels eens, met kanttekeningen', en: 'partly agrees, with reservations' },
  disagree: { nl: 'oneens', en: 'disagrees' },
  none: { nl: 'geen standpunt', en: 'no stance' },
};

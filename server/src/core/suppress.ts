/**
 * Inline suppression comments, as in other linters:
 *
 *   <!-- toetssteen-disable-next-line claim/unsupported -->   the next non-blank line
 *   <!-- toetssteen-disable-line smart/time-bound -->         this line
 *   <!-- toetssteen-disable claim/unsupported, smart/* -->    from here …
 *   <!-- toetssteen-enable claim/unsupported -->              … to here
 *   <!-- toetssteen-disable -->                               all codes (until enable)
 *
 * Codes may end in `/*` for a whole area. In plain text the same words work
 * without the comment markers, on a line of their own.
 */
import type { Span } from './types';
import type { Diagnostic } from './rules/types';

interface Directive {
  kind: 'next-line' | 'line' | 'disable' | 'enable';
  codes: string[] | null;
  /** The span the directive governs (lines), filled in below. */
  line: number;
  offset: number;
}

const DIRECTIVE_RE = /(?:<!--\s*)?toetssteen-(disable-next-line|disable-line|disable|enable)\b([^\n>]{0,300}?)(?:-->|$)/gm;

function matches(codes: string[] | null, code: string): boolean {
  if (!codes) return true;
  return codes.some((c) => c === code || (c.endsWith('/*') && code.startsWith(c.slice(0, -1))));
}

export function applySuppressions(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!text.includes('toetssteen-')) return diagnostics;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (o: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const directives: Directive[] = [];
  DIRECTIVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE_RE.exec(text)) !== null) {
    const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-line' ? 'line' : (m[1] as 'disable' | 'enable');
    const codes = m[2]
      .split(/[\s,]+/)
      .map((c) => c.trim())
      .filter((c) => /^[a-z][\w-]*\/(?:[\w*-]+)$/.test(c));
    directives.push({ kind, codes: codes.length ? codes : null, line: lineOf(m.index), offset: m.index });
  }
  if (!directives.length) return diagnostics;
  // Per line: codes suppressed.
  const nextLineTargets = new Map<number, Array<string[] | null>>();
  for (const d of directives) {
    if (d.kind === 'line') push(nextLineTargets, d.line, d.codes);
    if (d.kind === 'next-line') {
      let l = d.line + 1;
      while (l < lineStarts.length && text.slice(lineStarts[l], (lineStarts[l + 1] ?? text.length + 1) - 1).trim() === '') l++;
      push(nextLineTargets, l, d.codes);
    }
  }
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  return diagnostics.filter((diag) => {
    const line = lineOf(diag.range.start);
    const onLine = nextLineTargets.get(line);
    if (onLine && onLine.some((codes) => matches(codes, diag.code))) return false;
    // Disable/enable regions: the last directive before the diagnostic that names its code decides.
    let disabled = false;
    for (const d of ranges) {
      if (d.offset > diag.range.start) break;
      if (!matches(d.codes, diag.code)) continue;
      disabled = d.kind === 'disable';
    }
    return !disabled;
  });
}

function push(map: Map<number, Array<string[] | null>>, line: number, codes: string[] | null): void {
  const list = map.get(line) ?? [];
  list.push(codes);
  map.set(line, list);
}

/** The comment that silences `code` on the line of `at`, for the quick fix. */
export function disableNextLineComment(code: string, format: 'markdown' | 'text'): string {
  return format === 'markdown' ? `<!-- toetssteen-disable-next-line ${code} -->` : `toetssteen-disable-next-line ${code}`;
}

export type { Span };

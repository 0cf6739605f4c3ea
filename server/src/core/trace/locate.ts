/**
 * Lookups by offset for the trace checks: the first block or sentence of an
 * item, the references inside an item, whether a span overlaps one of a set
 * of spans. The model's arrays are in document order, so each lookup is a
 * binary search instead of a scan of the whole document per item; every
 * function gives exactly what the scan would give (the first element in
 * array order), and falls back to the scan for an array that is not in
 * order of start.
 */
import type { Span } from '../types';

type StartOf<T> = (x: T) => number;

const SORTED = new WeakMap<readonly unknown[], Map<StartOf<never>, boolean>>();

/** True when the starts of `arr` never decrease (checked once per array and key). */
function sortedBy<T>(arr: readonly T[], start: StartOf<T>): boolean {
  let byKey = SORTED.get(arr);
  if (!byKey) SORTED.set(arr, (byKey = new Map()));
  let ok = byKey.get(start as StartOf<never>);
  if (ok === undefined) {
    ok = true;
    for (let i = 1; i < arr.length; i++) {
      if (start(arr[i]) < start(arr[i - 1])) {
        ok = false;
        break;
      }
    }
    byKey.set(start as StartOf<never>, ok);
  }
  return ok;
}

/** The first index whose start is ≥ pos (array sorted by start). */
export function lowerBound<T>(arr: readonly T[], start: StartOf<T>, pos: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start(arr[mid]) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `arr.find((x) => start(x) >= from && start(x) < to)`. */
export function firstStartingIn<T>(arr: readonly T[], start: StartOf<T>, from: number, to: number): T | undefined {
  if (!sortedBy(arr, start)) return arr.find((x) => start(x) >= from && start(x) < to);
  const i = lowerBound(arr, start, from);
  return i < arr.length && start(arr[i]) < to ? arr[i] : undefined;
}

/** `arr.find((x) => start(x) === pos && ok(x))`. */
export function firstStartingAt<T>(arr: readonly T[], start: StartOf<T>, pos: number, ok: (x: T) => boolean = () => true): T | undefined {
  if (!sortedBy(arr, start)) return arr.find((x) => start(x) === pos && ok(x));
  for (let i = lowerBound(arr, start, pos); i < arr.length && start(arr[i]) === pos; i++) if (ok(arr[i])) return arr[i];
  return undefined;
}

/** The index where a scan for elements starting at or after `pos` may begin (0 when the array is not in order). */
export function scanFrom<T>(arr: readonly T[], start: StartOf<T>, pos: number): number {
  return sortedBy(arr, start) ? lowerBound(arr, start, pos) : 0;
}

/** `arr.filter((x) => span(x).start >= range.start && span(x).end <= range.end)`, in array order. */
export function spansWithin<T>(arr: readonly T[], span: (x: T) => Span, range: Span): T[] {
  const start = startOfSpan(span);
  if (!sortedBy(arr, start)) return arr.filter((x) => span(x).start >= range.start && span(x).end <= range.end);
  const out: T[] = [];
  // Sorted by start: what lies inside starts in [range.start, range.end] (an end is never before its start, and a later start cannot lie inside when this one is past the end).
  for (let i = lowerBound(arr, start, range.start); i < arr.length; i++) {
    const s = span(arr[i]);
    if (s.start > range.end) break;
    if (s.end <= range.end) out.push(arr[i]);
  }
  return out;
}

const START_FNS = new WeakMap<(x: never) => Span, StartOf<never>>();
function startOfSpan<T>(span: (x: T) => Span): StartOf<T> {
  let f = START_FNS.get(span as (x: never) => Span) as StartOf<T> | undefined;
  if (!f) {
    f = (x: T) => span(x).start;
    START_FNS.set(span as (x: never) => Span, f as StartOf<never>);
  }
  return f;
}

/**
 * A set of spans for overlap questions: "does [s, e) overlap any of them"
 * (`some((x) => x.start < e && s < x.end)`) in O(log n), and the spans that
 * overlap a range, in the order they were given.
 */
export class SpanSet {
  private readonly spans: Array<{ start: number; end: number; i: number }>;
  /** The largest end among spans[0..k]. */
  private readonly maxEnd: Float64Array;
  /** The longest span: a span overlapping [s, e) starts after s − longest. */
  private readonly longest: number;

  constructor(spans: readonly Span[]) {
    this.spans = spans.map((x, i) => ({ start: x.start, end: x.end, i })).sort((a, b) => a.start - b.start || a.i - b.i);
    this.maxEnd = new Float64Array(this.spans.length);
    let m = -Infinity;
    let longest = 0;
    this.spans.forEach((x, k) => {
      m = Math.max(m, x.end);
      this.maxEnd[k] = m;
      longest = Math.max(longest, x.end - x.start);
    });
    this.longest = longest;
  }

  get size(): number {
    return this.spans.length;
  }

  /** The number of spans starting before `pos`. */
  private before(pos: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.spans[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when a span overlaps [s, e): starts before e and ends after s. */
  overlaps(s: number, e: number): boolean {
    const k = this.before(e);
    return k > 0 && this.maxEnd[k - 1] > s;
  }

  /** The spans that overlap [s, e), in the order they were given. */
  overlapping(s: number, e: number): Span[] {
    const hits: Array<{ start: number; end: number; i: number }> = [];
    for (let k = this.before(s - this.longest), n = this.before(e); k < n; k++) {
      const x = this.spans[k];
      if (x.end > s) hits.push(x);
    }
    return hits.sort((a, b) => a.i - b.i).map((x) => ({ start: x.start, end: x.end }));
  }
}

/**
 * Myers' O((N+M)·D) difference of two key sequences, as hunks. Common
 * prefix and suffix are taken off first; very long or very different inputs
 * (beyond `maxCost`) come back as one replacing hunk instead of a slow
 * search.
 */

export interface Hunk {
  /** Half-open index ranges: `a[a0..a1)` is replaced by `b[b0..b1)`. */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

export function diffKeys(a: readonly string[], b: readonly string[], maxCost = 4_000_000): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ a0: pre, a1: pre + n, b0: pre, b1: pre + m }];
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  let cost = 0;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[pre + x] === b[pre + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
    cost += 2 * d + 3;
    if (cost > maxCost) break;
  }
  if (found < 0) return [{ a0: pre, a1: pre + n, b0: pre, b1: pre + m }];

  // Backtrack: the path as (x, y) moves, then grouped into hunks.
  type Step = 'eq' | 'del' | 'ins';
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const t = trace[d]; // v after step d-1, indices k-(d+1)..: slice offset
    const at = (k: number): number => t[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push('eq');
      x--;
      y--;
    }
    if (x === prevX) {
      steps.push('ins');
      y--;
    } else {
      steps.push('del');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    steps.push('eq');
    x--;
    y--;
  }
  steps.reverse();

  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  for (const s of steps) {
    if (s === 'eq') {
      if (open) {
        hunks.push(open);
        open = null;
      }
      i++;
      j++;
      continue;
    }
    if (!open) open = { a0: pre + i, a1: pre + i, b0: pre + j, b1: pre + j };
    if (s === 'del') {
      i++;
      open.a1 = pre + i;
    } else {
      j++;
      open.b1 = pre + j;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

/**
 * Times regular expressions on adversarial input, in a worker thread so that
 * the test can stop a runaway match (a synchronous regex cannot be
 * interrupted otherwise). For each expression: runs of every character it
 * names (and of its literal pieces, and of pairs of its characters), 50,000
 * characters long with a tail that does not match, plus the attack string of
 * the ReDoS checker scaled to that length. Reports the worst time of each.
 *
 * in:  { regexes: [{ id, source, flags, attack? }], length, budgetMs }
 * out: { started: id } before each, { done: id, worstMs, sample, elapsedMs } after, { finished: true }
 */
import { parentPort, workerData } from 'node:worker_threads';

const COMMON = [' ', '\t', '\n', '\r', 'a', 'A', 'é', 'Z', '1', '0', '.', ',', ':', ';', '-', '–', '*', '_', '[', ']', '(', ')', '{', '}', '#', '@', '|', '>', '<', '!', '?', '"', "'", '’', '/', '\\', '€', '%', '+', '^', '~', '`', '\u00a0', '\u0000', '😀'];
const ESCAPES = { s: [' ', '\t', '\n'], S: ['x'], d: ['1'], D: ['x'], w: ['a', '_'], W: [' ', '.'], n: ['\n'], r: ['\r'], t: ['\t'], f: ['\f'], v: ['\v'], b: [], B: [] };

/** Characters an expression names: its literal characters and a representative of each escape class. */
export function charsOf(source) {
  const out = new Set();
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[++i];
      if (e === undefined) break;
      if (e === 'p' || e === 'P') {
        const close = source.indexOf('}', i);
        const name = source.slice(i + 2, close);
        i = close;
        for (const x of e === 'P' ? [' ', '1'] : name.startsWith('Lu') ? ['A', 'É'] : name.startsWith('Ll') ? ['a', 'é'] : name.startsWith('L') ? ['a', 'É'] : name.startsWith('N') ? ['1', '²'] : name.startsWith('P') ? ['.', '’'] : name.startsWith('Z') ? [' ', '\u00a0'] : ['a']) out.add(x);
      } else if (e === 'u' && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        out.add(String.fromCodePoint(parseInt(source.slice(i + 2, close), 16)));
        i = close;
      } else if (e === 'u') {
        out.add(String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16)));
        i += 4;
      } else if (e === 'x') {
        out.add(String.fromCharCode(parseInt(source.slice(i + 1, i + 3), 16)));
        i += 2;
      } else if (e in ESCAPES) for (const x of ESCAPES[e]) out.add(x);
      else out.add(e);
    } else if (!'()[]{}|?*+^$'.includes(c)) out.add(c);
  }
  return [...out];
}

/** Literal pieces (2–6 plain characters) of an expression, e.g. `<!--`, `[^`, `{#`. */
export function piecesOf(source) {
  const plain = source.replace(/\\[pPu]\{[^}]*\}/g, '\u0001').replace(/\\./g, (m) => (/\\[sSdDwWbBnrtfv]/.test(m) ? '\u0001' : m.slice(1)));
  return [...new Set(plain.match(/[^\u0001()[\]{}|?*+^$]{2,6}/g) ?? [])];
}

/** The adversarial inputs for one expression, each about `length` characters. */
export function inputsFor(re, length, attack) {
  const chars = charsOf(re.source);
  const tails = ['\u0000', '\n!'];
  const out = [];
  const rep = (s) => s.repeat(Math.max(1, Math.ceil(length / s.length)));
  for (const c of new Set([...chars, ...COMMON])) for (const t of tails) out.push(rep(c) + t);
  const own = chars.slice(0, 10);
  for (let i = 0; i < own.length; i++) for (let j = i + 1; j < own.length; j++) out.push(rep(own[i] + own[j]) + '\u0000');
  for (const p of piecesOf(re.source)) {
    out.push(rep(p) + '\u0000');
    for (const c of [' ', 'a', '1', '\n']) out.push(rep(p + c) + '\u0000');
  }
  if (attack && attack.pumps) {
    const pumpLen = attack.pumps.reduce((a, p) => a + p.pump.length, 0) || 1;
    const k = Math.ceil(Math.max(0, length - attack.suffix.length) / pumpLen);
    out.push(attack.pumps.map((p) => p.prefix + p.pump.repeat(k)).join('') + attack.suffix);
  }
  return out;
}

/** Runs an expression over a string as the code does: every match for g/y, the first otherwise. */
export function runOver(re, s) {
  if (!re.global && !re.sticky) return re.exec(s) ? 1 : 0;
  re.lastIndex = 0;
  let n = 0;
  let m;
  while ((m = re.exec(s)) !== null) {
    n++;
    if (m[0].length === 0) re.lastIndex++;
    if (re.sticky && !re.global) break;
  }
  return n;
}

function time(re, s) {
  const t0 = performance.now();
  runOver(re, s);
  return performance.now() - t0;
}

if (parentPort && workerData === 'regex-worker') {
  parentPort.on('message', ({ regexes, length, budgetMs }) => {
    for (const r of regexes) {
      parentPort.postMessage({ started: r.id });
      const t0 = performance.now();
      const re = new RegExp(r.source, r.flags);
      let worst = 0;
      let sample = '';
      for (const s of inputsFor(re, length, r.attack)) {
        let ms = time(re, s);
        if (ms > budgetMs) ms = Math.min(ms, time(re, s)); // a busy machine, or the expression?
        if (ms > worst) {
          worst = ms;
          sample = JSON.stringify(s.slice(0, 16)) + `…(${s.length})…` + JSON.stringify(s.slice(-4));
        }
        if (worst > budgetMs * 20) break;
      }
      parentPort.postMessage({ done: r.id, worstMs: worst, sample, elapsedMs: performance.now() - t0 });
    }
    parentPort.postMessage({ finished: true });
  });
}

// Builds a large, realistic Markdown report from the example project: the
// findings chapters repeated with new numbers until the text reaches the
// requested size. Deterministic.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

export function makeReport(targetBytes = 150_000) {
  const src = readFileSync(resolve(here, '../examples/rapport.md'), 'utf8');
  const chapters = src.split(/\n(?=# )/);
  const head = chapters.slice(0, 2).join('\n');
  const findings = chapters.filter((c) => /^# [34] /.test(c));
  const tail = chapters.filter((c) => /^# [5-9] /.test(c));
  let body = '';
  let n = 3;
  while (Buffer.byteLength(head + body + tail.join('\n')) < targetBytes) {
    for (const ch of findings) {
      const num = n++;
      body += '\n' + ch.replace(/^# \d+/, `# ${num}`).replace(/^(#{2,3}) (\d+)\.(\d+)/gm, (_, h, _a, b) => `${h} ${num}.${b}`).replace(/\{#[^}]+\}/g, '');
      if (Buffer.byteLength(head + body + tail.join('\n')) >= targetBytes) break;
    }
  }
  return head + body + '\n' + tail.map((c, i) => c.replace(/^# \d+/, `# ${n + i}`)).join('\n');
}

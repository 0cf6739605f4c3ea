// Writes the rule reference into README.md (between the RULES markers) from
// the rules' own metadata and examples. `npm run rules:docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';

execSync('node scripts/build.mjs', { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const { RULES } = require('../dist/core.js');

export function rulesMarkdown(rules) {
  const out = ['| code | severity | what it finds |', '|---|---|---|'];
  for (const r of rules) out.push(`| \`${r.meta.code}\` | ${r.meta.severity} | ${r.meta.description.en} / ${r.meta.description.nl} |`);
  for (const r of rules) {
    out.push('', `### \`${r.meta.code}\``, '', r.meta.description.en, '', `*${r.meta.description.nl}*`, '');
    for (const ex of r.meta.examples.flagged) out.push('Flagged' + (ex.at ? ` (at \`${ex.at}\`)` : '') + ':', '', '```markdown', ex.text.trimEnd(), '```', '');
    for (const ex of r.meta.examples.passes) out.push('Passes:', '', '```markdown', ex.text.trimEnd(), '```', '');
  }
  return out.join('\n');
}

const readme = readFileSync('README.md', 'utf8');
const start = '<!-- RULES:START -->';
const end = '<!-- RULES:END -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md has no RULES markers');
writeFileSync('README.md', readme.slice(0, i + start.length) + '\n' + rulesMarkdown(RULES) + '\n' + readme.slice(j));
console.log(`README.md: ${RULES.length} rules documented`);

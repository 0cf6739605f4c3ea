/**
 * `npm run eval`: scores the SMART analysis (server/src/core/smart) against
 * the labelled sets in tests/smart/ and prints accuracy, precision and
 * recall per letter and per language.
 *
 * - labelled.yaml: 200 goals and recommendations (165 Dutch, 35 English),
 *   labelled before the analysis was tuned, then used to tune it.
 * - holdout.yaml: 49 more, written after tuning; its first, blind score is
 *   recorded in its header.
 *
 * Precision and recall are those of "letter missing" — what a diagnostic
 * claims — so precision is how often a complaint is right. For R, "present"
 * means "means named". `--mistakes` lists every disagreement.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { evaluate, type EvalReport, type LabelledItem } from '../server/src/core/smart/score';
import { LETTERS } from '../server/src/core/smart/analyze';

const NAMES: Record<string, string> = { S: 'S specific', M: 'M measurable', A: 'A owner', R: 'R means', T: 'T time-bound' };
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5) + '%';

function load(name: string): LabelledItem[] {
  return (parse(readFileSync(resolve(__dirname, '../tests/smart', name), 'utf8')) as { items: LabelledItem[] }).items;
}

function print(title: string, report: EvalReport): void {
  console.log(`\n=== ${title}`);
  for (const lang of ['nl', 'en', 'all'] as const) {
    if (report.counts[lang] === 0) continue;
    console.log(`\n${lang === 'all' ? 'Both languages' : lang === 'nl' ? 'Dutch' : 'English'} (${report.counts[lang]} items)`);
    console.log('  letter          accuracy  precision  recall   (of "missing"; tp/fp/fn/tn)');
    for (const l of LETTERS) {
      const s = report.scores[lang][l];
      console.log(`  ${NAMES[l].padEnd(15)} ${pct(s.accuracy)}    ${pct(s.precision)}   ${pct(s.recall)}   ${s.tp}/${s.fp}/${s.fn}/${s.tn}`);
    }
  }
}

const showMistakes = process.argv.includes('--mistakes');
const t0 = performance.now();
const sets = [
  ['labelled.yaml — tuning set, labelled before tuning', evaluate(load('labelled.yaml'))],
  ['holdout.yaml — written after tuning (blind first score in its header)', evaluate(load('holdout.yaml'))],
] as const;
const ms = performance.now() - t0;
for (const [title, report] of sets) {
  print(title, report);
  if (showMistakes && report.mistakes.length) {
    console.log('\n  Disagreements (expected → got):');
    for (const m of report.mistakes) console.log(`    ${m.id} ${m.letter} ${m.expected ? 'present' : 'missing'} → ${m.got ? 'present' : 'missing'}: ${m.text}`);
  }
}
const n = sets.reduce((a, [, r]) => a + r.counts.all, 0);
console.log(`\n${n} items scored in ${ms.toFixed(0)} ms. Target: accuracy ≥ 90% for S, M and T. Precision/recall are of "letter missing".`);

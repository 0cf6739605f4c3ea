/**
 * The properties every analysis must have, whatever the input: no exception
 * escapes `analyze` or the rules (every rule runs, with a project view), no
 * rule fails inside the runner, every range lies inside the document and on
 * a UTF-16 code point boundary, and no analysis takes more than 1 s per
 * 100 KB (a bound against pathological blowups, not a speed goal: `npm run
 * bench` measures speed). Shared by the fuzz tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { runRules } from '../../server/src/core/rules';
import { createProjectView, type ProjectView } from '../../server/src/core/project';
import { parseConfig, type ProjectConfig } from '../../server/src/core/config';
import type { DocumentModel, Span } from '../../server/src/core/types';
import type { BibliographyView } from '../../server/src/core/bibliography/types';
import type { SourceIndexView } from '../../server/src/core/claims/types';
import { BibliographyStore } from '../../server/src/workspace/bibliography';
import { buildSourceIndex } from '../../server/src/workspace/sources';
import { EXAMPLES_DIR } from '../helpers/seeds';

/** The bound: milliseconds per 100 KB (documents under 100 KB count as 100 KB). */
export const MS_PER_100KB = 1000;

export function spans(m: DocumentModel): Span[] {
  return [
    ...m.blocks.flatMap((b) => [b.range, b.content]),
    ...m.sections.flatMap((s) => [s.range, s.headingRange]),
    ...[m.questions, m.norms, m.findings, m.goals, m.conclusions, m.recommendations].flatMap((l) => l.map((i) => i.range)),
    ...m.assessments.flatMap((a) => [a.range, ...(a.scoreRange ? [a.scoreRange] : [])]),
    ...m.reactions.flatMap((r) => [r.range, ...(r.quoteRange ? [r.quoteRange] : []), ...(r.textRange ? [r.textRange] : [])]),
    ...m.citations.flatMap((c) => [c.range, c.keyRange, c.groupRange]),
    ...m.footnotes.flatMap((f) => [f.range, ...f.refs]),
    ...m.links.map((l) => l.range),
    ...m.references.map((r) => r.range),
    ...m.sentences,
    ...(m.frontMatterRange ? [m.frontMatterRange] : []),
    ...m.notes.map((n) => n.range),
  ];
}

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** The example project, loaded once: its documents, bibliography and source corpus. */
export interface ExampleProject {
  config: ProjectConfig;
  models: DocumentModel[];
  bibliography: BibliographyView;
  sources: SourceIndexView;
}

export async function loadExampleProject(): Promise<ExampleProject> {
  const config = parseConfig(readFileSync(resolve(EXAMPLES_DIR, '.toetssteen.yaml'), 'utf8')).config;
  const models = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => analyze(readFileSync(resolve(EXAMPLES_DIR, f), 'utf8'), { uri: resolve(EXAMPLES_DIR, f) }));
  const store = new BibliographyStore(EXAMPLES_DIR, config);
  store.loadFor(models);
  // No extraction cache: nothing is written into the examples.
  const sources = await buildSourceIndex({ root: EXAMPLES_DIR, folders: config.sources, cache: null });
  return { config, models, bibliography: store.view(), sources };
}

export interface Measure {
  /** Milliseconds per 100 KB (or per document under 100 KB). */
  per100KB: number;
  ms: number;
  length: number;
}

/**
 * Analyses `text` and runs every rule over it, alone or (with `example`) as
 * one more document of the example project, with its bibliography and
 * sources; throws when a property does not hold.
 */
export function checkDocument(text: string, format: 'markdown' | 'text', example?: ExampleProject): Measure {
  const t0 = performance.now();
  const uri = example ? resolve(EXAMPLES_DIR, format === 'markdown' ? 'fuzz.md' : 'fuzz.txt') : format === 'markdown' ? 'f.md' : 'f.txt';
  const m = analyze(text, { uri });
  const project: ProjectView = example ? createProjectView([...example.models, m], example.config, { bibliography: example.bibliography, sources: example.sources }) : createProjectView([m]);
  const diags = runRules(m, { project });
  const ms = performance.now() - t0;
  const per100KB = ms / Math.max(1, text.length / 100_000);
  const failed = diags.filter((d) => d.code === 'internal/rule-failed').map((d) => d.message.en);
  if (failed.length) throw new Error(`a rule failed: ${failed.join('; ')}`);
  const all = [...spans(m), ...diags.map((d) => d.range), ...diags.flatMap((d) => (d.related ?? []).filter((r) => !r.uri).map((r) => r.range))];
  for (const s of all) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length)) throw new Error(`range ${s.start}-${s.end} outside 0-${text.length}`);
    for (const o of [s.start, s.end]) if (o > 0 && o < text.length && isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))) throw new Error(`range boundary ${o} splits a surrogate pair`);
  }
  if (per100KB > MS_PER_100KB) throw new Error(`analysis took ${ms.toFixed(0)} ms for ${text.length} characters (${per100KB.toFixed(0)} ms per 100 KB)`);
  return { per100KB, ms, length: text.length };
}

/** Tracks the slowest case per 100 KB, with a name to find it again. */
export class Slowest {
  per100KB = 0;
  name = '';
  ms = 0;
  length = 0;
  add(name: string, r: Measure): void {
    if (r.per100KB > this.per100KB) Object.assign(this, { per100KB: r.per100KB, name, ms: r.ms, length: r.length });
  }
  toString(): string {
    return `${this.per100KB.toFixed(0)} ms per 100 KB: ${this.name} (${this.length.toLocaleString('en')} characters, ${this.ms.toFixed(0)} ms)`;
  }
}

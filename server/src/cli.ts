/**
 * toetssteen — the analysis headless, for terminals and CI.
 *
 *   toetssteen outline FILE [--format json|text]
 *   toetssteen check PATH... [--format text|json|sarif] [--lang nl|en]
 *
 * Exit codes: 0 no error-severity finding, 1 at least one, 2 bad usage or
 * unreadable input (with a message, never a stack trace).
 */
import { readFileSync } from 'node:fs';
import { analyze } from './core/analyze';
import { runRules, RULES, type Diagnostic } from './core/rules';
import { toOutline, outlineText } from './core/outline';
import { LineIndex, type Range } from './core/text';
import { findDocuments, displayPath, loadConfig } from './workspace/files';
import { createProjectView } from './core/project';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocumentModel } from './core/types';
import { COMMANDS } from './commands';
import { CommandError, InputError } from './commands/types';
import { readDocumentText as readText } from './workspace/files';
import { BibliographyStore } from './workspace/bibliography';
import { buildSourceIndex } from './workspace/sources';
import { projectFileDiagnostics } from './core/rules/citation';

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Args {
  command: string;
  paths: string[];
  format: string | null;
  lang: 'nl' | 'en';
  options: Record<string, string>;
}

const HELP = (): string => `toetssteen ${VERSION} — checks audit reports and policy documents

Usage:
  toetssteen outline FILE [--format json|text]     the document model
  toetssteen check PATH... [--format text|json|sarif] [--lang nl|en]
                                                   findings; folders are searched for .md and .txt
${Object.entries(COMMANDS).map(([name, c]) => `  toetssteen ${name} ${c.usage}`).join('\n')}
  toetssteen --help | --version

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

function parseArgs(argv: string[]): Args {
  const args: Args = { command: '', paths: [], format: null, lang: defaultLang(), options: {} };
  const valued = new Set(Object.values(COMMANDS).flatMap((c) => c.options));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a === '-f') {
      const v = argv[++i];
      if (!v) throw new UsageError('--format needs a value');
      args.format = v;
    } else if (a.startsWith('--format=')) args.format = a.slice(9);
    else if (a === '--lang') {
      const v = argv[++i];
      if (v !== 'nl' && v !== 'en') throw new UsageError('--lang takes nl or en');
      args.lang = v;
    } else if (a.startsWith('--') && valued.has(a.slice(2))) {
      const v = argv[++i];
      if (!v) throw new UsageError(`${a} needs a value`);
      args.options[a.slice(2)] = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (!args.command) args.command = a;
    else args.paths.push(a);
  }
  return args;
}

function defaultLang(): 'nl' | 'en' {
  const l = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').toLowerCase();
  return l.startsWith('nl') ? 'nl' : 'en';
}



function outline(args: Args): number {
  if (args.paths.length !== 1) throw new UsageError('outline takes exactly one FILE');
  const format = args.format ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError('outline --format takes json or text');
  const file = args.paths[0];
  const text = readText(file);
  const model = analyze(text, { uri: file });
  const o = toOutline(model);
  process.stdout.write(format === 'json' ? JSON.stringify(o, null, 2) + '\n' : outlineText(o) + '\n');
  return 0;
}

interface FileResult {
  path: string;
  diagnostics: Array<{ code: string; severity: string; message: string; range: Range; related?: Array<{ message: string; range: Range; uri?: string }> }>;
}

async function check(args: Args): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('check takes one or more PATHs');
  const format = args.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError('check --format takes text, json or sarif');
  const files: string[] = [];
  for (const p of args.paths) {
    try {
      files.push(...findDocuments(p));
    } catch {
      throw new InputError(`cannot read ${p}: no such file or folder`);
    }
  }
  // One project per run: the configuration of the first folder named (or of the file's folder).
  const first = resolve(args.paths[0]);
  const root = statSync(first).isDirectory() ? first : resolve(first, '..');
  const loaded = loadConfig(root);
  const results: FileResult[] = [];
  let errors = 0;
  if (loaded.file && loaded.problems.length) {
    results.push({
      path: displayPath(loaded.file),
      diagnostics: loaded.problems.map((p) => ({ code: 'config/invalid', severity: 'error', message: p.message[args.lang], range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } } })),
    });
    errors += loaded.problems.length;
  }
  const models: Array<{ file: string; text: string; model: DocumentModel }> = files.map((file) => {
    const text = readText(file);
    return { file, text, model: analyze(text, { uri: file, language: loaded.config.language ?? undefined }) };
  });
  // Bibliographies (project config and front matter) and the source corpus (cached extraction, BM25).
  const bibliography = new BibliographyStore(root, loaded.config);
  bibliography.loadFor(models.map((m) => m.model));
  let sources;
  try {
    sources = await buildSourceIndex({ root, folders: loaded.config.sources });
  } catch (e) {
    process.stderr.write(`toetssteen: source index not built: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  const project = createProjectView(models.map((m) => m.model), loaded.config, { bibliography: bibliography.view(), sources });
  // Findings on files that are not documents: bibliography files, unreadable sources.
  const fileDiags = projectFileDiagnostics(project, loaded.config.rules);
  for (const path of [...new Set(fileDiags.map((d) => d.path))]) {
    const ds = fileDiags.filter((d) => d.path === path);
    results.push({ path: displayPath(path), diagnostics: ds.map((d) => ({ code: d.code, severity: d.severity, message: d.message[args.lang], range: d.range })) });
    errors += ds.filter((d) => d.severity === 'error').length;
  }
  const indexes = new Map<string, LineIndex>();
  const indexFor = (uri: string): LineIndex | null => {
    const m = models.find((x) => x.model.uri === uri);
    if (!m) return null;
    if (!indexes.has(uri)) indexes.set(uri, new LineIndex(m.text));
    return indexes.get(uri)!;
  };
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const { file, text, model } of models) {
    const index = new LineIndex(text);
    const diags: Diagnostic[] = runRules(model, { project, severities: loaded.config.rules });
    results.push({
      path: displayPath(file),
      diagnostics: diags.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message[args.lang],
        range: index.range(d.range),
        ...(d.related ? { related: d.related.map((r) => ({ message: r.message[args.lang], range: r.uri ? indexFor(r.uri)?.range(r.range) ?? zero : index.range(r.range), ...(r.uri ? { uri: displayPath(r.uri) } : {}) })) } : {}),
      })),
    });
    errors += diags.filter((d) => d.severity === 'error').length;
  }
  if (format === 'json') process.stdout.write(JSON.stringify({ files: results }, null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif(results), null, 2) + '\n');
  else process.stdout.write(toText(results, files.length));
  return errors > 0 ? 1 : 0;
}

function toText(results: FileResult[], fileCount: number): string {
  const lines: string[] = [];
  let total = 0;
  const counts: Record<string, number> = {};
  for (const r of results) {
    if (!r.diagnostics.length) continue;
    lines.push(r.path);
    for (const d of r.diagnostics) {
      total++;
      counts[d.severity] = (counts[d.severity] ?? 0) + 1;
      lines.push(`  ${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity.padEnd(11)} ${d.message}  ${d.code}`);
    }
    lines.push('');
  }
  const summary = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
  lines.push(`${fileCount} file${fileCount === 1 ? '' : 's'} checked, ${total} finding${total === 1 ? '' : 's'}${summary ? ` (${summary})` : ''}.`);
  return lines.join('\n') + '\n';
}

function toSarif(results: FileResult[]): unknown {
  const level = (s: string): string => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'toetssteen',
            version: VERSION,
            rules: RULES.map((r) => ({ id: r.meta.code, shortDescription: { text: r.meta.description.en }, fullDescription: { text: r.meta.description.nl }, defaultConfiguration: { level: level(r.meta.severity) } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((f) =>
          f.diagnostics.map((d) => ({
            ruleId: d.code,
            level: level(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.path.split('\\').join('/') },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

function failed(e: unknown): number {
  if (e instanceof UsageError || e instanceof CommandError) {
    process.stderr.write(`toetssteen: ${e.message}\n\n${HELP()}\n`);
    return 2;
  }
  if (e instanceof InputError) {
    process.stderr.write(`toetssteen: ${e.message}\n`);
    return 2;
  }
  process.stderr.write(`toetssteen: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  return 2;
}

export function main(argv: string[]): number | Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
      process.stdout.write(HELP() + '\n');
      return argv.length === 0 ? 2 : 0;
    }
    if (argv.includes('--version')) {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    const args = parseArgs(argv);
    if (args.command === 'outline') return outline(args);
    if (args.command === 'check') return check(args).catch(failed);
    const cmd = COMMANDS[args.command];
    if (cmd) return cmd.run({ paths: args.paths, format: args.format, options: args.options, lang: args.lang });
    throw new UsageError(`unknown command '${args.command}'`);
  } catch (e) {
    return failed(e);
  }
}

const exit = main(process.argv.slice(2));
if (typeof exit === 'number') process.exitCode = exit;
else void exit.then((code) => (process.exitCode = code));

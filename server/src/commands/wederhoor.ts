/**
 * toetssteen wederhoor REPORT RESPONSE [--letter LETTER] [--format text|json] [--lang nl|en]
 *
 * The administration's response against the report (and the cover letter
 * against both): a coverage table — per conclusion and recommendation the
 * reaction to it, whether it quotes the item, the differences in the quote,
 * its stance and the phrases that show it — and the findings of the
 * `wederhoor/*` rules on the documents. REPORT and RESPONSE may be the same
 * file (a report with its reaction appendix). The response and the letter
 * belong to REPORT whatever their front matter says.
 *
 * Exit codes as `check`: 0 without error-severity findings.
 */
import { dirname, resolve } from 'node:path';
import type { Command } from './types';
import { CommandError } from './types';
import { analyze } from '../core/analyze';
import { createProjectView, type ProjectView } from '../core/project';
import type { DocumentModel, Span } from '../core/types';
import { LineIndex, type Range } from '../core/text';
import { runRules, type Diagnostic } from '../core/rules';
import { WEDERHOOR_RULES } from '../core/rules/wederhoor';
import { displayPath, loadConfig, readDocumentText } from '../workspace/files';
import { reportItems, viewOf } from '../core/wederhoor/view';
import type { ReactionEntry } from '../core/wederhoor/view';

const UI = {
  title: { nl: 'Wederhoor', en: 'Wederhoor' },
  report: { nl: 'rapport', en: 'report' },
  response: { nl: 'reactie', en: 'response' },
  letter: { nl: 'brief', en: 'letter' },
  item: { nl: 'onderdeel', en: 'item' },
  reaction: { nl: 'reactie', en: 'reaction' },
  quoted: { nl: 'citaat', en: 'quoted' },
  diffs: { nl: 'verschillen', en: 'differences' },
  stance: { nl: 'standpunt', en: 'stance' },
  phrases: { nl: 'zinsneden', en: 'phrases' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  none: { nl: 'geen reactie', en: 'no reaction' },
  findings: { nl: 'Bevindingen', en: 'Findings' },
  noFindings: { nl: 'Geen bevindingen.', en: 'No findings.' },
  notReaction: {
    nl: (p: string, k: string) => `let op: ${p} leest als ${k}, niet als reactie, en bevat geen reacties (zet type: reactie in de front matter)`,
    en: (p: string, k: string) => `note: ${p} reads as ${k}, not as a response, and holds no reactions (set type: reactie in its front matter)`,
  },
  stanceWord: {
    nl: { agree: 'eens', partly: 'deels', disagree: 'oneens', none: '—' },
    en: { agree: 'agree', partly: 'partly', disagree: 'disagree', none: '—' },
  },
};

interface JsonChange {
  kind: string;
  part: string;
  report: string;
  quote: string;
  range: Range | null;
  reportRange: Range | null;
}

interface CoverageRow {
  item: string;
  kind: 'conclusion' | 'recommendation';
  reaction: { id: string; path: string; range: Range } | null;
  quoted: boolean;
  quoteDifferences: number;
  changes: JsonChange[];
  stance: string | null;
  phrases: Array<{ text: string; stance: string; range: Range | null }>;
}

interface FindingRow {
  path: string;
  code: string;
  severity: string;
  message: string;
  range: Range;
  related?: Array<{ message: string; path?: string; range: Range }>;
}

export const wederhoorCommand: Command = {
  usage: 'REPORT RESPONSE [--letter LETTER] [--format text|json] [--lang nl|en]\n                                                   the response against the report, the letter against both',
  options: ['letter'],
  run(args) {
    if (args.paths.length !== 2) throw new CommandError('wederhoor takes REPORT and RESPONSE (they may be the same file)');
    const format = args.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CommandError('wederhoor --format takes text or json');
    const lang = args.lang;
    const reportPath = resolve(args.paths[0]);
    const responsePath = resolve(args.paths[1]);
    const letterPath = args.options.letter ? resolve(args.options.letter) : null;
    const loaded = loadConfig(dirname(reportPath));
    const language = loaded.config.language ?? undefined;

    const texts = new Map<string, string>();
    const models = new Map<string, DocumentModel>();
    const load = (p: string): DocumentModel => {
      const hit = models.get(p);
      if (hit) return hit;
      const text = readDocumentText(p);
      texts.set(p, text);
      const m = analyze(text, { uri: p, language });
      models.set(p, m);
      return m;
    };
    const report = load(reportPath);
    let response = load(responsePath);
    let letter = letterPath ? load(letterPath) : null;
    const notes: string[] = [];
    if (response !== report && response.kind !== 'reaction') {
      if (response.reactions.length) response = { ...response, kind: 'reaction' };
      else notes.push(UI.notReaction[lang](displayPath(responsePath), response.kind));
    }
    if (letter && letter !== report && letter.kind !== 'letter') letter = { ...letter, kind: 'letter' };

    const docs = [...new Set([report, response, ...(letter ? [letter] : [])])];
    const base = createProjectView(docs, loaded.config);
    const project: ProjectView = {
      ...base,
      ofKind: (kind) => docs.filter((d) => d.kind === kind),
      reportFor: (d) => (d === report ? base.reportFor(d) : d === response || d === letter ? report : base.reportFor(d)),
    };

    // Coverage.
    const sources = [...(response !== report && response.reactions.length ? [response] : []), ...(report.reactions.length ? [report] : [])];
    const view = viewOf(report, sources);
    const indexes = new Map<DocumentModel, LineIndex>();
    const index = (d: DocumentModel): LineIndex => {
      let ix = indexes.get(d);
      if (!ix) {
        ix = new LineIndex(d.text);
        indexes.set(d, ix);
      }
      return ix;
    };
    const pathOf = (d: DocumentModel): string => displayPath(d.uri ?? '');
    const rng = (d: DocumentModel, s: Span | undefined | null): Range | null => (s ? index(d).range(s) : null);
    const rows: CoverageRow[] = reportItems(report).map((it) => {
      const e: ReactionEntry | undefined = view.entries.find((x) => x.target === it);
      return {
        item: it.id,
        kind: it.id.startsWith('R') ? 'recommendation' : 'conclusion',
        reaction: e ? { id: e.reaction.id, path: pathOf(e.doc), range: index(e.doc).range(e.reaction.range) } : null,
        quoted: !!e && e.reaction.quote.length > 0,
        quoteDifferences: e?.diff?.changes.length ?? 0,
        changes: (e?.diff?.changes ?? []).map((c) => ({ kind: c.kind, part: c.part, report: c.report, quote: c.quote, range: rng(e!.doc, c.quoteRange), reportRange: rng(report, c.reportRange) })),
        stance: e ? e.stance.stance : null,
        phrases: (e?.stance.phrases ?? []).map((p) => ({ text: p.text, stance: p.stance, range: rng(e!.doc, p.range) })),
      };
    });
    const unaligned = view.entries.filter((e) => !e.target);

    // Findings of the wederhoor rules on each document.
    const findings: FindingRow[] = [];
    let errors = 0;
    const byUri = new Map(docs.map((d) => [d.uri, d]));
    for (const d of docs) {
      const diags: Diagnostic[] = runRules(d, { project, severities: loaded.config.rules }, WEDERHOOR_RULES);
      for (const x of diags) {
        if (x.severity === 'error') errors++;
        findings.push({
          path: pathOf(d),
          code: x.code,
          severity: x.severity,
          message: x.message[lang],
          range: index(d).range(x.range),
          ...(x.related
            ? {
                related: x.related.map((r) => {
                  const target = r.uri ? byUri.get(r.uri) ?? d : d;
                  return { message: r.message[lang], ...(r.uri ? { path: displayPath(r.uri) } : {}), range: index(target).range(r.range) };
                }),
              }
            : {}),
        });
      }
    }

    if (format === 'json') {
      const out = {
        report: pathOf(report),
        response: displayPath(responsePath),
        letter: letterPath ? displayPath(letterPath) : null,
        notes,
        coverage: rows,
        unaligned: unaligned.map((e) => ({ id: e.reaction.id, path: pathOf(e.doc), label: e.reaction.label, range: index(e.doc).range(e.reaction.range) })),
        findings,
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return errors > 0 ? 1 : 0;
    }

    const lines: string[] = [];
    lines.push(`${UI.title[lang]} — ${UI.report[lang]}: ${pathOf(report)}, ${UI.response[lang]}: ${displayPath(responsePath)}${letterPath ? `, ${UI.letter[lang]}: ${displayPath(letterPath)}` : ''}`);
    for (const n of notes) lines.push(n);
    lines.push('');
    const table: string[][] = [[UI.item[lang], UI.reaction[lang], UI.quoted[lang], UI.diffs[lang], UI.stance[lang], UI.phrases[lang]]];
    for (const r of rows) {
      if (!r.reaction) {
        table.push([r.item, '—', '—', '—', '—', UI.none[lang]]);
        continue;
      }
      const diffs = r.changes.length ? `${r.changes.length} (${summarise(r.changes, lang)})` : '0';
      table.push([
        r.item,
        `${r.reaction.path.split(/[\\/]/).pop()}:${r.reaction.range.start.line + 1}`,
        r.quoted ? UI.yes[lang] : UI.no[lang],
        diffs,
        UI.stanceWord[lang][(r.stance ?? 'none') as 'none'],
        r.phrases.map((p) => `'${p.text}'`).join(', '),
      ]);
    }
    const widths = table[0].map((_, c) => Math.min(40, Math.max(...table.map((row) => (c === table[0].length - 1 ? 0 : row[c].length)))));
    for (const row of table) lines.push(row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd());
    for (const e of unaligned) lines.push(`${e.reaction.id} (${pathOf(e.doc)}:${index(e.doc).range(e.reaction.range).start.line + 1}): ${lang === 'nl' ? 'niet aan een onderdeel van het rapport te koppelen' : 'not aligned to an item of the report'}`);
    lines.push('');
    lines.push(`${UI.findings[lang]}:`);
    if (!findings.length) lines.push(`  ${UI.noFindings[lang]}`);
    let lastPath = '';
    for (const f of findings) {
      if (f.path !== lastPath) {
        lines.push(f.path);
        lastPath = f.path;
      }
      lines.push(`  ${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(11)} ${f.message}  ${f.code}`);
    }
    const withReaction = rows.filter((r) => r.reaction).length;
    const stanceName = { nl: { agree: 'eens', partly: 'deels', disagree: 'oneens', none: 'zonder standpunt' }, en: { agree: 'agree', partly: 'partly', disagree: 'disagree', none: 'no stance' } }[lang];
    const stances = (['agree', 'partly', 'disagree', 'none'] as const).map((s) => `${rows.filter((r) => r.stance === s).length} ${stanceName[s]}`).join(', ');
    lines.push('');
    lines.push(
      lang === 'nl'
        ? `${rows.length} onderdelen: ${withReaction} met reactie, ${rows.length - withReaction} zonder; ${rows.filter((r) => r.changes.length).length} citaten wijken af (${rows.reduce((s, r) => s + r.changes.length, 0)} verschillen); standpunt: ${stances}; ${findings.length} bevindingen.`
        : `${rows.length} items: ${withReaction} with a reaction, ${rows.length - withReaction} without; ${rows.filter((r) => r.changes.length).length} quotes differ (${rows.reduce((s, r) => s + r.changes.length, 0)} differences); stance: ${stances}; ${findings.length} findings.`,
    );
    process.stdout.write(lines.join('\n') + '\n');
    return errors > 0 ? 1 : 0;
  },
};

const KIND_WORD: Record<'nl' | 'en', Record<string, string>> = {
  nl: { replaced: 'gewijzigd', deleted: 'weggelaten', inserted: 'toegevoegd', moved: 'verplaatst', spelling: 'spelling' },
  en: { replaced: 'replaced', deleted: 'deleted', inserted: 'inserted', moved: 'moved', spelling: 'spelling' },
};

function summarise(changes: JsonChange[], lang: 'nl' | 'en'): string {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts.entries()].map(([k, n]) => `${n} ${KIND_WORD[lang][k] ?? k}`).join(', ');
}

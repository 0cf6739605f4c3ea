/**
 * toetssteen trace FILE [--format markdown|csv|mermaid|json] [--lang nl|en]
 *
 * The traceability of a report: the matrix (questions × conclusions ×
 * recommendations, norms × assessments × scores, with the findings) as
 * Markdown or CSV, the graph as a Mermaid flowchart or as JSON (the
 * TraceGraph; offsets are UTF-16 offsets into each node's document).
 *
 * The project around FILE is loaded like `check` does: every document of
 * its folder (so a normenkader in its own file counts), with the folder's
 * `.toetssteen.yaml`. FILE may also be the normenkader, reaction or letter
 * of a report: the report it belongs to is used.
 */
import { dirname, resolve } from 'node:path';
import type { Command } from './types';
import { CommandError, InputError } from './types';
import { analyze } from '../core/analyze';
import { createProjectView } from '../core/project';
import type { DocumentModel } from '../core/types';
import { displayPath, findDocuments, loadConfig, readDocumentText } from '../workspace/files';
import { traceCheck } from '../core/trace/checks';
import { matrixCsv, matrixMarkdown, traceMatrix, traceMermaid } from '../core/trace/matrix';

const FORMATS = ['markdown', 'csv', 'mermaid', 'json'];

export const traceCommand: Command = {
  usage: 'FILE [--format markdown|csv|mermaid|json] [--lang nl|en]\n                                                   traceability matrix and graph of a report',
  options: [],
  run(args) {
    if (args.paths.length !== 1) throw new CommandError('trace takes exactly one FILE');
    const format = args.format ?? 'markdown';
    if (!FORMATS.includes(format)) throw new CommandError('trace --format takes markdown, csv, mermaid or json');
    const file = resolve(args.paths[0]);
    readDocumentText(file); // a clear error for a missing or binary file
    const root = dirname(file);
    const loaded = loadConfig(root);
    let files: string[];
    try {
      files = findDocuments(root);
    } catch {
      throw new InputError(`cannot read ${root}`);
    }
    if (!files.includes(file)) files.push(file);
    const models: DocumentModel[] = [];
    for (const f of files) {
      let text: string;
      try {
        text = readDocumentText(f);
      } catch (e) {
        if (f === file) throw e;
        continue; // another unreadable file of the folder does not stop the trace
      }
      models.push(analyze(text, { uri: f, language: loaded.config.language ?? undefined }));
    }
    const project = createProjectView(models, loaded.config);
    const model = models.find((m) => m.uri === file)!;
    const report = model.kind === 'report' || model.kind === 'unknown' ? model : project.reportFor(model);
    if (!report) throw new InputError(`${displayPath(file)} is no report (it reads as ${model.kind}) and no report of its project was found`);
    const { ctx } = traceCheck(report, project);
    const lang = args.lang;
    let out: string;
    if (format === 'json') {
      const rel = (u: string | null): string | null => (u ? displayPath(u) : u);
      out = JSON.stringify({ ...ctx.graph, uri: rel(ctx.graph.uri), nodes: ctx.graph.nodes.map((n) => ({ ...n, uri: rel(n.uri) })) }, null, 2) + '\n';
    } else if (format === 'mermaid') out = traceMermaid(ctx.graph, lang);
    else {
      const matrix = traceMatrix(ctx);
      out = format === 'csv' ? matrixCsv(matrix, lang) : matrixMarkdown(matrix, lang);
    }
    process.stdout.write(out.endsWith('\n') ? out : out + '\n');
    return 0;
  },
};

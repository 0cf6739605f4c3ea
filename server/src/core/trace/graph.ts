/**
 * The traceability graph of a report: research questions, norms,
 * assessments, findings, conclusions and recommendations as nodes, the
 * links between them as edges.
 *
 * Edges (from → to):
 * - `answers`   conclusion → question (and recommendation → question when a
 *               question stands above the recommendations);
 * - `assesses`  assessment → norm;
 * - `rests-on`  conclusion → finding, and conclusion → assessment when the
 *               conclusion names the norm ("zie norm 1.1");
 * - `evidence`  assessment → finding;
 * - `follows`   recommendation → conclusion.
 *
 * Each edge says how it was made (`via`):
 * - `explicit`: the text says so: an id, a link `[conclusie 3](#C3)`, a
 *   phrase ("zie paragraaf 3.2", "norm 2.1", "aanbevelingen 2 en 4"), the
 *   research question repeated above a conclusion, the norm label in the
 *   heading of an assessment ("Norm 1.1: …");
 * - `numbering`: conclusion n answers question n, in a report that numbers
 *   its conclusions like its questions and says nothing else;
 * - `similarity`: inferred from the wording, only where the text has no
 *   explicit link of that kind (see `similarity.ts`): the findings sections
 *   most like a conclusion or assessment (strength ≥ 0.20, at most three,
 *   each within 60% of the best score), the conclusion most like a
 *   recommendation (≥ 0.20), the norm most like an assessment's heading
 *   (≥ 0.50), the question most like a conclusion that answers none
 *   (≥ 0.45 and 0.10 ahead of the next). A query scores at most 500
 *   documents of a group (`MAX_CANDIDATES` in `similarity.ts`): a report
 *   with at most 500 items of a kind is linked exactly; a document of many
 *   megabytes with more stays near-linear.
 *
 * A normenkader in its own file (`type: normenkader`, found through
 * `project.frameworksFor(report)`) adds its norms as nodes with that file's
 * uri; the report's assessments ("Norm 1.1" → N1.1) link to them as to
 * norms in the report itself.
 *
 * Each node carries its open points (`issues`) as the `trace/*` checks find
 * them. The graph is built once per report model and project and cached:
 * treat it as read-only. Pure: reads the models, never the file system.
 */
import type { DocumentModel } from '../types';
import type { ProjectView } from '../project';
import type { TraceGraph } from './build';
import { reportOf, traceCheck } from './checks';

export * from './build';

/**
 * The traceability graph of a report (or of the report a normenkader
 * file belongs to), with the open points on its nodes.
 */
export function buildTraceGraph(model: DocumentModel, project?: ProjectView): TraceGraph {
  return traceCheck(reportOf(model, project) ?? model, project).ctx.graph;
}

/**
 * Traceability: the chain research question → norm → finding → assessment →
 * conclusion → recommendation as one checked graph (issue #5).
 *
 * - `graph.ts`      buildTraceGraph(model, project?) → TraceGraph
 * - `similarity.ts` BM25 over the findings, Dutch stemming, strengths
 * - `facts.ts`      numbers, amounts, dates and names, normalised
 * - `checks.ts`     what is open (the `trace/*` rules report it)
 * - `lens.ts`       code lenses; `fixes.ts` quick fixes; `matrix.ts` the matrix
 */
export { buildTraceGraph, buildTraceContext, THRESHOLDS, type TraceGraph, type TraceNode, type TraceEdge, type TraceNodeKind, type TraceEdgeKind, type TraceVia, type TraceIssue, type TraceContext } from './graph';
export { traceCheck, problemsFor, reportOf, type TraceProblem, type TraceResult, type TraceCode } from './checks';
export { traceLens, type TraceLens } from './lens';
export { traceFixes, type TraceFix, type TraceEdit } from './fixes';
export { traceMatrix, matrixMarkdown, matrixCsv, traceMermaid, type TraceMatrix } from './matrix';
export { SimilarityIndex, type SimMatch } from './similarity';

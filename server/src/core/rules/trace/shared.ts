/** What every `trace/*` rule does: report the trace problems of its code for the checked document. */
import type { Rule, RuleContext } from '../types';
import { problemsFor, type TraceCode } from '../../trace/checks';

export function traceProblems(ctx: RuleContext, code: TraceCode): ReturnType<Rule['check']> {
  return problemsFor(ctx.model, ctx.project, code).map((p) => ({
    range: p.range,
    message: p.message,
    ...(p.related.length ? { related: p.related } : {}),
    data: { ...p.data, node: p.node },
  }));
}

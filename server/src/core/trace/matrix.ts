/**
 * The traceability matrix of a report, and its renderings:
 *
 * - questions × conclusions × recommendations, with the findings the
 *   conclusions rest on;
 * - norms × assessments × scores, with the findings behind the
 *   assessments;
 * - conclusions (what they answer, rest on, lead to) and recommendations
 *   (what they follow from).
 *
 * Renderings: Markdown (tables), CSV (one row per chain: question,
 * conclusion, recommendation — or norm, assessment, score — with the
 * findings), Mermaid (a flowchart of the graph) and JSON (the graph).
 * A link written in the text shows as its id ("C1"), a link by number as
 * "C4 (nr)", a link inferred from the wording as "F3.2 ~0,62". Pure.
 */
import type { Language } from '../types';
import type { Message } from '../rules/types';
import { fmt, type TraceContext, type TraceEdge, type TraceGraph, type TraceIssue, type TraceNode } from './graph';
import { scoreText } from './lens';

export interface MatrixLink {
  id: string;
  via: TraceEdge['via'];
  strength: number;
}

export interface MatrixRow {
  id: string;
  text: string;
  /** Set when the item lives in another document (a norm in the normenkader). */
  uri: string | null;
  issues: TraceIssue[];
  /** Open points of the items in the row's chain (the conclusion answering a question, the assessment of a norm). */
  chainIssues: Array<{ id: string; issue: TraceIssue }>;
}

export interface TraceMatrix {
  report: string | null;
  title: string | null;
  questions: Array<MatrixRow & { conclusions: MatrixLink[]; recommendations: MatrixLink[]; findings: MatrixLink[] }>;
  norms: Array<MatrixRow & { assessments: MatrixLink[]; scores: Message[]; findings: MatrixLink[] }>;
  conclusions: Array<MatrixRow & { answers: MatrixLink[]; restsOn: MatrixLink[]; recommendations: MatrixLink[] }>;
  recommendations: Array<MatrixRow & { follows: MatrixLink[] }>;
}

export function traceMatrix(ctx: TraceContext): TraceMatrix {
  const g = ctx.graph;
  const link = (e: TraceEdge, end: 'from' | 'to'): MatrixLink => ({ id: e[end], via: e.via, strength: e.strength });
  const row = (n: TraceNode, chain: string[] = []): MatrixRow => ({
    id: n.id,
    text: n.text,
    uri: n.uri === g.uri ? null : n.uri,
    issues: [...n.issues],
    chainIssues: [...new Set(chain)].flatMap((id) => (ctx.node(id)?.issues ?? []).map((issue) => ({ id, issue }))),
  });
  const findingsOf = (ids: string[]): MatrixLink[] =>
    dedupe(ids.flatMap((id) => ctx.out(id).filter((e) => (e.kind === 'rests-on' || e.kind === 'evidence') && ctx.node(e.to)?.kind === 'finding').map((e) => link(e, 'to'))));
  const recsOf = (ids: string[]): MatrixLink[] => dedupe(ids.flatMap((id) => ctx.in(id).filter((e) => e.kind === 'follows').map((e) => link(e, 'from'))));
  const of = (kind: TraceNode['kind']): TraceNode[] => g.nodes.filter((n) => n.kind === kind);
  return {
    report: g.uri,
    title: ctx.report.title,
    questions: of('question').map((q) => {
      const by = ctx.in(q.id).filter((e) => e.kind === 'answers');
      const conclusions = by.filter((e) => ctx.node(e.from)?.kind === 'conclusion').map((e) => link(e, 'from'));
      const direct = by.filter((e) => ctx.node(e.from)?.kind === 'recommendation').map((e) => link(e, 'from'));
      return { ...row(q, conclusions.map((c) => c.id)), conclusions, recommendations: dedupe([...recsOf(conclusions.map((c) => c.id)), ...direct]), findings: findingsOf(conclusions.map((c) => c.id)) };
    }),
    norms: of('norm').map((n) => {
      const by = ctx.in(n.id).filter((e) => e.kind === 'assesses');
      return { ...row(n, by.map((e) => e.from)), assessments: by.map((e) => link(e, 'from')), scores: by.map((e) => scoreText(ctx, e.from)), findings: findingsOf(by.map((e) => e.from)) };
    }),
    conclusions: of('conclusion').map((c) => ({
      ...row(c),
      answers: ctx.out(c.id).filter((e) => e.kind === 'answers').map((e) => link(e, 'to')),
      restsOn: ctx.out(c.id).filter((e) => e.kind === 'rests-on').map((e) => link(e, 'to')),
      recommendations: recsOf([c.id]),
    })),
    recommendations: of('recommendation').map((r) => ({ ...row(r), follows: ctx.out(r.id).filter((e) => e.kind === 'follows').map((e) => link(e, 'to')) })),
  };
}

function dedupe(xs: MatrixLink[]): MatrixLink[] {
  const seen = new Map<string, MatrixLink>();
  const rank = { explicit: 3, numbering: 2, similarity: 1 };
  for (const x of xs) {
    const cur = seen.get(x.id);
    if (!cur || rank[x.via] > rank[cur.via] || (x.via === cur.via && x.strength > cur.strength)) seen.set(x.id, x);
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------- text

const ISSUE_TEXT: Record<TraceIssue, Message> = {
  unanswered: { nl: 'niet beantwoord', en: 'unanswered' },
  unassessed: { nl: 'niet getoetst', en: 'not assessed' },
  'missing-score': { nl: 'geen score', en: 'no score' },
  'no-evidence': { nl: 'geen onderbouwing', en: 'no evidence' },
  'no-findings': { nl: 'geen bevindingen', en: 'no findings' },
  'new-fact': { nl: 'nieuw feit', en: 'new fact' },
  'no-conclusion': { nl: 'geen conclusie', en: 'no conclusion' },
};

export function linkText(l: MatrixLink, lang: Language): string {
  if (l.via === 'numbering') return `${l.id} (nr)`;
  if (l.via === 'similarity') return `${l.id} ~${fmt(l.strength, lang)}`;
  return l.id;
}

function links(ls: MatrixLink[], lang: Language): string {
  return ls.length ? ls.map((l) => linkText(l, lang)).join(', ') : '—';
}

function status(r: MatrixRow, lang: Language): string {
  const all = [...r.issues.map((i) => ISSUE_TEXT[i][lang]), ...r.chainIssues.map((x) => `${x.id}: ${ISSUE_TEXT[x.issue][lang]}`)];
  return all.length ? all.join('; ') : 'ok';
}

function short(s: string, n = 70): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1).trimEnd() + '…' : t;
}

function cellText(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function fileName(uri: string | null): string {
  return uri ? uri.replace(/\\/g, '/').split('/').pop()! : '';
}

export function matrixMarkdown(m: TraceMatrix, lang: Language): string {
  const L = (nl: string, en: string): string => (lang === 'nl' ? nl : en);
  const out: string[] = [];
  out.push(`# ${L('Traceerbaarheid', 'Traceability')}${m.title ? `: ${m.title}` : ''}`, '');
  out.push(
    L(
      'Legenda: `C1` = de tekst verwijst ernaar · `C1 (nr)` = zelfde nummer · `F3.2 ~0,62` = afgeleid uit de tekst, met de gelijkenis (0–1).',
      'Legend: `C1` = the text refers to it · `C1 (nr)` = same number · `F3.2 ~0.62` = inferred from the wording, with the similarity (0–1).',
    ),
    '',
  );
  const table = (head: string[], rows: string[][]): void => {
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const r of rows) out.push(`| ${r.map(cellText).join(' | ')} |`);
    out.push('');
  };
  const item = (r: MatrixRow): string => `${r.id} ${short(r.text)}${r.uri ? ` (${fileName(r.uri)})` : ''}`;
  out.push(`## ${L('Onderzoeksvragen → conclusies → aanbevelingen', 'Research questions → conclusions → recommendations')}`, '');
  table(
    [L('onderzoeksvraag', 'research question'), L('conclusies', 'conclusions'), L('aanbevelingen', 'recommendations'), L('bevindingen', 'findings'), 'status'],
    m.questions.map((q) => [item(q), links(q.conclusions, lang), links(q.recommendations, lang), links(q.findings, lang), status(q, lang)]),
  );
  out.push(`## ${L('Normen → oordelen → scores', 'Norms → assessments → scores')}`, '');
  table(
    ['norm', L('oordeel', 'assessment'), 'score', L('bevindingen', 'findings'), 'status'],
    m.norms.map((n) => [item(n), links(n.assessments, lang), n.scores.length ? n.scores.map((s) => s[lang]).join(', ') : '—', links(n.findings, lang), status(n, lang)]),
  );
  out.push(`## ${L('Conclusies', 'Conclusions')}`, '');
  table(
    [L('conclusie', 'conclusion'), L('beantwoordt', 'answers'), L('rust op', 'rests on'), L('aanbevelingen', 'recommendations'), 'status'],
    m.conclusions.map((c) => [item(c), links(c.answers, lang), links(c.restsOn, lang), links(c.recommendations, lang), status(c, lang)]),
  );
  out.push(`## ${L('Aanbevelingen', 'Recommendations')}`, '');
  table([L('aanbeveling', 'recommendation'), L('volgt uit', 'follows from'), 'status'], m.recommendations.map((r) => [item(r), links(r.follows, lang), status(r, lang)]));
  return out.join('\n');
}

function csvCell(s: string): string {
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per chain; findings and status as `;`-separated lists. */
export function matrixCsv(m: TraceMatrix, lang: Language): string {
  const rows: string[][] = [['chain', 'question', 'conclusion', 'recommendation', 'norm', 'assessment', 'score', 'findings', 'status']];
  const ids = (ls: MatrixLink[]): string => ls.map((l) => linkText(l, lang)).join('; ');
  const st = (own: TraceIssue[], chain: Array<{ id: string; issue: TraceIssue }>): string =>
    [...own.map((i) => ISSUE_TEXT[i][lang]), ...chain.map((x) => `${x.id}: ${ISSUE_TEXT[x.issue][lang]}`)].join('; ');
  const byC = new Map(m.conclusions.map((c) => [c.id, c]));
  for (const q of m.questions) {
    if (!q.conclusions.length) {
      rows.push(['question', q.id, '', '', '', '', '', '', st(q.issues, [])]);
      continue;
    }
    for (const c of q.conclusions) {
      const cr = byC.get(c.id);
      const recs = cr?.recommendations ?? [];
      const findings = ids((cr?.restsOn ?? []).filter((x) => x.id.startsWith('F')));
      const issues = st(q.issues, (cr?.issues ?? []).map((issue) => ({ id: c.id, issue })));
      if (!recs.length) rows.push(['question', q.id, linkText(c, lang), '', '', '', '', findings, issues]);
      for (const r of recs) rows.push(['question', q.id, linkText(c, lang), linkText(r, lang), '', '', '', findings, issues]);
    }
  }
  for (const n of m.norms) {
    if (!n.assessments.length) {
      rows.push(['norm', '', '', '', n.id, '', '', '', st(n.issues, [])]);
      continue;
    }
    n.assessments.forEach((a, i) => rows.push(['norm', '', '', '', n.id, linkText(a, lang), n.scores[i]?.[lang] ?? '', ids(n.findings), st(n.issues, n.chainIssues.filter((x) => x.id === a.id))]));
  }
  for (const r of m.recommendations) if (!r.follows.length) rows.push(['recommendation', '', '', r.id, '', '', '', '', st(r.issues, [])]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/**
 * The graph as a Mermaid flowchart, read left to right along the chain:
 * question → conclusion → recommendation, norm → assessment, finding →
 * conclusion / assessment. Explicit links solid, links by number labelled
 * "nr", inferred links dotted with their similarity; open items outlined red.
 */
export function traceMermaid(g: TraceGraph, lang: Language): string {
  const L = (nl: string, en: string): string => (lang === 'nl' ? nl : en);
  const id = (s: string): string => 'n_' + s.replace(/[^A-Za-z0-9]/g, '_');
  const label = (n: TraceNode): string => `${n.kind === 'finding' ? n.label : n.id}: ${short(n.text, 40)}${n.kind === 'assessment' && n.score ? ` [${n.score}]` : ''}`.replace(/["`]/g, "'").replace(/[<>]/g, '');
  const groups: Array<[TraceNode['kind'], string]> = [
    ['question', L('Onderzoeksvragen', 'Research questions')],
    ['norm', L('Normen', 'Norms')],
    ['finding', L('Bevindingen', 'Findings')],
    ['assessment', L('Oordelen', 'Assessments')],
    ['conclusion', L('Conclusies', 'Conclusions')],
    ['recommendation', L('Aanbevelingen', 'Recommendations')],
  ];
  const out: string[] = ['flowchart LR'];
  for (const [kind, title] of groups) {
    const ns = g.nodes.filter((n) => n.kind === kind);
    if (!ns.length) continue;
    out.push(`  subgraph ${kind}["${title}"]`, '    direction TB');
    for (const n of ns) out.push(`    ${id(n.id)}["${label(n)}"]`);
    out.push('  end');
  }
  for (const e of g.edges) {
    // Along the chain: the target of answers / assesses / rests-on / evidence / follows comes first.
    const a = id(e.to);
    const b = id(e.from);
    if (e.via === 'explicit') out.push(`  ${a} --> ${b}`);
    else if (e.via === 'numbering') out.push(`  ${a} -->|nr| ${b}`);
    else out.push(`  ${a} -.->|~${fmt(e.strength, lang)}| ${b}`);
  }
  out.push('  classDef open stroke:#c62828,stroke-width:3px');
  const open = g.nodes.filter((n) => n.issues.length).map((n) => id(n.id));
  if (open.length) out.push(`  class ${open.join(',')} open`);
  return out.join('\n') + '\n';
}

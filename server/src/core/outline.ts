/**
 * The model as the stable outline JSON of `toetssteen outline` (and of the
 * language server's outline request). Ranges are LSP ranges: 0-based line,
 * UTF-16 character. Field names here are a contract read by tools outside
 * the repository: add fields, never rename or remove them.
 */
import type { DocumentModel, Span } from './types';
import { LineIndex, type Range } from './text';

export interface Outline {
  uri: string | null;
  kind: DocumentModel['kind'];
  kindSource: DocumentModel['kindSource'];
  language: DocumentModel['language'];
  format: DocumentModel['format'];
  title: string | null;
  sections: Array<{ id: string; title: string; numbering: string | null; level: number; role: string; roles: string[]; range: Range }>;
  centralQuestion: { text: string; range: Range } | null;
  questions: Array<{ id: string; label: string | null; group: string | null; text: string; range: Range }>;
  norms: Array<{ id: string; label: string | null; group: string | null; text: string; range: Range }>;
  assessments: Array<{ id: string; norm: string | null; normLink: string | null; score: string | null; scaleWithoutChoice: boolean; normText: string; text: string; range: Range; scoreRange: Range | null }>;
  findings: Array<{ id: string; label: string | null; title: string; text: string; range: Range }>;
  goals: Array<{ id: string; label: string | null; text: string; range: Range }>;
  conclusions: Array<{ id: string; label: string | null; text: string; question: string | null; answers: string[]; range: Range }>;
  recommendations: Array<{ id: string; label: string | null; group: string | null; text: string; follows: string[]; answers: string[]; range: Range }>;
  reactions: Array<{ id: string; target: string | null; label: string | null; quote: string; quotedQuestion: string | null; text: string; range: Range; quoteRange: Range | null; textRange: Range | null }>;
  citations: Array<{ key: string; locator: string | null; prefix: string | null; suffix: string | null; suppressAuthor: boolean; inText: boolean; range: Range }>;
  footnotes: Array<{ label: string; text: string; isSource: boolean; range: Range; refs: Range[] }>;
  links: Array<{ url: string; text: string; isFile: boolean; range: Range }>;
  references: Array<{ target: string; kind: string; via: string; phrase: string; range: Range }>;
  sentences: { count: number; byClass: Record<string, number> };
}

const SUMMARY_LIMIT = 600;

function clip(s: string): string {
  return s.length > SUMMARY_LIMIT ? s.slice(0, SUMMARY_LIMIT - 1) + '…' : s;
}

export function toOutline(model: DocumentModel, index = new LineIndex(model.text)): Outline {
  const r = (s: Span): Range => index.range(s);
  const byClass: Record<string, number> = {};
  for (const s of model.sentences) byClass[s.cls] = (byClass[s.cls] ?? 0) + 1;
  return {
    uri: model.uri,
    kind: model.kind,
    kindSource: model.kindSource,
    language: model.language,
    format: model.format,
    title: model.title,
    sections: model.sections.map((s) => ({ id: s.id, title: s.title, numbering: s.numbering, level: s.level, role: s.role, roles: s.roles, range: r(s.range) })),
    centralQuestion: model.centralQuestion ? { text: model.centralQuestion.text, range: r(model.centralQuestion.range) } : null,
    questions: model.questions.map((q) => ({ id: q.id, label: q.label, group: q.group, text: q.text, range: r(q.range) })),
    norms: model.norms.map((n) => ({ id: n.id, label: n.label, group: n.group, text: n.text, range: r(n.range) })),
    assessments: model.assessments.map((a) => ({
      id: a.id,
      norm: a.norm,
      normLink: a.normLink,
      score: a.score,
      scaleWithoutChoice: a.scaleWithoutChoice,
      normText: a.normText,
      text: clip(a.text),
      range: r(a.range),
      scoreRange: a.scoreRange ? r(a.scoreRange) : null,
    })),
    findings: model.findings.map((f) => ({ id: f.id, label: f.label, title: f.title, text: clip(f.text), range: r(f.range) })),
    goals: model.goals.map((g) => ({ id: g.id, label: g.label, text: g.text, range: r(g.range) })),
    conclusions: model.conclusions.map((c) => ({ id: c.id, label: c.label, text: c.text, question: c.question, answers: c.answers, range: r(c.range) })),
    recommendations: model.recommendations.map((x) => ({ id: x.id, label: x.label, group: x.group, text: x.text, follows: x.follows, answers: x.answers, range: r(x.range) })),
    reactions: model.reactions.map((x) => ({
      id: x.id,
      target: x.target,
      label: x.label,
      quote: x.quote,
      quotedQuestion: x.quotedQuestion,
      text: x.text,
      range: r(x.range),
      quoteRange: x.quoteRange ? r(x.quoteRange) : null,
      textRange: x.textRange ? r(x.textRange) : null,
    })),
    citations: model.citations.map((c) => ({ key: c.key, locator: c.locator, prefix: c.prefix, suffix: c.suffix, suppressAuthor: c.suppressAuthor, inText: c.inText, range: r(c.range) })),
    footnotes: model.footnotes.map((f) => ({ label: f.label, text: f.text, isSource: f.isSource, range: r(f.range), refs: f.refs.map(r) })),
    links: model.links.map((l) => ({ url: l.url, text: l.text, isFile: l.isFile, range: r(l.range) })),
    references: model.references.map((x) => ({ target: x.target, kind: x.kind, via: x.via, phrase: x.phrase, range: r(x.range) })),
    sentences: { count: model.sentences.length, byClass },
  };
}

/** A human-readable outline for the terminal. */
export function outlineText(o: Outline): string {
  const lines: string[] = [];
  const pos = (r: Range): string => `${r.start.line + 1}:${r.start.character + 1}`;
  const short = (s: string, n = 90): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  lines.push(`${o.title ?? '(untitled)'} — ${o.kind} (${o.kindSource}), ${o.language}, ${o.format}`);
  if (o.centralQuestion) lines.push(`Central question: ${short(o.centralQuestion.text)}`);
  const list = (name: string, rows: string[]): void => {
    if (!rows.length) return;
    lines.push('', `${name} (${rows.length})`);
    for (const row of rows) lines.push('  ' + row);
  };
  list('Sections', o.sections.map((s) => `${'  '.repeat(Math.max(0, s.level - 1))}${s.numbering ? s.numbering + ' ' : ''}${short(s.title, 60)} [${s.role}] ${pos(s.range)}`));
  list('Research questions', o.questions.map((q) => `${q.id.padEnd(6)} ${short(q.text)} ${pos(q.range)}`));
  list('Norms', o.norms.map((n) => `${n.id.padEnd(6)} ${n.group ? `(${n.group}) ` : ''}${short(n.text)} ${pos(n.range)}`));
  list('Assessments', o.assessments.map((a) => `${a.id.padEnd(6)} ${(a.norm ?? '?').padEnd(6)} score ${a.score ?? (a.scaleWithoutChoice ? 'scale, no choice' : 'none')} — ${short(a.normText, 60)} ${pos(a.range)}`));
  list('Findings', o.findings.map((f) => `${f.id.padEnd(6)} ${short(f.title, 70)} ${pos(f.range)}`));
  list('Goals', o.goals.map((g) => `${g.id.padEnd(6)} ${short(g.text)} ${pos(g.range)}`));
  list('Conclusions', o.conclusions.map((c) => `${c.id.padEnd(6)} ${c.answers.length ? '→ ' + c.answers.join(',') + ' ' : ''}${short(c.text)} ${pos(c.range)}`));
  list('Recommendations', o.recommendations.map((x) => `${x.id.padEnd(6)} ${x.follows.length ? '← ' + x.follows.join(',') + ' ' : ''}${short(x.text)} ${pos(x.range)}`));
  list('Reactions', o.reactions.map((x) => `${x.id.padEnd(6)} on ${(x.target ?? '?').padEnd(5)} ${short(x.text, 70)} ${pos(x.range)}`));
  lines.push('', `Citations ${o.citations.length}, footnotes ${o.footnotes.length}, links ${o.links.length}, references ${o.references.length}, sentences ${o.sentences.count} ${JSON.stringify(o.sentences.byClass)}`);
  return lines.join('\n');
}

/**
 * The facts lenses show per item, gathered from the model and the project.
 * One function per kind of fact; areas (traceability, wederhoor) add theirs here.
 */
import type { DocumentModel, Span } from '../../core/types';
import type { Message } from '../../core/rules/types';
import type { ToetssteenServer } from '../server';
import { findItem } from '../resolve';
import { UI } from '../i18n';

export interface LensFact {
  title: Message;
  target?: { uri: string; range: Span };
}

function at(server: ToetssteenServer, fromUri: string, id: string): LensFact['target'] {
  const item = findItem(server, fromUri, id);
  return item ? { uri: item.uri, range: item.headRange } : undefined;
}

const both = (f: (l: 'nl' | 'en') => string): Message => ({ nl: f('nl'), en: f('en') });

export function lensFacts(server: ToetssteenServer, uri: string, m: DocumentModel): Map<string, LensFact[]> {
  const out = new Map<string, LensFact[]>();
  const push = (id: string, f: LensFact): void => {
    out.set(id, [...(out.get(id) ?? []), f]);
  };
  const project = server.project();

  for (const q of m.questions) {
    const by = m.conclusions.filter((c) => c.answers.includes(q.id));
    if (by.length) push(q.id, { title: both((l) => `${UI.answeredBy[l]} ${by.map((c) => c.id).join(', ')}`), target: at(server, uri, by[0].id) });
    else push(q.id, { title: both((l) => `⚠ ${UI.notAnswered[l]}`) });
  }
  const report = m.kind === 'report' ? m : project.reportFor(m);
  for (const n of m.norms) {
    const as = (report ?? m).assessments.filter((a) => a.norm === n.id);
    const score = (a: (typeof as)[number], l: 'nl' | 'en'): string => a.score ?? (a.scaleWithoutChoice ? UI.scaleNoChoice[l] : UI.noScore[l]);
    if (as.length) push(n.id, { title: both((l) => `${UI.assessedBy[l]} ${as.map((a) => `${a.id} (${score(a, l)})`).join(', ')}`), target: report?.uri ? { uri: report.uri, range: as[0].range } : undefined });
    else push(n.id, { title: both((l) => `⚠ ${UI.notAssessed[l]}`) });
  }
  for (const c of m.conclusions) {
    if (c.answers.length) push(c.id, { title: both((l) => `${UI.answers[l]} ${c.answers.join(', ')}`), target: at(server, uri, c.answers[0]) });
    const recs = m.recommendations.filter((r) => r.follows.includes(c.id));
    if (recs.length) push(c.id, { title: both((l) => `${UI.followedBy[l]} ${recs.map((r) => r.id).join(', ')}`), target: at(server, uri, recs[0].id) });
  }
  for (const r of m.recommendations) {
    if (r.follows.length) push(r.id, { title: both((l) => `${UI.follows[l]} ${r.follows.join(', ')}`), target: at(server, uri, r.follows[0]) });
  }
  // Reactions: in the report itself or in reaction documents that belong to it.
  if (m.kind === 'report') {
    const reactionDocs = [m, ...project.ofKind('reaction').filter((d) => project.reportFor(d) === m)];
    const hasReaction = reactionDocs.some((d) => d.reactions.length > 0);
    if (hasReaction) {
      for (const item of [...m.conclusions, ...m.recommendations]) {
        const hit = reactionDocs.flatMap((d) => d.reactions.filter((r) => r.target === item.id).map((r) => ({ d, r })))[0];
        if (hit && hit.d.uri) push(item.id, { title: both((l) => `${UI.reactionAt[l]}: ${(hit.d.uri ?? '').split('/').pop()}`), target: { uri: hit.d.uri, range: hit.r.range } });
        else push(item.id, { title: both((l) => `⚠ ${UI.reactionNone[l]}`) });
      }
    }
  }
  return out;
}

/**
 * The facts lenses show per item, gathered from the model and the project.
 * One function per kind of fact; areas (traceability, wederhoor) add theirs here.
 */
import type { DocumentModel, Span } from '../../core/types';
import type { Message } from '../../core/rules/types';
import type { ToetssteenServer } from '../server';
import { findItem } from '../resolve';
import { UI } from '../i18n';
import { reactionCoverage } from '../../core/wederhoor';

const STANCE = {
  agree: { nl: 'eens', en: 'agrees' },
  partly: { nl: 'deels eens', en: 'partly agrees' },
  disagree: { nl: 'oneens', en: 'disagrees' },
  none: { nl: 'geen standpunt', en: 'no position' },
} as const;

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

  // Questions, norms, conclusions and recommendations get their chain from the traceability lenses (lenses.ts).
  void at;
  // Reactions: how the administration reads each conclusion and recommendation (wederhoor).
  if (m.kind === 'report') {
    const coverage = reactionCoverage(m, project);
    const any = Object.values(coverage).some((c) => c.reactionId);
    if (any) {
      for (const c of Object.values(coverage)) {
        if (!c.reactionId || !c.reactionUri) {
          push(c.itemId, { title: both((l) => `⚠ ${UI.reactionNone[l]}`) });
          continue;
        }
        const file = c.reactionUri.split('/').pop();
        const phrase = c.phrases[0]?.text;
        const diff = c.quoteMismatches ? both((l) => (l === 'nl' ? ` · citaat wijkt ${c.quoteMismatches}× af` : ` · quote differs ${c.quoteMismatches}×`)) : both(() => '');
        push(c.itemId, {
          title: both((l) => `${UI.reactionAt[l]} (${file}): ${STANCE[c.stance ?? 'none'][l]}${phrase ? ` — “${phrase.length > 40 ? phrase.slice(0, 39) + '…' : phrase}”` : ''}${diff[l]}`),
          target: c.reactionRange ? { uri: c.reactionUri, range: c.reactionRange } : undefined,
        });
      }
    }
  }
  return out;
}

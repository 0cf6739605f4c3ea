/** The user's language for messages: the client's locale, or the `toetssteen.messages` setting. */
import type { Message } from '../core/rules/types';

export type Locale = 'nl' | 'en';

export function localeFrom(clientLocale: string | undefined, setting: string | undefined): Locale {
  if (setting === 'nl' || setting === 'en') return setting;
  return (clientLocale ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function t(m: Message, locale: Locale): string {
  return m[locale];
}

/** Fixed strings of the language server's own UI. */
export const UI = {
  conclusion: { nl: 'Conclusie', en: 'Conclusion' },
  recommendation: { nl: 'Aanbeveling', en: 'Recommendation' },
  question: { nl: 'Onderzoeksvraag', en: 'Research question' },
  norm: { nl: 'Norm', en: 'Norm' },
  assessment: { nl: 'Toets', en: 'Assessment' },
  finding: { nl: 'Bevinding', en: 'Finding' },
  goal: { nl: 'Doel', en: 'Goal' },
  reaction: { nl: 'Reactie', en: 'Reaction' },
  section: { nl: 'Paragraaf', en: 'Section' },
  answers: { nl: 'beantwoordt', en: 'answers' },
  answeredBy: { nl: 'beantwoord door', en: 'answered by' },
  notAnswered: { nl: 'door geen conclusie beantwoord', en: 'answered by no conclusion' },
  follows: { nl: 'volgt uit', en: 'follows from' },
  followedBy: { nl: 'leidt tot', en: 'leads to' },
  assessedBy: { nl: 'getoetst in', en: 'assessed in' },
  notAssessed: { nl: 'niet getoetst', en: 'not assessed' },
  score: { nl: 'oordeel', en: 'score' },
  scaleNoChoice: { nl: 'schaal zonder keuze', en: 'scale with no choice' },
  noScore: { nl: 'geen oordeel', en: 'no score' },
  reactionNone: { nl: 'geen reactie', en: 'no reaction' },
  reactionAt: { nl: 'reactie', en: 'reaction' },
  disableLine: { nl: 'Negeer {code} op deze regel', en: 'Ignore {code} on this line' },
  indexing: { nl: 'Toetssteen: werkruimte inlezen', en: 'Toetssteen: reading the workspace' },
  analysing: { nl: 'analyseren', en: 'analysing' },
  configInvalid: { nl: 'Projectbestand', en: 'Project file' },
  internalError: { nl: 'Interne fout in Toetssteen', en: 'Internal error in Toetssteen' },
} satisfies Record<string, Message>;

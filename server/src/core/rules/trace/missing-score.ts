/**
 * `trace/missing-score` — an assessment whose score cannot be read.
 *
 * Precisely:
 * - a score label with something that is no score ("**Oordeel:** nog te
 *   bepalen") is flagged, in Markdown and in extracted text alike;
 * - a scale shown with no choice (`++ | + | +- | - | --`, none in bold or
 *   ticked) is flagged in a Markdown report: there the writer marks the
 *   choice and has not. In extracted text (PDF) it is not flagged: the PDF
 *   marks the choice by colour or shading, which extraction loses (seed
 *   004: fourteen scales, no choice); the model keeps it as
 *   `scaleWithoutChoice` and the graph shows the score as unknown;
 * - an assessment with no score at all is flagged only when other
 *   assessments of the report have one (a report that judges in words
 *   only is not asked for scores).
 *
 * Quick fixes: replace the unreadable value with one of the five scores;
 * put one option of the scale in bold.
 */
import type { Rule } from '../types';
import { traceProblems } from './shared';

export const missingScore: Rule = {
  meta: {
    code: 'trace/missing-score',
    severity: 'warning',
    description: {
      nl: 'Een oordeel zonder leesbare score (geen score op de schaal, of de schaal zonder keuze in Markdown).',
      en: 'An assessment with no readable score (no score on the scale, or the scale with no choice in Markdown).',
    },
    examples: {
      flagged: [
        {
          text: '# Toets aan het normenkader\n\n### Norm 1.1: De doelen zijn SMART.\n\n**Oordeel:** +\n\nDe doelen hebben een streefwaarde.\n\n### Norm 1.2: De raad wordt geïnformeerd.\n\n**Oordeel:** nog te bepalen\n\nDe raad kreeg twee rapportages.\n',
          at: 'nog te bepalen',
        },
        {
          text: '# Toets aan het normenkader\n\n### Norm 1.1: De doelen zijn SMART.\n\n++ | + | +- | - | --\n\nDe doelen hebben een streefwaarde.\n',
          at: '++ | + | +- | - | --',
        },
      ],
      passes: [
        {
          text: '# Toets aan het normenkader\n\n### Norm 1.1: De doelen zijn SMART.\n\n++ | **+** | +- | - | --\n\nDe doelen hebben een streefwaarde.\n\n### Norm 1.2: De raad wordt geïnformeerd.\n\n**Oordeel:** +-\n\nDe raad kreeg twee rapportages.\n',
        },
        {
          format: 'text',
          text: '1 Inleiding\n\n1.1 Onderzoeksvragen\n\n1. Zijn de doelstellingen SMART geformuleerd?\n\n2 Bevindingen\n\n2.1 Doelstellingen\n\nDe doelstellingen hebben een streefwaarde en een termijn.\n\n2.2 Toets op beleid\n\nDe doelstellingen zijn SMART geformuleerd         ++ | + | + - | - | - -\n\nDe doelen zijn concreet en tijdgebonden geformuleerd, zoals blijkt uit de beleidsnota.\n\n3 Conclusies\n\n1. De doelstellingen zijn SMART geformuleerd.\n',
        },
      ],
    },
  },
  check: (ctx) => traceProblems(ctx, 'trace/missing-score'),
};

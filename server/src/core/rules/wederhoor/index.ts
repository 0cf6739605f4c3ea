/** Wederhoor rules (`wederhoor/*`): the administration's reaction against the report, the cover letter against both. */
import type { Rule } from '../types';
import { quoteMismatch } from './quote-mismatch';
import { missingReaction } from './missing-reaction';
import { disagreement } from './disagreement';
import { unansweredDisagreement } from './unanswered-disagreement';
import { letterMismatch } from './letter-mismatch';
import { countMismatch } from './count-mismatch';

export const WEDERHOOR_RULES: Rule[] = [quoteMismatch, missingReaction, disagreement, unansweredDisagreement, letterMismatch, countMismatch];

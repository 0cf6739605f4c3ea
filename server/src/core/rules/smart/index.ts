/**
 * SMART rules (`smart/*`) on goals, recommendations and conclusions.
 *
 * | code | severity | on |
 * |---|---|---|
 * | `smart/specific` | warning | goals, recommendations |
 * | `smart/measurable` | warning | goals, recommendations |
 * | `smart/time-bound` | warning | goals, recommendations |
 * | `smart/achievable` | information | goals, recommendations (owner) |
 * | `smart/realistic` | hint | goals, recommendations (drastic ambition without means) |
 * | `smart/vague-judgement` | information | conclusions |
 * | `smart/assessment-mismatch` | information | a report's score of the SMART norm vs the policy's goals |
 *
 * The analysis is `core/smart/` (pure, per item: `smartCard`); quick fixes
 * are `core/smart/fixes.ts` (`smartFixes`).
 */
import type { Rule } from '../types';
import { smartSpecific } from './specific';
import { smartMeasurable } from './measurable';
import { smartAchievable } from './achievable';
import { smartRealistic } from './realistic';
import { smartTimeBound } from './time-bound';
import { smartVagueJudgement } from './vague-judgement';
import { smartAssessmentMismatch } from './assessment-mismatch';

export const SMART_RULES: Rule[] = [smartSpecific, smartMeasurable, smartAchievable, smartRealistic, smartTimeBound, smartVagueJudgement, smartAssessmentMismatch];

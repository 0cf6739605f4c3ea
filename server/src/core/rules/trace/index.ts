/** Traceability rules (`trace/*`): the chain question → norm → finding → conclusion → recommendation. */
import type { Rule } from '../types';
import { unansweredQuestion } from './unanswered-question';
import { unassessedNorm } from './unassessed-norm';
import { missingScore } from './missing-score';
import { assessmentWithoutEvidence } from './assessment-without-evidence';
import { conclusionWithoutFindings } from './conclusion-without-findings';
import { newFactInConclusion } from './new-fact-in-conclusion';
import { recommendationWithoutConclusion } from './recommendation-without-conclusion';

export const TRACE_RULES: Rule[] = [unansweredQuestion, unassessedNorm, missingScore, assessmentWithoutEvidence, conclusionWithoutFindings, newFactInConclusion, recommendationWithoutConclusion];

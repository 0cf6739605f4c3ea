/** SMART rules (`smart/*`) on goals, recommendations and conclusions. */
import type { Rule } from '../types';

export const SMART_RULES: Rule[] = [];

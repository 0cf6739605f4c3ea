/** Traceability rules (`trace/*`): the chain question → norm → finding → conclusion → recommendation. */
import type { Rule } from '../types';

export const TRACE_RULES: Rule[] = [];

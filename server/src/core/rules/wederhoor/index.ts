/** Wederhoor rules (`wederhoor/*`): the administration's reaction against the report, the cover letter against both. */
import type { Rule } from '../types';

export const WEDERHOOR_RULES: Rule[] = [];

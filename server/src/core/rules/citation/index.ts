/** Source rules (`citation/*`, `claim/*`, `source/*`): bibliography, corpus and unsupported claims. */
import type { Rule } from '../types';

export const CITATION_RULES: Rule[] = [];

/** Source rules (`citation/*`, `claim/*`, `source/*`): bibliography, corpus and unsupported claims. */
import type { Rule } from '../types';
import { unknownKey } from './unknown-key';
import { duplicateKey } from './duplicate-key';
import { unusedEntry } from './unused-entry';
import { unreadableBibliography } from './unreadable-bibliography';
import { unsupportedClaim } from './unsupported-claim';

export const CITATION_RULES: Rule[] = [unknownKey, duplicateKey, unusedEntry, unreadableBibliography, unsupportedClaim];

export { projectFileDiagnostics, FILE_RULE_META, type FileDiagnostic } from './file-diagnostics';

/** The analysis core: text in, model and diagnostics out. No file system, no protocol. */
export { analyze, detectFormat, detectLanguage, kindFromValue, type AnalyzeOptions } from './analyze';
export { runRules, RULES, type Diagnostic, type Rule, type Severity, type Message } from './rules';
export { toOutline, outlineText, type Outline } from './outline';
export { LineIndex, normalizeText, type Position, type Range } from './text';
export type * from './types';
export { parseConfig, DEFAULT_CONFIG, CONFIG_FILE, type ProjectConfig } from './config';
export { createProjectView, joinPath, type ProjectView } from './project';

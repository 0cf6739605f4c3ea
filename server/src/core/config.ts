/**
 * The project file `.toetssteen.yaml` (versioned), parsed from text — pure,
 * so the language server, the CLI and tests share it. A broken file yields
 * problems (with the line) and the defaults; nothing is thrown.
 *
 *   version: 1
 *   language: nl            # nl | en; default: per document
 *   bibliography: bronnen.bib        # or a list
 *   sources: [bronnen]      # folders with source documents (evidence)
 *   exclude: [concept/**]   # documents not to check
 *   rules:
 *     claim/unsupported: warning     # error | warning | information | hint | off
 */
import YAML from 'yaml';
import type { Severity } from './rules/types';

export const CONFIG_FILE = '.toetssteen.yaml';
export const CONFIG_VERSION = 1;

export interface ProjectConfig {
  version: number;
  language: 'nl' | 'en' | null;
  bibliography: string[];
  sources: string[];
  exclude: string[];
  rules: Record<string, Severity | 'off'>;
}

export interface ConfigProblem {
  message: { nl: string; en: string };
  /** 0-based line, when known. */
  line: number;
}

export const DEFAULT_CONFIG: ProjectConfig = Object.freeze({
  version: CONFIG_VERSION,
  language: null,
  bibliography: [],
  sources: ['bronnen', 'sources'],
  exclude: [],
  rules: {},
}) as ProjectConfig;

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function parseConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: ProjectConfig = { ...DEFAULT_CONFIG, sources: [...DEFAULT_CONFIG.sources], bibliography: [], exclude: [], rules: {} };
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    // The first error, and how many follow (a file that is not YAML at all has one on every line).
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ? e.linePos[0].line - 1 : 0;
    const more = doc.errors.length - 1;
    const first = e.message.split('\n')[0];
    problems.push({ message: { nl: `Het projectbestand is geen geldige YAML: ${first}${more ? ` (en nog ${more} ${more === 1 ? 'fout' : 'fouten'})` : ''}`, en: `The project file is not valid YAML: ${first}${more ? ` (and ${more} more ${more === 1 ? 'error' : 'errors'})` : ''}` }, line });
    return { config, problems };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 }) as unknown;
  } catch (e) {
    problems.push({ message: { nl: `Het projectbestand is onleesbaar: ${String(e)}`, en: `The project file cannot be read: ${String(e)}` }, line: 0 });
    return { config, problems };
  }
  if (raw == null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ message: { nl: 'Het projectbestand moet sleutels met waarden bevatten.', en: 'The project file must be a mapping of keys to values.' }, line: 0 });
    return { config, problems };
  }
  const obj = raw as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const m = new RegExp(`^${key.replace(/[/.]/g, '\\$&')}\\s*:`, 'm').exec(text);
    return m ? text.slice(0, m.index).split('\n').length - 1 : 0;
  };
  const bad = (key: string, nl: string, en: string): void => {
    problems.push({ message: { nl: `${key}: ${nl}`, en: `${key}: ${en}` }, line: lineOf(key) });
  };
  for (const key of Object.keys(obj)) {
    if (!['version', 'language', 'bibliography', 'sources', 'exclude', 'rules'].includes(key)) bad(key, 'onbekende sleutel; wordt genegeerd.', 'unknown key; ignored.');
  }
  if (obj.version !== undefined) {
    if (obj.version !== CONFIG_VERSION) bad('version', `versie ${String(obj.version)} wordt niet ondersteund (wel: ${CONFIG_VERSION}).`, `version ${String(obj.version)} is not supported (supported: ${CONFIG_VERSION}).`);
  }
  if (obj.language !== undefined) {
    if (obj.language === 'nl' || obj.language === 'en') config.language = obj.language;
    else bad('language', 'moet nl of en zijn.', 'must be nl or en.');
  }
  const list = (key: 'bibliography' | 'sources' | 'exclude'): void => {
    const v = obj[key];
    if (v === undefined) return;
    const arr = typeof v === 'string' ? [v] : Array.isArray(v) ? v : null;
    if (!arr || !arr.every((x) => typeof x === 'string' && x.trim())) {
      bad(key, 'moet een pad of een lijst van paden zijn.', 'must be a path or a list of paths.');
      return;
    }
    const paths = (arr as string[]).map((p) => p.trim());
    const outside = paths.filter((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.split(/[\\/]/).includes('..'));
    if (outside.length) bad(key, `paden buiten het project worden geweigerd: ${outside.join(', ')}.`, `paths outside the project are refused: ${outside.join(', ')}.`);
    config[key] = paths.filter((p) => !outside.includes(p));
  };
  list('bibliography');
  list('sources');
  list('exclude');
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) bad('rules', 'moet per regelcode een ernst geven.', 'must map rule codes to severities.');
    else {
      for (const [code, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
        const v = sev === false ? 'off' : sev;
        if (typeof v === 'string' && SEVERITIES.has(v)) config.rules[code] = v as Severity | 'off';
        else bad('rules', `${code}: ernst moet error, warning, information, hint of off zijn.`, `${code}: severity must be error, warning, information, hint or off.`);
      }
    }
  }
  return { config, problems };
}

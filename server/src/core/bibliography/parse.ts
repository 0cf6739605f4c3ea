/** One entry point for bibliography text: the format from the file name, else from the content. */
import type { BibFormat, ParsedBibliography } from './types';
import { parseBibtex } from './bibtex';
import { parseCslJson, parseCslYaml } from './csl';

export function bibFormatOf(path: string, text?: string): BibFormat {
  const p = path.toLowerCase();
  if (/\.(bib|bibtex|biblatex)$/.test(p)) return 'bibtex';
  if (/\.json$/.test(p)) return 'csl-json';
  if (/\.ya?ml$/.test(p)) return 'csl-yaml';
  const head = (text ?? '').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'csl-json';
  if (head.startsWith('@') || head.startsWith('%')) return 'bibtex';
  return 'csl-yaml';
}

/** Parses a bibliography file's text; never throws. */
export function parseBibliography(text: string, path: string): ParsedBibliography {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = bibFormatOf(path, t);
  let parsed: ParsedBibliography;
  try {
    parsed = format === 'bibtex' ? parseBibtex(t) : format === 'csl-json' ? parseCslJson(t) : parseCslYaml(t);
  } catch (e) {
    return { format, entries: [], problems: [{ message: { nl: `Bibliografie onleesbaar: ${String(e)}`, en: `Bibliography cannot be read: ${String(e)}` }, line: 0, character: 0 }] };
  }
  // No entry and no error: an empty file, or one of another kind (JSON in a .bib). Said once, on the file.
  if (!parsed.entries.length && !parsed.problems.length) {
    const name = { bibtex: 'BibTeX', 'csl-json': 'CSL JSON', 'csl-yaml': 'CSL YAML' }[format];
    const message = t.trim()
      ? { nl: `geen enkele ${name}-bron gevonden; is dit een ${name}-bestand?`, en: `no ${name} entry found; is this a ${name} file?` }
      : { nl: 'leeg bestand, zonder bronnen', en: 'empty file, no entries' };
    parsed = { ...parsed, problems: [{ message, line: 0, character: 0 }] };
  }
  return parsed;
}

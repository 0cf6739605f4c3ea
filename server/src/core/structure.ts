/**
 * Sections and their roles, from heading blocks.
 *
 * A section's role comes from its heading's words (lexicon data), else from
 * its parent, else from its position: in a report, unnamed chapters between
 * the first chapter and the conclusions hold the findings. Roles of
 * reactions, afterwords and assessments govern everything below them
 * ("Conclusies" inside "Bijlage: Reacties op de conclusies" is part of the
 * reaction; "Normenkader beleid" inside "2.4 Toets op beleid" is an
 * assessment).
 */
import type { Block, Section, SectionRole } from './types';
import type { Lexicon } from './lexicon';
import { parseHeadingNumber } from './numbering';

const GOVERNING: ReadonlySet<SectionRole> = new Set(['reaction', 'afterword', 'assessment']);

export interface Structure {
  sections: Section[];
  /** Section index per block (-1 before the first heading). */
  blockSection: number[];
}

export function buildSections(blocks: Block[], textLength: number, lexicons: readonly Lexicon[], isReport: boolean): Structure {
  const sections: Section[] = [];
  const blockSection: number[] = new Array(blocks.length).fill(-1);
  const stack: number[] = [];
  const usedIds = new Set<string>();

  blocks.forEach((b, bi) => {
    if (b.type !== 'heading') {
      blockSection[bi] = stack.length ? stack[stack.length - 1] : -1;
      return;
    }
    const level = b.level;
    while (stack.length && sections[stack[stack.length - 1]].level >= level) {
      const s = sections[stack.pop()!];
      s.range.end = b.range.start;
    }
    const hn = parseHeadingNumber(b.text, lexicons);
    const numbering = b.label ?? hn.numbering;
    const title = hn.title || b.text;
    let ownRoles: SectionRole[] = [];
    for (const lx of lexicons) {
      ownRoles = lx.headingRoles(b.text);
      if (ownRoles.length) break;
    }
    if (hn.chapterWord && /^(bijlage|appendix|annex)$/.test(hn.chapterWord) && !ownRoles.some((r) => GOVERNING.has(r))) {
      ownRoles = ownRoles.length ? ownRoles : ['appendix'];
    }
    let id = b.attrId ?? (numbering && !hn.letter ? 'S' + numbering : slug(title) || 'section');
    if (usedIds.has(id)) {
      let k = 1;
      while (usedIds.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    usedIds.add(id);
    const parent = stack.length ? stack[stack.length - 1] : null;
    const idx = sections.length;
    sections.push({
      id,
      title,
      numbering,
      level,
      ownRoles,
      role: 'other',
      roles: [],
      group: null,
      parent,
      headingRange: { start: b.range.start, end: b.range.end },
      range: { start: b.range.start, end: textLength },
    });
    stack.push(idx);
    blockSection[bi] = idx;
  });

  // Roles: own, governing parent, inherited.
  for (const s of sections) {
    const p = s.parent !== null ? sections[s.parent] : null;
    if (p && GOVERNING.has(p.role)) {
      s.role = p.role;
      s.roles = [p.role];
    } else if (s.ownRoles.length) {
      s.role = s.ownRoles[0];
      s.roles = [...s.ownRoles];
    } else if (p) {
      s.role = p.role;
      s.roles = [...p.roles];
    } else {
      s.role = 'other';
      s.roles = [];
    }
  }

  // Position: in a report, the chapters between the first one and the
  // conclusions hold the findings. Chapters are read from level-1 headings and
  // from numbering ("2.1" belongs to chapter 2 even when extraction lost the
  // heading "2 Beleidsanalyse").
  if (isReport && sections.length) {
    const chapterOf = chapters(sections);
    const count = Math.max(...chapterOf) + 1;
    const topsOf: number[][] = Array.from({ length: count }, () => []);
    sections.forEach((s, i) => {
      const c = chapterOf[i];
      const minLevel = Math.min(...sections.filter((_, k) => chapterOf[k] === c).map((x) => x.level));
      if (s.level === minLevel) topsOf[c].push(i);
    });
    let limit = count;
    for (let c = 0; c < count; c++) {
      if (topsOf[c].some((i) => sections[i].ownRoles.includes('conclusions') || sections[i].ownRoles.includes('recommendations'))) {
        limit = c;
        break;
      }
    }
    const firstReal = chapterOf.findIndex((c, i) => sections[i].level <= 2 && c >= 0);
    const firstChapter = firstReal >= 0 ? chapterOf[firstReal] : 0;
    sections.forEach((s, i) => {
      const c = chapterOf[i];
      if (c <= firstChapter || c >= limit) return;
      const p = s.parent !== null ? sections[s.parent] : null;
      if (p && GOVERNING.has(p.role)) return;
      const own = s.ownRoles;
      if (own.length === 0 || (own.length === 1 && own[0] === 'goals')) {
        if (!p || p.role === 'findings' || p.role === 'other' || chapterOf[s.parent!] !== c) {
          s.role = 'findings';
          s.roles = ['findings'];
        }
      }
    });
  }

  // Groups: sub-headings inside norms or questions name their group.
  for (const s of sections) {
    if (s.roles.includes('norms') && /^\p{L}{3,}?s?(?:normen|norms)$/iu.test(s.title.trim()) && !/^(?:normen|norms)$/i.test(s.title.trim())) {
      s.group = groupName(s.title, s.numbering);
      continue;
    }
    if (s.parent === null) continue;
    const p = sections[s.parent];
    if ((s.roles.includes('norms') || s.roles.includes('questions')) && (p.roles.includes('norms') || p.roles.includes('questions'))) {
      s.group = groupName(s.title, s.numbering);
    } else if (s.role === 'recommendations' && p.role === 'recommendations') {
      s.group = s.title;
    }
  }
  return { sections, blockSection };
}

/**
 * Chapter index per section: a level-1 heading starts a chapter, and so does
 * a numbered heading whose first number differs from the current chapter's.
 */
function chapters(sections: Section[]): number[] {
  const out: number[] = [];
  let chapter = -1;
  let key: string | null = null;
  for (const s of sections) {
    const first = s.numbering && /^\d/.test(s.numbering) ? s.numbering.split('.')[0] : null;
    if (chapter < 0) {
      chapter = 0;
      key = first;
    } else if (s.level === 1 && !(first !== null && first === key && s.numbering === first)) {
      chapter++;
      key = first;
    } else if (first !== null && key !== null && first !== key && s.level <= 2) {
      chapter++;
      key = first;
    } else if (first !== null && key === null && s.level <= 2) {
      key = first;
    }
    out.push(chapter);
  }
  return out;
}

/** "Beleidsnormen" → "beleid", "Uitvoeringsnormen" → "uitvoering", "Blok 1: De vraag" → "De vraag". */
export function groupName(title: string, numbering: string | null): string {
  const t = title.trim().replace(/[:.]$/, '');
  const m = /^(\p{L}+?)s?(?:normen|norms)$/iu.exec(t);
  if (m) return m[1].toLowerCase();
  const m2 = /^(?:normen|norms)\s+(?:voor\s+|for\s+)?(?:de\s+|het\s+|the\s+)?(\p{L}+)/iu.exec(t);
  if (m2) return m2[1].toLowerCase();
  return t || numbering || '';
}

/** Pandoc-style identifier: "Bevindingen en oordeel" → "bevindingen-en-oordeel". */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s_.-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^[^\p{L}]+/u, '');
}

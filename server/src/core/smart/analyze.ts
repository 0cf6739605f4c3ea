/**
 * The SMART card of one goal, recommendation or conclusion: for each letter
 * whether it is there (`ok`), the words that show it (`evidence`, spans into
 * the given text) and, when it is not, what is missing.
 *
 *   smartCard('Het aandeel voortijdig beëindigde trajecten daalt naar 20%.', 'nl', 'goal')
 *     → S ✓, M ✓ "20%", A ✗ (no owner), R – (no means named), T ✗ (no date)
 *
 * Letters, as auditors apply them (see DOMAIN.md):
 * - S specifiek: no vague verb or phrase ("inzetten op", "versterken",
 *   "aandacht besteden aan", "meer regie") unless a concrete result (a
 *   number, an indicator, a deliverable) is named as well.
 * - M meetbaar: a number, percentage or amount as target; an indicator,
 *   target value or baseline; a relative change ("halveren"); an absolute
 *   state ("klimaatneutraal", "geen enkele"); a service standard in days or
 *   weeks; a checkable deliverable ("een plan van aanpak", "een
 *   voortgangsrapportage"); or "alle/iedere" + a group when nothing is vague.
 *   Years, dates, references ("conclusie 3"), ages and fte are no measure.
 * - A acceptabel: an owner who acts ("het college", "de gemeente", "de
 *   RIGG"; "wij" only in goals, the administration's own voice). An
 *   imperative needs an addressee ("Maak als college …"); an actor after a
 *   preposition ("met de RIGG") or before a passive is not the owner.
 * - R realistisch (information only): means, budget or capacity named →
 *   true; a drastic ambition ("halveert") without them → false; else null.
 * - T tijdgebonden: a date, deadline, period or frequency; baseline years
 *   ("ten opzichte van 388 in 2020") and empty phrases ("de komende jaren",
 *   "op termijn") do not count.
 * - Conclusions get one check (letter S): a graded judgement ("in beperkte
 *   mate", "lijkt") with no measurable basis (no number, score, norm or
 *   reference to findings) is vague; M shows the basis when there is one.
 *
 * Pure and linear: every expression is bounded (see `patterns.ts`).
 */
import type { Language } from '../types';
import type { Message } from '../rules/types';
import { fold, findAll, longest, type Hit } from './patterns';
import { smartLexicon, type SmartLexicon } from './lexicon';

export type Letter = 'S' | 'M' | 'A' | 'R' | 'T';
export const LETTERS: readonly Letter[] = ['S', 'M', 'A', 'R', 'T'];
export type SmartKind = 'goal' | 'recommendation' | 'conclusion';

export type EvidenceRole =
  | 'vague'
  | 'result'
  | 'number'
  | 'measure'
  | 'universal'
  | 'service-norm'
  | 'comparative'
  | 'owner'
  | 'imperative'
  | 'means'
  | 'drastic'
  | 'date'
  | 'empty-time'
  | 'judgement'
  | 'basis';

export interface Evidence {
  text: string;
  start: number;
  end: number;
  role?: EvidenceRole;
}

export interface LetterCard {
  /** true: present; false: missing; null: not judged (R without means, letters that do not apply). */
  ok: boolean | null;
  /** The words that made the judgement: what shows the letter, or (when missing) the vague words. */
  evidence: Evidence[];
  /** What is missing, in the card's language. */
  missing?: string;
  /** What is missing, in both languages (for rendering in the user's locale). */
  missingMessage?: Message;
}

export interface SmartCard {
  kind: SmartKind;
  lang: Language;
  S: LetterCard;
  M: LetterCard;
  A: LetterCard;
  R: LetterCard;
  T: LetterCard;
  /** The first word when the item opens with an imperative ("Zet", "Maak"). */
  imperative: Evidence | null;
  /**
   * Where a clause can be added to the item's first sentence: after its last
   * word, before the final punctuation and a trailing parenthesis
   * ("… bereikt (zie conclusie 5).").
   */
  insertAt: number;
}

const MISSING: Record<string, Message> = {
  S: { nl: 'vage formulering zonder concreet resultaat', en: 'vague wording without a concrete result' },
  M: { nl: 'geen getal, percentage, streefwaarde, nulmeting of toetsbaar product', en: 'no number, percentage, target, baseline or checkable deliverable' },
  A: { nl: 'geen eigenaar: niet gezegd wie handelt', en: 'no owner: it does not say who acts' },
  Rdrastic: { nl: 'forse ambitie zonder genoemde middelen, budget of capaciteit', en: 'drastic ambition without named means, budget or capacity' },
  R: { nl: 'geen middelen, budget of capaciteit genoemd', en: 'no means, budget or capacity named' },
  T: { nl: 'geen datum, deadline of periode', en: 'no date, deadline or period' },
  judgement: { nl: 'oordeel zonder maatstaf: geen norm, score, cijfer of verwijzing naar bevindingen', en: 'judgement without a yardstick: no norm, score, figure or reference to findings' },
  na: { nl: 'niet van toepassing op conclusies', en: 'does not apply to conclusions' },
};

function letter(ok: boolean | null, evidence: Evidence[], lang: Language, missingKey?: string): LetterCard {
  const card: LetterCard = { ok, evidence };
  if (missingKey && ok !== true) {
    card.missingMessage = MISSING[missingKey];
    card.missing = MISSING[missingKey][lang];
  }
  return card;
}

function ev(text: string, h: Hit, role: EvidenceRole): Evidence {
  return { text: text.slice(h.start, h.end), start: h.start, end: h.end, role };
}

function inside(h: Hit, spans: readonly Hit[]): boolean {
  for (const s of spans) if (s.start <= h.start && h.end <= s.end) return true;
  return false;
}

function overlaps(h: Hit, spans: readonly Hit[]): boolean {
  for (const s of spans) if (h.start < s.end && s.start < h.end) return true;
  return false;
}

const YEAR_RE = /^(?:19|20)\d{2}$/;

/** The SMART card of one item's text. */
export function smartCard(text: string, lang: Language, kind: SmartKind): SmartCard {
  const lex = smartLexicon(lang);
  const f = fold(text);
  const imperative = findImperative(text, f, lex);
  const insertAt = insertionPoint(text);
  const numeric = numbers(f, lex);

  if (kind === 'conclusion') {
    const judgement = longest(findAll(lex.judgement, f));
    const basis = longest([...findAll(lex.basis, f), ...numeric.measures]);
    const vague = judgement.length > 0 && basis.length === 0;
    const na = letter(null, [], lang, 'na');
    return {
      kind,
      lang,
      S: vague ? letter(false, judgement.map((h) => ev(text, h, 'judgement')), lang, 'judgement') : letter(true, judgement.map((h) => ev(text, h, 'judgement')), lang),
      M: letter(basis.length > 0 ? true : null, basis.map((h) => ev(text, h, 'basis')), lang),
      A: na,
      R: { ...na },
      T: { ...na },
      imperative,
      insertAt,
    };
  }

  // T: dates and periods, not baselines, not the past.
  const time = longest(
    findAll(lex.time, f).filter(
      (h) => lex.deadlineStart.test(f.slice(h.start, h.end)) || (!lex.baselineBefore.test(f.slice(Math.max(0, h.start - 60), h.start)) && !lex.pastAfter.test(f.slice(h.end, h.end + 24))),
    ),
  );
  const empty = longest(findAll(lex.timeEmpty, f)).filter((h) => !overlaps(h, time));

  // M: numbers (outside dates, references, ages), measure words, service norms.
  const service = longest(findAll(lex.serviceNorm, f));
  // "geen streefwaarde" is no measure; "geen leerling langer dan drie maanden" is.
  const negated = (h: Hit): boolean => lex.measureNegation.test(f.slice(Math.max(0, h.start - 30), h.start)) && !lex.countWord.test(f.slice(h.start, h.end));
  const measureWords = longest(findAll(lex.measure, f)).filter((h) => !inside(h, time) && !negated(h));
  const numberHits = numeric.measures.filter((h) => !inside(h, time));

  // S: vague words, unless a concrete result is named too.
  const vague = longest(findAll(lex.vague, f)).filter((h) => !inside(h, time) && !inside(h, empty));
  const concrete = longest([...numberHits, ...measureWords, ...service]);
  const sOk = vague.length === 0 || concrete.length > 0;
  const S = sOk ? letter(true, concrete.length && vague.length ? concrete.map((h) => ev(text, h, 'result')) : [], lang) : letter(false, vague.map((h) => ev(text, h, 'vague')), lang, 'S');

  const universal = vague.length === 0 ? longest(findAll([lex.universal], f)) : [];
  const mEvidence = [
    ...numberHits.map((h) => ev(text, h, 'number')),
    ...measureWords.map((h) => ev(text, h, 'measure')),
    ...service.map((h) => ev(text, h, 'service-norm')),
    ...universal.map((h) => ev(text, h, 'universal')),
  ].sort((a, b) => a.start - b.start);
  const M = mEvidence.length
    ? letter(true, dedupe(mEvidence), lang)
    : letter(false, longest(findAll(lex.comparative, f)).map((h) => ev(text, h, 'comparative')), lang, 'M');

  // A: an owner who acts.
  const owners = findOwners(text, f, lex, kind);
  const A = owners.length ? letter(true, owners, lang) : letter(false, imperative ? [imperative] : [], lang, 'A');

  // R: means named; a drastic ambition without them.
  const means = longest([...findAll(lex.means, f), ...numeric.means]);
  const drastic = longest(findAll(lex.drastic, f));
  const R = means.length
    ? letter(true, means.map((h) => ev(text, h, 'means')), lang)
    : drastic.length
      ? letter(false, drastic.map((h) => ev(text, h, 'drastic')), lang, 'Rdrastic')
      : letter(null, [], lang, 'R');

  const T = time.length ? letter(true, time.map((h) => ev(text, h, 'date')), lang) : letter(false, empty.map((h) => ev(text, h, 'empty-time')), lang, 'T');

  return { kind, lang, S, M, A, R, T, imperative, insertAt };
}

function dedupe(list: Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of list) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) {
      if (e.end - e.start > last.end - last.start) out[out.length - 1] = e;
      continue;
    }
    out.push(e);
  }
  return out;
}

/**
 * Numbers that measure (targets, counts, percentages, amounts) and amounts
 * that are means. Excluded: years, references ("conclusie 3"), ages,
 * ordinals, fte (a means).
 */
function numbers(f: string, lex: SmartLexicon): { measures: Hit[]; means: Hit[] } {
  const excluded = findAll(lex.numberExclusions, f);
  const money = findAll([lex.money], f);
  const pct = findAll([lex.percent], f);
  const measures: Hit[] = [];
  const means: Hit[] = [];
  for (const h of money) {
    if (inside(h, excluded)) continue;
    const before = f.slice(Math.max(0, h.start - 40), h.start);
    const meansOnly = lex.meansOnlyBefore.test(before);
    if (meansOnly || lex.meansCue.test(windowWords(f, h, 6))) means.push(h);
    if (!meansOnly) measures.push(h);
  }
  for (const h of pct) if (!inside(h, excluded) && !inside(h, money)) measures.push(h);
  for (const h of findAll([lex.number], f)) {
    if (inside(h, excluded) || inside(h, money) || inside(h, pct)) continue;
    if (YEAR_RE.test(f.slice(h.start, h.end))) continue;
    measures.push(h);
  }
  return { measures: longest(measures), means: longest(means) };
}

/** Up to n words either side of a hit (not the hit itself). */
function windowWords(f: string, h: Hit, n: number): string {
  const before = f.slice(Math.max(0, h.start - 80), h.start).split(/\s+/).slice(-n - 1).join(' ');
  const after = f.slice(h.end, h.end + 80).split(/\s+/).slice(0, n + 1).join(' ');
  return before + ' | ' + after;
}

interface SentenceSpan {
  start: number;
  end: number;
}

/** Rough sentences for owner and imperative detection: . ; ! ? followed by a capital, a bullet or the end. */
export function roughSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const re = /[.;!?:](?=\s+[\p{Lu}•◦▪–\-(]|\s*$)|\s[•◦▪]\s/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + 1;
    // "o.a." / "t.o.v.": a dot inside a token is an abbreviation, not an end.
    const tok = /(?<!\S)\S*$/.exec(text.slice(Math.max(start, m.index - 100), m.index))?.[0] ?? '';
    if (m[0] === '.' && tok.includes('.')) continue;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => /[\p{L}]/u.test(text.slice(s.start, s.end)));
}

const FIRST_WORD = /^[^\p{L}]*([\p{L}][\p{L}'’-]*)/u;

function findImperative(text: string, f: string, lex: SmartLexicon): Evidence | null {
  const first = roughSentences(text)[0];
  if (!first) return null;
  const m = FIRST_WORD.exec(f.slice(first.start, first.end));
  if (!m || !lex.imperatives.has(m[1])) return null;
  const start = first.start + m[0].length - m[1].length;
  return { text: text.slice(start, start + m[1].length), start, end: start + m[1].length, role: 'imperative' };
}

function findOwners(text: string, f: string, lex: SmartLexicon, kind: SmartKind): Evidence[] {
  const out: Evidence[] = [];
  for (const s of roughSentences(text)) {
    const part = f.slice(s.start, s.end);
    const first = FIRST_WORD.exec(part);
    const isImperative = !!first && lex.imperatives.has(first[1]);
    if (isImperative) {
      // "Maak als Groningse gemeenten afspraken …": only an addressee makes an owner.
      for (const h of findAll([lex.addressee], part)) out.push(ev(text, { start: s.start + h.start, end: s.start + h.end }, 'owner'));
      continue;
    }
    const hits = findAll(kind === 'goal' ? [lex.actors, lex.ownActors] : [lex.actors], part);
    for (const h of longest(hits)) {
      const before = /(?<![\p{L}'-])([\p{L}'-]+)[\s,]*$/u.exec(part.slice(0, h.start));
      if (before && lex.prepositions.has(before[1])) continue;
      const after = /^\s+([\p{L}]+)/u.exec(part.slice(h.end));
      if (after && lex.passiveAfter.has(after[1])) continue;
      out.push(ev(text, { start: s.start + h.start, end: s.start + h.end }, 'owner'));
    }
  }
  return out;
}

/**
 * After the last word of the first sentence: before its final punctuation
 * and a trailing parenthesis ("… (zie conclusie 5)."), so that " vóór 1 juli
 * 2026" lands inside the sentence.
 */
export function insertionPoint(text: string): number {
  const first = roughSentences(text)[0] ?? { start: 0, end: text.length };
  let k = first.end;
  const trim = (): void => {
    while (k > first.start && /[\s.;:,!?]/.test(text[k - 1])) k--;
  };
  trim();
  if (text[k - 1] === ')') {
    let depth = 0;
    for (let i = k - 1; i >= first.start; i--) {
      if (text[i] === ')') depth++;
      else if (text[i] === '(') {
        depth--;
        if (depth === 0) {
          if (i > first.start) k = i;
          break;
        }
      }
    }
    trim();
  }
  return Math.max(first.start, k);
}

// ---------------------------------------------------------------------------
// Rendering for the hover.

const NAMES: Record<Language, Record<Letter, string>> = {
  nl: { S: 'Specifiek', M: 'Meetbaar', A: 'Acceptabel (eigenaar)', R: 'Realistisch', T: 'Tijdgebonden' },
  en: { S: 'Specific', M: 'Measurable', A: 'Achievable (owner)', R: 'Realistic', T: 'Time-bound' },
};
const CONCLUSION_NAMES: Record<Language, { S: string; M: string }> = {
  nl: { S: 'Oordeel', M: 'Maatstaf' },
  en: { S: 'Judgement', M: 'Yardstick' },
};
const KIND_NAMES: Record<Language, Record<SmartKind, string>> = {
  nl: { goal: 'doel', recommendation: 'aanbeveling', conclusion: 'conclusie' },
  en: { goal: 'goal', recommendation: 'recommendation', conclusion: 'conclusion' },
};
const ROLE_NAMES: Record<Language, Partial<Record<EvidenceRole, string>>> = {
  nl: { vague: 'vaag', comparative: 'geen maat', 'empty-time': 'geen termijn', drastic: 'forse ambitie', imperative: 'gebiedende wijs', judgement: 'oordeel' },
  en: { vague: 'vague', comparative: 'no measure', 'empty-time': 'no deadline', drastic: 'drastic ambition', imperative: 'imperative', judgement: 'judgement' },
};

function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

/** Markdown for a hover: the five letters, each with its evidence. */
export function renderSmartCardMarkdown(card: SmartCard, locale: Language): string {
  const lang: Language = locale === 'en' ? 'en' : 'nl';
  const title = lang === 'nl' ? 'SMART-kaart' : 'SMART card';
  const lines = [`**${title}** — ${KIND_NAMES[lang][card.kind]}`, ''];
  const letters: Letter[] = card.kind === 'conclusion' ? ['S', 'M'] : [...LETTERS];
  for (const l of letters) {
    const c = card[l];
    const mark = c.ok === true ? '✓' : c.ok === false ? '✗' : '–';
    const name = card.kind === 'conclusion' ? CONCLUSION_NAMES[lang][l as 'S' | 'M'] : NAMES[lang][l];
    const groups = new Map<string, string[]>();
    for (const e of c.evidence) {
      const role = (e.role && ROLE_NAMES[lang][e.role]) ?? '';
      const list = groups.get(role) ?? [];
      list.push(`“${escapeMd(e.text.replace(/\s+/g, ' '))}”`);
      groups.set(role, list);
    }
    const evidence = [...groups].map(([role, list]) => (role ? `${role}: ` : '') + list.join(', ')).join('; ');
    const missing = c.ok !== true && c.missingMessage ? c.missingMessage[lang] : '';
    const detail = [missing, evidence].filter(Boolean).join(' — ');
    lines.push(`- ${mark} **${l}** ${name}${detail ? ': ' + detail : ''}`);
  }
  return lines.join('\n');
}

/**
 * Word lists of the trace checks, as data (`lexicon/trace.nl.json`,
 * `trace.en.json`): extra stopwords for text similarity, the words after
 * which a number is an item number ("doel 5", "tabel 2"), number words,
 * currency, percent and multiplier words, month names.
 */
import type { Language } from '../types';
import nl from '../lexicon/trace.nl.json';
import en from '../lexicon/trace.en.json';
import { lexicon } from '../lexicon';

interface RawTraceLexicon {
  language: string;
  similarityStopwords: string[];
  itemNumberWords: string[];
  numberWords: Record<string, number>;
  currencyWords: string[];
  percentWords: string[];
  multipliers: Record<string, number>;
  months: string[];
  decimalComma: boolean;
}

export interface TraceLexicon {
  language: Language;
  /** Words that carry no topic: the core stopwords plus report boilerplate ("conclusie", "paragraaf"). */
  stopwords: ReadonlySet<string>;
  itemNumberWords: ReadonlySet<string>;
  numberWords: ReadonlyMap<string, number>;
  currencyWords: ReadonlySet<string>;
  percentWords: ReadonlySet<string>;
  multipliers: ReadonlyMap<string, number>;
  months: ReadonlyMap<string, number>;
  decimalComma: boolean;
}

function compile(raw: RawTraceLexicon): TraceLexicon {
  const language = raw.language as Language;
  const stop = new Set<string>(raw.similarityStopwords.map((w) => w.toLowerCase()));
  for (const w of lexicon(language).stopwords) stop.add(w);
  const months = new Map<string, number>();
  const full = raw.months.slice(0, 12);
  full.forEach((m, i) => months.set(m, i + 1));
  for (const m of raw.months.slice(12)) {
    const i = full.findIndex((f) => f.startsWith(m.slice(0, 3)));
    if (i >= 0) months.set(m, i + 1);
  }
  return {
    language,
    stopwords: stop,
    itemNumberWords: new Set(raw.itemNumberWords.map((w) => w.toLowerCase())),
    numberWords: new Map(Object.entries(raw.numberWords)),
    currencyWords: new Set(raw.currencyWords),
    percentWords: new Set(raw.percentWords),
    multipliers: new Map(Object.entries(raw.multipliers)),
    months,
    decimalComma: raw.decimalComma,
  };
}

const LEX: Record<Language, TraceLexicon> = { nl: compile(nl as RawTraceLexicon), en: compile(en as RawTraceLexicon) };

export function traceLexicon(lang: Language): TraceLexicon {
  return LEX[lang];
}

/**
 * reactionStance: the stance of a reaction and the phrases that show it.
 */
import { describe, it, expect } from 'vitest';
import { reactionStance } from '../../server/src/core/wederhoor';

const st = (text: string, lang: 'nl' | 'en' = 'nl') => {
  const r = reactionStance({ text }, lang);
  return { stance: r.stance, phrases: r.phrases.map((p) => [text.slice(p.start, p.end), p.stance]) };
};

describe('reactionStance (nl)', () => {
  it('agrees', () => {
    expect(st('Het college onderschrijft deze conclusie. Wij werken aan een nieuw plan.')).toEqual({ stance: 'agree', phrases: [['onderschrijft', 'agree']] });
    expect(st('Het college neemt deze aanbeveling over.').stance).toBe('agree');
    expect(st('Deze aanbeveling nemen wij over.').stance).toBe('agree');
  });
  it('disagrees, also when it concedes something', () => {
    expect(st('Deze conclusie herkennen wij niet. Wel erkennen wij dat de rapportage uitbleef.')).toEqual({ stance: 'disagree', phrases: [['herkennen wij niet', 'disagree']] });
    expect(st('Deze aanbeveling nemen wij niet over.').phrases).toEqual([['nemen wij niet over', 'disagree']]);
    expect(st('Wij constateren een tegenstelling in deze conclusie. Het tekort herkennen wij.').stance).toBe('disagree');
    expect(st('Het college neemt deze aanbeveling niet over.').stance).toBe('disagree');
  });
  it('turns an agreeing phrase with a negation in its clause into disagreement', () => {
    expect(st('Wij onderschrijven deze conclusie niet.')).toEqual({ stance: 'disagree', phrases: [['Wij onderschrijven deze conclusie niet', 'disagree']] });
    expect(st('Wij kunnen de conclusie niet onderschrijven.').phrases).toEqual([['niet onderschrijven', 'disagree']]);
    // … but not over a clause or sentence boundary.
    expect(st('Dat de middelen niet zijn gekoppeld, onderschrijven wij. Niet elk doel is meetbaar.').stance).toBe('agree');
    expect(st('Dat het bereik beperkt is, herkennen wij. Niet elk signaal vraagt om hulp.').stance).toBe('agree');
  });
  it('qualifies', () => {
    expect(st('Wij herkennen ons in deze conclusie. Ter nuancering: de inhuur was nodig.')).toEqual({ stance: 'partly', phrases: [['Wij herkennen ons in', 'agree'], ['Ter nuancering', 'partly']] });
    expect(st('Het college neemt deze aanbeveling over, met één kanttekening.').stance).toBe('partly');
    expect(st('De term ‘middelvoorziening’ kennen wij niet.').phrases).toEqual([['kennen wij niet', 'partly']]);
    // An opinion with a negation in its sentence.
    expect(st('In onze optiek is het tekort niet het gevolg van het model.').phrases).toEqual([['In onze optiek', 'partly']]);
    expect(st('In onze optiek is dit een goede aanbeveling.').stance).toBe('none');
  });
  it('takes no stance when no phrase shows one', () => {
    expect(st('Dit zijn de ambities uit het koersdocument. Dit nemen wij mee in ons inkoopbeleid.')).toEqual({ stance: 'none', phrases: [] });
    expect(st('')).toEqual({ stance: 'none', phrases: [] });
  });
});

describe('reactionStance (en)', () => {
  it('reads English phrases', () => {
    expect(st('The executive agrees with this conclusion.', 'en').stance).toBe('agree');
    expect(st('We do not accept this recommendation.', 'en')).toEqual({ stance: 'disagree', phrases: [['do not accept', 'disagree']] });
    expect(st('We accept the recommendation, with one reservation.', 'en').stance).toBe('partly');
    expect(st('We see a contradiction in this conclusion.', 'en').stance).toBe('disagree');
  });
});

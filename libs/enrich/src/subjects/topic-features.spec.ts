import { LANGUAGES } from '../resources';
import { tokenize, WORD } from '../text/tokenizer';
import {
  featureTerm,
  HASH_SIZE,
  hashString,
  HEADLINE_WEIGHT,
  pairBucket,
  termHashOf,
  TopicFeatures,
  type TopicWord,
} from './topic-features';

const EN = 1 << LANGUAGES.indexOf('en');
const DE = 1 << LANGUAGES.indexOf('de');
/** a tiny stop list: "the" and "and" English, "die" German */
const STOP: Record<string, number> = { the: EN, and: EN, die: DE };

function features(headline: string | undefined, text: string, langMask = EN): Map<number, number> {
  const { tokens } = tokenize(headline, [text]);
  const words: (TopicWord | undefined)[] = tokens.map((t) =>
    t.kind === WORD ? { stop: STOP[t.lower] ?? 0, term: termHashOf(t.lower) } : undefined,
  );
  const f = new TopicFeatures().extract(tokens, words, langMask);
  const out = new Map<number, number>();
  for (let i = 0; i < f.n; i++) out.set(f.ids[i], f.values[i]);
  return out;
}
const word = (w: string): number => hashString(featureTerm(w)) & (HASH_SIZE - 1);
const pair = (a: string, b: string): number => pairBucket(hashString(featureTerm(a)), hashString(featureTerm(b)));
const shape = (name: string): number => hashString(`#${name}`) & (HASH_SIZE - 1);

describe('featureTerm', () => {
  it.each([
    ['elections', 'electio'],
    ['élection', 'electio'],
    ['minister', 'ministe'],
    ['ministre', 'ministr'],
    ['straße', 'strasse'],
    ['goals', 'goal'],
    ['bus', 'bus'],
    ['nba', 'nba'],
  ])('%s → %s', (word, term) => expect(featureTerm(word)).toBe(term));

  it('gives no term for one-letter words', () => {
    expect(termHashOf('a')).toBe(-1);
    expect(termHashOf('ai')).toBeGreaterThanOrEqual(0);
  });
});

describe('TopicFeatures', () => {
  it.each<[string, string, number[], number[]]>([
    [
      'words and their pairs, stop words dropped',
      'the striker scored',
      [word('striker'), word('scored'), pair('striker', 'scored')],
      [word('the')],
    ],
    [
      'a pair never spans a full stop',
      'Rates rose. Markets fell',
      [pair('rates', 'rose'), pair('markets', 'fell')],
      [pair('rose', 'markets')],
    ],
    ['a score between numbers', 'Arsenal won 2-1 at home', [shape('score')], []],
    ['a percentage', 'Shares rose 5% on Monday', [shape('percent')], [shape('score')]],
    ['an amount of money', 'The deal is worth $12 billion', [shape('money')], []],
  ])('%s', (_, text, present, absent) => {
    const f = features(undefined, text);
    for (const id of present) expect(f.has(id)).toBe(true);
    for (const id of absent) expect(f.has(id)).toBe(false);
  });

  it('uses the stop words of the article language only', () => {
    expect(features(undefined, 'die hard fans', EN).has(word('die'))).toBe(true);
    expect(features(undefined, 'die Mannschaft gewann', DE).has(word('die'))).toBe(false);
  });

  it('gives unit length, ascending distinct ids, and counts the headline more', () => {
    const f = features('Election called', 'The election will be held in May, the election commission said.');
    let norm = 0;
    for (const v of f.values()) norm += v * v;
    expect(norm).toBeCloseTo(1, 5);
    const ids = [...f.keys()];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // "election" twice in the body and once in the headline (weight 2): log1p(2 + HEADLINE_WEIGHT)
    const once = f.get(word('commission'))!;
    expect(f.get(word('election'))! / once).toBeCloseTo(Math.log1p(2 + HEADLINE_WEIGHT) / Math.log1p(1), 4);
  });

  it('is empty for text without words', () => {
    expect(features(undefined, '... --- ...').size).toBe(0);
  });
});

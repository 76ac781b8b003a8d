import { Gazetteer } from '../entities/gazetteer';
import { WordFlag as F } from '../entities/word-flags';
import { type Token, tokenize } from '../text/tokenizer';
import { FeatureExtractor, isAllCapsSegment, languageBucket, SHAPE, wordShape } from './features';
import { feature, hashRange, hashString } from './hash';
import { TAG_COUNT } from './tags';

const token = (text: string): Token => tokenize(undefined, [text]).tokens[0];

describe('wordShape', () => {
  it.each([
    ['house', 0, false, SHAPE.lower],
    ['London', 0, false, SHAPE.capitalised],
    ['NATO', 0, false, SHAPE.allCaps],
    ['U.S.', 0, false, SHAPE.capsWithDots],
    ['A', 0, false, SHAPE.singleCap],
    ['McDonald', 0, false, SHAPE.mixed],
    ['iPhone', 0, false, SHAPE.mixed],
    ['2024', 0, false, SHAPE.number],
    [',', 0, false, SHAPE.punct],
    // in a line written in capitals: a common word reads as lower case, anything else as a capitalised name
    ['STORM', F.dictionary, true, SHAPE.lower],
    ['OBAMA', F.lastName, true, SHAPE.capitalised],
    ['PARIS', 0, true, SHAPE.capitalised],
  ])('%s (flags %d, all-caps line %s)', (text, flags, allCaps, shape) => {
    expect(wordShape(token(text), flags, allCaps)).toBe(shape);
  });
});

describe('languageBucket', () => {
  it.each([
    ['en', 0],
    [undefined, 0],
    ['und', 0],
    ['de', 1],
    ['de-AT', 1],
    ['fr', 2],
    ['es', 2],
    ['pt', 2],
  ])('%s → %d', (lang, bucket) => expect(languageBucket(lang)).toBe(bucket));
});

describe('hashing', () => {
  it('hashes a range of a string like the substring itself', () => {
    expect(hashRange('Brussels', 2, 5)).toBe(hashString('uss'));
    expect(hashString('a')).not.toBe(hashString('b'));
  });
  it('keeps templates apart', () => {
    expect(feature(1, 42)).not.toBe(feature(2, 42));
    expect(feature(1, 42, 1)).not.toBe(feature(1, 42, 2));
    expect(feature(3, 7, 9)).toBe(feature(3, 7, 9));
  });
});

describe('isAllCapsSegment', () => {
  it.each([
    ['STORM HITS NORTHERN FRANCE', true],
    ['Storm hits northern France', false],
    ['NATO said', false],
  ])('%s → %s', (text, expected) => {
    const { tokens } = tokenize(undefined, [text]);
    expect(isAllCapsSegment(tokens, 0, tokens.length)).toBe(expected);
  });
});

describe('FeatureExtractor', () => {
  const gazetteer = new Gazetteer();
  gazetteer.add('Paris', { kind: 'place', name: 'Paris', placeType: 'city' });
  const extract = (text: string, flagsOf: (t: Token) => number = () => 0): number[][] => {
    const fx = new FeatureExtractor(gazetteer, 1 << 16, TAG_COUNT);
    const { tokens } = tokenize(undefined, [text]);
    const flags = tokens.map((t) => flagsOf(t) | (t.lower === 'paris' ? F.gazetteerStart : 0));
    const n = fx.extract({ tokens, from: 0, to: tokens.length, flags, allCaps: false, lang: 0 });
    const out: number[][] = [];
    for (let k = 0; k < n; k++) out.push([...fx.feats.slice(fx.offsets[k], fx.offsets[k + 1])]);
    return out;
  };

  it('gives every feature as a row of the weight table (bucket × tag count)', () => {
    for (const row of extract('Anna lives in Paris .')) {
      expect(row.length).toBeGreaterThan(10);
      for (const f of row) {
        expect(f % TAG_COUNT).toBe(0);
        expect(f).toBeLessThan((1 << 16) * TAG_COUNT);
      }
    }
  });

  it('is deterministic and depends on the context', () => {
    const a = extract('Anna lives in Paris .');
    expect(extract('Anna lives in Paris .')).toEqual(a);
    const b = extract('Anna works in Paris .');
    expect(b[3]).not.toEqual(a[3]); // "Paris": its neighbours differ
    expect(b[0]).not.toEqual(a[0]); // "Anna": the next word differs
  });

  it('adds gazetteer and word-list features, not decisions', () => {
    const withGazetteer = extract('in Paris')[1];
    const withoutGazetteer = extract('in Lille')[1];
    expect(withGazetteer.length).toBe(withoutGazetteer.length + 2);
    const titled = extract('President Lula', (t) => (t.lower === 'president' ? F.title : 0));
    const plain = extract('President Lula');
    expect(titled[1].length).toBe(plain[1].length + 1); // the previous word is a title
  });
});

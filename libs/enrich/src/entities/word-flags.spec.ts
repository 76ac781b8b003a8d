import { loadResources, type Resources } from '../resources';
import { tokenize } from '../text/tokenizer';
import { WordInfos } from '../text/word-info';
import { keywordClass } from '../keywords/keywords';
import { EntityExtractor } from './entity-extractor';
import { entityWordFlags, isFirstNameIn, WordFlag } from './word-flags';

describe('entityWordFlags', () => {
  let res: Resources;
  beforeAll(() => {
    res = loadResources();
  }, 30_000);

  it('answers each question as the word lists do', () => {
    const has = (lower: string, flag: number): boolean => (entityWordFlags(res, lower) & flag) !== 0;
    const checks: [ReadonlySet<string> | ReadonlyMap<string, number>, number][] = [
      [res.stopwords, WordFlag.stopword],
      [res.commonWords, WordFlag.commonWord],
      [res.dictionary, WordFlag.dictionary],
      [res.lastNames, WordFlag.lastName],
      [res.titles, WordFlag.title],
      [res.orgHeads, WordFlag.orgHead],
      [res.demonyms, WordFlag.demonym],
      [res.personVerbs, WordFlag.personVerb],
      [res.locatives, WordFlag.locative],
    ];
    for (const [list, flag] of checks) {
      const words = [...list.keys()].slice(0, 50);
      expect(words.length).toBeGreaterThan(0);
      for (const w of words) expect(has(w, flag)).toBe(true);
      expect(has('zzxqvw', flag)).toBe(false);
    }
  });

  it('knows first names with or without accents, government verbs and where gazetteer aliases start', () => {
    const has = (lower: string, flag: number): boolean => (entityWordFlags(res, lower) & flag) !== 0;
    const first = [...res.firstNames].find((n) => /^[a-z]+$/.test(n))!;
    expect(has(first, WordFlag.firstName)).toBe(true);
    expect(isFirstNameIn(res.firstNames, 'jérôme')).toBe(has('jérôme', WordFlag.firstName));
    expect(has('accused', WordFlag.governmentVerb)).toBe(true);
    expect(has('brussels', WordFlag.gazetteerStart)).toBe(true);
    expect(has('zzxqvw', WordFlag.gazetteerStart)).toBe(false);
  });

  it('gives the entity extractor the same answers with WordInfos as without', () => {
    const words = new WordInfos(
      res.stopwords,
      res.subjectModel,
      (lower) => entityWordFlags(res, lower),
      (lower) => keywordClass(res.keywordWords, lower),
    );
    const texts: [string, string[], string][] = [
      [
        'NATO chief Jens Stoltenberg visits Washington',
        [
          'BRUSSELS (AFP) - NATO Secretary-General Jens Stoltenberg said on Wednesday the alliance would help Estonia.',
          'Stoltenberg, speaking in Brussels, said the North Atlantic Treaty Organization (NATO) was ready. Washington accused Moscow.',
        ],
        'en',
      ],
      [
        'Scholz trifft Macron',
        ['Bundeskanzler Olaf Scholz hat in Berlin den SPD-Chef getroffen, sagte ein Sprecher.'],
        'de',
      ],
    ];
    const extractor = new EntityExtractor(res);
    for (const [headline, paragraphs, language] of texts) {
      const plain = extractor.extract(tokenize(headline, paragraphs), undefined, language);
      const doc = tokenize(headline, paragraphs);
      const withInfos = extractor.extract(doc, undefined, language, words.annotate(doc.tokens, []));
      expect(withInfos).toEqual(plain);
      expect(plain.entities.length).toBeGreaterThan(0);
    }
  });
});

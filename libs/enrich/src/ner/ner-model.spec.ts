import { entityWordFlags } from '../entities/word-flags';
import { enrichDataDir } from '../data-files';
import { keywordClass } from '../keywords/keywords';
import { loadResources } from '../resources';
import { tokenize } from '../text/tokenizer';
import { WordInfos } from '../text/word-info';
import { languageBucket } from './features';
import { loadNerModel, NerTagger } from './ner-model';
import { TAG_COUNT } from './tags';

describe('NerTagger', () => {
  it('gives the same emission scores and tags when word features are summed once per word (WordInfo)', () => {
    const res = loadResources();
    const model = loadNerModel(enrichDataDir());
    if (!model) return; // the weights are not in this data folder: the rules work alone
    const tagger = new NerTagger(model, res.gazetteer);
    const words = new WordInfos(
      res.stopwords,
      res.subjectModel,
      (lower) => entityWordFlags(res, lower),
      (lower) => keywordClass(res.keywordWords, lower),
    );
    const { tokens } = tokenize('NATO CHIEF VISITS KYIV', [
      'BRUSSELS (AFP) - NATO Secretary-General Jens Stoltenberg said on Wednesday the alliance would help Estonia.',
      'Stoltenberg met Prime Minister Kaja Kallas in Tallinn, and Kallas said Estonia was grateful to Stoltenberg.',
    ]);
    const flags = tokens.map((t) => entityWordFlags(res, t.lower));
    const infos = words.annotate(tokens, []);
    const run = (withWords: boolean): { emit: number[]; tags: number[] } => {
      const n = tagger.tag({
        tokens,
        from: 0,
        to: tokens.length,
        flags,
        allCaps: false,
        lang: languageBucket('en'),
        words: withWords ? infos : undefined,
      });
      return { emit: [...tagger.emissionScores.subarray(0, n * TAG_COUNT)], tags: [...tagger.tags.subarray(0, n)] };
    };
    const plain = run(false);
    expect(run(true)).toEqual(plain);
    // a second time from the weights now kept in the WordInfos
    expect(run(true)).toEqual(plain);
    expect(infos.some((i) => i.nerWeights !== undefined)).toBe(true);
  });
});

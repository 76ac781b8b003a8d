/**
 * Offline features of a labelled text, computed exactly as the enricher computes them at run time: the same
 * tokenizer, stop words, language detection and TopicFeatures (libs/enrich/src/subjects/topic-features.ts).
 */
import { detectLanguage, type LanguageKnowledge } from '../../../libs/enrich/src/language/language-detector';
import { LANGUAGES, loadLanguageKnowledge, loadStopwords } from '../../../libs/enrich/src/resources';
import { termHashOf, TopicFeatures } from '../../../libs/enrich/src/subjects/topic-features';
import { tokenize, WORD } from '../../../libs/enrich/src/text/tokenizer';
import { NO_INFO, wordInfo, type WordInfo } from '../../../libs/enrich/src/text/word-info';
import { dataDir } from './paths';

export interface Vector {
  ids: Int32Array;
  values: Float32Array;
}

export const ALL_LANGUAGES_MASK = (1 << LANGUAGES.length) - 1;

export function languageMask(language: string | undefined): number {
  const i = language ? (LANGUAGES as readonly string[]).indexOf(language) : -1;
  return i >= 0 ? 1 << i : ALL_LANGUAGES_MASK;
}

export class Featurizer {
  private readonly stopwords: Map<string, number>;
  private readonly language: LanguageKnowledge;
  private readonly cache = new Map<string, WordInfo>();
  private readonly features: TopicFeatures;

  constructor(dir = dataDir(), normPower?: number) {
    this.features = new TopicFeatures(normPower);
    this.stopwords = loadStopwords(dir);
    this.language = loadLanguageKnowledge(dir);
  }

  private info(lower: string): WordInfo {
    let info = this.cache.get(lower);
    if (!info) {
      info = wordInfo({
        stop: this.stopwords.get(lower) ?? 0,
        term: termHashOf(lower),
        phrases: undefined,
        entity: 0,
        keyword: 0,
      });
      this.cache.set(lower, info);
    }
    return info;
  }

  /**
   * The feature vector of a text. `language`: a known language (a dataset's), else `detect` decides between
   * detecting it from the text as the enricher does, and using every language's stop words (IPTC locales we keep no
   * stop words for).
   */
  vector(headline: string | undefined, paragraphs: readonly string[], language?: string, detect = true): Vector {
    const { tokens } = tokenize(headline, paragraphs);
    const infos = tokens.map((t) => (t.kind === WORD ? this.info(t.lower) : NO_INFO));
    const lang = language ?? (detect ? detectLanguage(tokens, infos, this.language) : undefined);
    this.features.extract(tokens, infos, languageMask(lang));
    const { n } = this.features;
    return { ids: this.features.ids.slice(0, n), values: this.features.values.slice(0, n) };
  }
}

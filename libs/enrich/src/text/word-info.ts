import type { NamePhrase, SubjectModel } from '../subjects/subject-model';
import { termHashOf } from '../subjects/topic-features';
import { type Token, WORD } from './tokenizer';

/** What the per-word steps need to know of one lower-case word, looked up once per distinct word and cached. */
export interface WordInfo {
  /** stop word in these languages (bit per LANGUAGES entry) */
  stop: number;
  /**
   * the word's evidence for each language of the language model, computed when the detector first reads it (the
   * field exists from the start, undefined, so every WordInfo has one shape and the per-token reads stay monomorphic)
   */
  langScores: Float32Array | undefined;
  /** bit l: language l's frequency list holds the word (set with langScores) */
  langListed: number;
  /** the entity recogniser's summed weights of the word's own features, per tag (set by NerTagger when first read) */
  nerWeights: Int32Array | undefined;
  /** the word's hashed feature term for the subject classifier (topic-features.ts), -1 for none */
  term: number;
  /** Media Topic names that start with this word */
  phrases: NamePhrase[] | undefined;
  /** what the entity rules ask of the word (WordFlag bits of entities/word-flags.ts) */
  entity: number;
  /** what the key-phrase rules ask of the word (KeywordClass bits of keywords/keywords.ts) */
  keyword: number;
}

const CACHE_LIMIT = 200_000;

/** A word's entry, with the fields later steps fill in present from the start (one shape: see `langScores`). */
export function wordInfo(known: Pick<WordInfo, 'stop' | 'term' | 'phrases' | 'entity' | 'keyword'>): WordInfo {
  const { stop, term, phrases, entity, keyword } = known;
  return { stop, term, phrases, entity, keyword, langScores: undefined, langListed: 0, nerWeights: undefined };
}

/**
 * One Map lookup per token serves language detection, keywords, subjects and the entity rules, instead of one per
 * step and question. The cache is bounded so a long-running service stays small.
 */
export class WordInfos {
  private readonly cache = new Map<string, WordInfo>();

  constructor(
    private readonly stopwords: ReadonlyMap<string, number>,
    private readonly model: SubjectModel,
    /** the entity flags of a word (entityWordFlags) */
    private readonly entityFlags: (lower: string) => number,
    /** the key-phrase classes of a word (keywordClass) */
    private readonly keywordClass: (lower: string) => number,
  ) {}

  of(lower: string): WordInfo {
    let info = this.cache.get(lower);
    if (!info) {
      info = wordInfo({
        stop: this.stopwords.get(lower) ?? 0,
        term: termHashOf(lower),
        phrases: this.model.phrasesOf(lower),
        entity: this.entityFlags(lower),
        keyword: this.keywordClass(lower),
      });
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(lower, info);
    }
    return info;
  }

  /** infos[i] for every word token i (other tokens get NO_INFO). */
  annotate(tokens: readonly Token[], infos: WordInfo[]): WordInfo[] {
    infos.length = tokens.length;
    for (let i = 0; i < tokens.length; i++) infos[i] = tokens[i].kind === WORD ? this.of(tokens[i].lower) : NO_INFO;
    return infos;
  }
}

export const NO_INFO: Readonly<WordInfo> = wordInfo({ stop: 0, term: -1, phrases: undefined, entity: 0, keyword: 0 });

import type { SubjectModel, TermInfo } from '../subjects/subject-model';
import { type Token, WORD } from './tokenizer';

/** What the per-word steps need to know of one lower-case word, looked up once per distinct word and cached. */
export interface WordInfo {
  /** stop word in these languages (bit per LANGUAGES entry) */
  stop: number;
  /** function word counted for language detection in these languages */
  lang: number;
  /** the subject models' knowledge of the word */
  subject: TermInfo | null;
  /** what the entity rules ask of the word (WordFlag bits of entities/word-flags.ts) */
  entity: number;
}

const CACHE_LIMIT = 200_000;

/**
 * One Map lookup per token serves language detection, keywords, subjects and the entity rules, instead of one per
 * step and question. The cache is bounded so a long-running service stays small.
 */
export class WordInfos {
  private readonly cache = new Map<string, WordInfo>();

  constructor(
    private readonly stopwords: ReadonlyMap<string, number>,
    private readonly languageWords: ReadonlyMap<string, number>,
    private readonly model: SubjectModel,
    /** the entity flags of a word (entityWordFlags) */
    private readonly entityFlags: (lower: string) => number,
  ) {}

  of(lower: string): WordInfo {
    let info = this.cache.get(lower);
    if (!info) {
      info = {
        stop: this.stopwords.get(lower) ?? 0,
        lang: this.languageWords.get(lower) ?? 0,
        subject: this.model.termInfo(lower, this.stopwords),
        entity: this.entityFlags(lower),
      };
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

export const NO_INFO: WordInfo = { stop: 0, lang: 0, subject: null, entity: 0 };

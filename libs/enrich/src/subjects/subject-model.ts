import type { Token } from '../text/tokenizer';
import { LinearModel, type LinearModelFile } from './linear-model';

/** The stored subject model (bench/enrich/scripts/train-subjects.ts writes it). */
export interface SubjectModelFile {
  version: 2;
  /** how the feature vectors were normalised (TopicFeatures) */
  normPower: number;
  /** the 17 top-level Media Topics */
  top: LinearModelFile;
  /** per top-level topic id, a model over its level-2 topics */
  branches: Record<string, LinearModelFile>;
  /** names of level-3 and deeper topics in every locale, as lower-case token sequences joined by a space → ids */
  names: Record<string, string[]>;
}

export interface NamePhrase {
  rest: string[];
  topics: string[];
}

export class SubjectModel {
  readonly top: LinearModel;
  readonly normPower: number;
  /** level-2 models in the order of the top model's classes */
  readonly branchByTopIndex: (LinearModel | undefined)[];
  private readonly phrases = new Map<string, NamePhrase[]>();

  constructor(file: SubjectModelFile) {
    this.top = new LinearModel(file.top, true);
    this.normPower = file.normPower;
    this.branchByTopIndex = this.top.classes.map((id) =>
      file.branches[id] ? new LinearModel(file.branches[id]) : undefined,
    );
    for (const [phrase, topics] of Object.entries(file.names)) {
      const [first, ...rest] = phrase.split(' ');
      const list = this.phrases.get(first) ?? [];
      list.push({ rest, topics });
      this.phrases.set(first, list);
    }
  }

  /** Topic names that start with this lower-case word. */
  phrasesOf(lower: string): NamePhrase[] | undefined {
    return this.phrases.get(lower);
  }

  /**
   * Counts the topic names among `phrases` (all starting with tokens[i]) that the text continues at i; a one-word
   * name counts 1 / `singleWordHits` (weaker evidence than a name of several words).
   */
  static phraseHits(
    phrases: readonly NamePhrase[],
    tokens: readonly Token[],
    i: number,
    out: Map<string, number>,
    singleWordHits = 1,
  ): void {
    for (const phrase of phrases) {
      let ok = i + phrase.rest.length < tokens.length;
      for (let k = 0; ok && k < phrase.rest.length; k++) ok = tokens[i + 1 + k].lower === phrase.rest[k];
      if (!ok) continue;
      const hit = phrase.rest.length === 0 ? 1 / singleWordHits : 1;
      for (const t of phrase.topics) out.set(t, (out.get(t) ?? 0) + hit);
    }
  }
}

import type { Token } from '../text/tokenizer';
import { featureTerm } from './features';

/** A multinomial naive Bayes model stored sparsely (see bench/enrich/scripts/train-subjects.ts). */
export interface NaiveBayesFile {
  classes: string[];
  /** per class: log(α / (N_c + α·|V|)), the log-probability of a term the class never saw */
  base: number[];
  /** term → flat [classIndex, log((n_tc + α) / α), …] for the classes that saw the term */
  terms: Record<string, number[]>;
}

export interface SubjectModelFile {
  version: number;
  trainedAt: string;
  alpha: number;
  /** the 17 top-level topics, trained on the whole vocabulary below each and the labelled set */
  top: NaiveBayesFile;
  /**
   * per top-level topic, a model over every live topic below it, trained on its own names and definitions, a share of
   * its narrower topics' text and the labelled set (split by top level so only the chosen branch is scored)
   */
  fine: Record<string, NaiveBayesFile>;
  /** topic names in every locale, as lower-case token sequences joined by a space → topic ids */
  names: Record<string, string[]>;
}

export class NaiveBayes {
  readonly classes: string[];
  private readonly base: Float64Array;
  private readonly postings = new Map<string, Float32Array>();

  constructor(file: NaiveBayesFile) {
    this.classes = file.classes;
    this.base = Float64Array.from(file.base);
    for (const [term, flat] of Object.entries(file.terms)) this.postings.set(term, Float32Array.from(flat));
  }

  postingsOf(term: string): Float32Array | undefined {
    return this.postings.get(term);
  }

  /**
   * Log-likelihood per class from the article's known terms (their postings and weights), up to a constant shared by
   * all classes; `used` = the weight of the terms this model knew. The scores are written to `out` when given (a
   * caller's reused array of classes.length: a typed array this size is allocated outside the heap, per call).
   */
  scorePostings(
    postings: readonly (Float32Array | undefined)[],
    weights: readonly number[],
    n: number,
    out?: Float64Array,
  ): { scores: Float64Array; used: number } {
    const scores = out ? out.fill(0) : new Float64Array(this.classes.length);
    let used = 0;
    for (let i = 0; i < n; i++) {
      const p = postings[i];
      if (!p) continue;
      const tf = weights[i];
      used += tf;
      for (let k = 0; k < p.length; k += 2) scores[p[k]] += tf * p[k + 1];
    }
    for (let c = 0; c < scores.length; c++) scores[c] += used * this.base[c];
    return { scores, used };
  }

  /** Log-likelihood per class, up to a constant shared by all classes; `used` = feature mass the model knew. */
  score(features: ReadonlyMap<string, number>): { scores: Float64Array; used: number } {
    const scores = new Float64Array(this.classes.length);
    let used = 0;
    features.forEach((tf, term) => {
      const p = this.postings.get(term);
      if (!p) return;
      used += tf;
      for (let k = 0; k < p.length; k += 2) scores[p[k]] += tf * p[k + 1];
    });
    for (let c = 0; c < scores.length; c++) scores[c] += used * this.base[c];
    return { scores, used };
  }
}

export interface NamePhrase {
  rest: string[];
  topics: string[];
}

/** What the models know of one lower-case word, looked up once per distinct word. */
export interface TermInfo {
  top: Float32Array | undefined;
  /** postings in each branch model, by the top-level topic's index in the top model */
  fine: (Float32Array | undefined)[];
  /** topic names that start with this word */
  phrases: NamePhrase[] | undefined;
}

const TERM_CACHE_LIMIT = 200_000;

export class SubjectModel {
  readonly top: NaiveBayes;
  readonly fine = new Map<string, NaiveBayes>();
  /** branch models in the order of the top model's classes */
  readonly fineByTopIndex: (NaiveBayes | undefined)[];
  private readonly phrases = new Map<string, NamePhrase[]>();
  private readonly terms = new Map<string, TermInfo | null>();

  constructor(file: SubjectModelFile) {
    this.top = new NaiveBayes(file.top);
    for (const [top, model] of Object.entries(file.fine)) this.fine.set(top, new NaiveBayes(model));
    this.fineByTopIndex = this.top.classes.map((id) => this.fine.get(id));
    for (const [phrase, topics] of Object.entries(file.names)) {
      const [first, ...rest] = phrase.split(' ');
      const list = this.phrases.get(first) ?? [];
      list.push({ rest, topics });
      this.phrases.set(first, list);
    }
  }

  /** The models' knowledge of a word (null: nothing), cached per word; bounded so a long-running service stays small. */
  termInfo(lower: string, stopwords: ReadonlyMap<string, number>): TermInfo | null {
    let info = this.terms.get(lower);
    if (info !== undefined) return info;
    const phrases = this.phrases.get(lower);
    const term = lower.length < 3 || stopwords.has(lower) ? undefined : featureTerm(lower);
    const top = term ? this.top.postingsOf(term) : undefined;
    const fine = this.fineByTopIndex.map((m) => (term && m ? m.postingsOf(term) : undefined));
    info = top || phrases || fine.some(Boolean) ? { top, fine, phrases } : null;
    if (this.terms.size >= TERM_CACHE_LIMIT) this.terms.clear();
    this.terms.set(lower, info);
    return info;
  }

  /** Counts the topic names among `phrases` (all starting with tokens[i]) that the text continues at i. */
  static phraseHits(
    phrases: readonly NamePhrase[],
    tokens: readonly Token[],
    i: number,
    out: Map<string, number>,
  ): void {
    for (const phrase of phrases) {
      let ok = i + phrase.rest.length < tokens.length;
      for (let k = 0; ok && k < phrase.rest.length; k++) ok = tokens[i + 1 + k].lower === phrase.rest[k];
      if (!ok) continue;
      for (const t of phrase.topics) out.set(t, (out.get(t) ?? 0) + 1);
    }
  }
}

import { type Token, WORD } from '../text/tokenizer';

/** A multinomial naive Bayes model stored sparsely (see libs/enrich/scripts/train-subjects.ts). */
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

interface NamePhrase {
  rest: string[];
  topics: string[];
}

export class SubjectModel {
  readonly top: NaiveBayes;
  readonly fine = new Map<string, NaiveBayes>();
  private readonly phrases = new Map<string, NamePhrase[]>();

  constructor(file: SubjectModelFile) {
    this.top = new NaiveBayes(file.top);
    for (const [top, model] of Object.entries(file.fine)) this.fine.set(top, new NaiveBayes(model));
    for (const [phrase, topics] of Object.entries(file.names)) {
      const [first, ...rest] = phrase.split(' ');
      const list = this.phrases.get(first) ?? [];
      list.push({ rest, topics });
      this.phrases.set(first, list);
    }
  }

  /** How often each topic's name (in any locale) occurs in the text. */
  nameHits(tokens: readonly Token[], out: Map<string, number>): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.lower.length < 3 || t.kind !== WORD) continue;
      const list = this.phrases.get(t.lower);
      if (!list) continue;
      for (const phrase of list) {
        let ok = i + phrase.rest.length < tokens.length;
        for (let k = 0; ok && k < phrase.rest.length; k++) ok = tokens[i + 1 + k].lower === phrase.rest[k];
        if (!ok) continue;
        for (const t of phrase.topics) out.set(t, (out.get(t) ?? 0) + 1);
      }
    }
  }
}

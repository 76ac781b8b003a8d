import type { SubjectTag } from '../enrichment';
import { type Token, WORD } from '../text/tokenizer';

import type { MediaTopics } from './media-topics';
import { SubjectModel, type TermInfo } from './subject-model';
import type { WordInfo } from '../text/word-info';

/** Below this much known text the classifier says nothing. */
const MIN_FEATURES = 4;
/** Log-likelihoods are divided by the square root of the text length before the softmax: long texts are not surer. */
const temperature = (used: number): number => Math.max(1, Math.sqrt(used));
/** A topic whose name occurs in the text gains this much (in tempered log units) per occurrence, up to three. */
const NAME_BONUS = 1.2;
/** How far below the best fine topic another one may be and still be assigned. */
const FINE_MARGIN = 1.0;
const MAX_FINE = 3;
/** Second top-level topic kept when its probability is at least this. */
const SECOND_TOP = 0.3;

/** softmax of `values` (tempered) written to `out` */
function softmax(values: Float64Array, temp: number, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    out[i] = Math.exp((values[i] - max) / temp);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** The MAX_FINE best narrower topics, best first, without sorting the whole branch. */
function bestFine(
  classes: readonly string[],
  scores: Float64Array,
  bestLl: number,
  temp: number,
  hits: ReadonlyMap<string, number>,
): { id: string; value: number }[] {
  const best: { id: string; value: number }[] = [];
  // most articles name no topic: no lookup per class then
  const anyHits = hits.size > 0;
  for (let c = 0; c < classes.length; c++) {
    const id = classes[c];
    const value = (scores[c] - bestLl) / temp + NAME_BONUS * Math.min(3, anyHits ? (hits.get(id) ?? 0) : 0);
    if (best.length === MAX_FINE && value <= best[MAX_FINE - 1].value) continue;
    let k = best.length;
    while (k > 0 && best[k - 1].value < value) k--;
    best.splice(k, 0, { id, value });
    if (best.length > MAX_FINE) best.pop();
  }
  return best;
}

export interface SourceSubject {
  code: string;
  name?: string;
}

/**
 * IPTC Media Topics for one article. Source-given codes are kept (creator "source") and mapped; the machine adds the
 * most likely top-level topic (naive Bayes over the whole vocabulary in 15 locales plus the labelled training set),
 * up to three narrower topics under it (naive Bayes plus the topic names found in the text) and every broader topic
 * up to the top. The first subject is the first source topic, else the most specific machine topic.
 */
export class SubjectClassifier {
  private readonly ancestors = new Map<string, string[]>();
  /** reused per article (one classifier serves one thread) */
  private readonly hits = new Map<string, number>();
  private readonly infos: TermInfo[] = [];
  private readonly weights: number[] = [];
  private readonly postings: (Float32Array | undefined)[] = [];
  /** reused per article: scores of the top model, its probabilities, and scores of each branch model */
  private readonly topScores: Float64Array;
  private readonly topProbabilities: Float64Array;
  private readonly fineScores: (Float64Array | undefined)[];

  constructor(
    private readonly model: SubjectModel,
    private readonly topics: MediaTopics,
  ) {
    for (const t of topics.all()) this.ancestors.set(t.id, topics.ancestors(t.id));
    this.topScores = new Float64Array(model.top.classes.length);
    this.topProbabilities = new Float64Array(model.top.classes.length);
    this.fineScores = model.fineByTopIndex.map((m) => (m ? new Float64Array(m.classes.length) : undefined));
  }

  classify(
    tokens: readonly Token[],
    words: readonly WordInfo[],
    sourceSubjects: readonly SourceSubject[],
  ): SubjectTag[] {
    const { model, topics } = this;
    const out: SubjectTag[] = [];
    const seen = new Set<string>();
    const push = (id: string, tag: Omit<SubjectTag, 'uri' | 'name'>): void => {
      if (seen.has(id)) return;
      const topic = topics.get(id);
      if (!topic) return;
      seen.add(id);
      out.push({ uri: topics.uri(id), name: topic.name, ...tag });
    };

    for (const s of sourceSubjects) {
      const id = topics.resolve(s.code);
      if (!id) continue;
      push(id, { creator: 'source', relevance: 100, confidence: 100 });
      for (const b of this.ancestors.get(id) ?? [])
        push(b, { creator: 'source', relevance: 100, confidence: 100, broader: true });
    }

    // one lookup per word: its postings in every model and the topic names it starts
    const infos = this.infos;
    const weights = this.weights;
    const hits = this.hits;
    if (hits.size) hits.clear(); // clear() allocates a new table even when empty
    let n = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== WORD) continue;
      const info = words[i].subject;
      if (!info) continue;
      if (info.phrases) SubjectModel.phraseHits(info.phrases, tokens, i, hits);
      infos[n] = info;
      // the headline counts twice
      weights[n] = t.seg < 0 ? 2 : 1;
      n++;
    }
    const topPostings = this.postings;
    for (let i = 0; i < n; i++) topPostings[i] = infos[i].top;
    const { scores: topScores, used } = model.top.scorePostings(topPostings, weights, n, this.topScores);
    if (used < MIN_FEATURES) return out;
    const temp = temperature(used);
    const topProb = softmax(topScores, temp, this.topProbabilities);
    let first = 0;
    for (let c = 1; c < topProb.length; c++) if (topProb[c] > topProb[first]) first = c;
    let second = first === 0 ? 1 : 0;
    for (let c = 0; c < topProb.length; c++) if (c !== first && topProb[c] > topProb[second]) second = c;
    const chosenTops = topProb[second] >= SECOND_TOP ? [first, second] : [first];

    for (const topIndex of chosenTops) {
      const top = model.top.classes[topIndex];
      const pTop = topProb[topIndex];
      const fineModel = model.fineByTopIndex[topIndex];
      if (fineModel) {
        // narrower topics: tempered log-likelihood relative to the best one, plus name evidence
        for (let i = 0; i < n; i++) topPostings[i] = infos[i].fine[topIndex];
        const { scores } = fineModel.scorePostings(topPostings, weights, n, this.fineScores[topIndex]);
        let bestLl = -Infinity;
        for (const v of scores) if (v > bestLl) bestLl = v;
        const candidates = bestFine(fineModel.classes, scores, bestLl, temp, hits);
        const fine = candidates.filter((c) => c.value >= candidates[0].value - FINE_MARGIN);
        for (const f of fine) {
          const share = Math.exp(f.value - candidates[0].value);
          const confidence = Math.round(100 * pTop * (0.5 + 0.5 * share) * (hits.get(f.id) ? 1 : 0.8));
          push(f.id, { creator: 'machine', relevance: Math.round(100 * pTop * share), confidence });
          for (const b of this.ancestors.get(f.id) ?? []) {
            push(b, {
              creator: 'machine',
              relevance: Math.round(100 * pTop),
              confidence: Math.round(100 * pTop),
              broader: true,
            });
          }
        }
      }
      push(top, { creator: 'machine', relevance: Math.round(100 * pTop), confidence: Math.round(100 * pTop) });
    }
    return out;
  }
}

import type { SubjectTag } from '../enrichment';
import type { Token } from '../text/tokenizer';
import type { WordInfo } from '../text/word-info';
import type { LinearModel } from './linear-model';
import type { MediaTopics } from './media-topics';
import { SubjectModel } from './subject-model';
import { TopicFeatures } from './topic-features';

/** Below this many distinct features the text is too short to say anything. */
const MIN_FEATURES = 3;
/** A topic name of one word must occur this often to count as evidence for a level-3+ topic; longer names once. */
const SINGLE_WORD_NAME_HITS = 2;
/** Narrower topics found by name under the chosen level-2 topic. */
const MAX_DEEPER = 2;
/** Name evidence is not calibrated: a deeper topic gets this share of its level-2 topic's confidence… */
const DEEPER_SHARE = 0.8;
/** …or, outside the chosen level-2 topic (or without one), this share of the top-level topic's. */
const NAME_ONLY_SHARE = 0.5;

export interface SourceSubject {
  code: string;
  name?: string;
}

/**
 * IPTC Media Topics for one article.
 *
 * Source-given codes are kept (creator "source") and mapped. The machine then adds, in two calibrated stages of
 * logistic regression (see subject-model.ts and docs/subjects.md): the top-level topic, and the level-2 topic under
 * it from that branch's model, each only when its probability reaches the threshold fitted on dev (else nothing: no
 * subject at all rather than a guess); below a chosen level-2 topic, up to two narrower topics whose names the text
 * contains. A machine topic never contradicts a source code: when the source names topics, the machine chooses only
 * among their top-level (and level-2) branches. Output: the most specific topic first, then its broader chain up to
 * the top level (`broader: true`); confidence is the calibrated probability in percent.
 */
export class SubjectClassifier {
  private readonly ancestors = new Map<string, string[]>();
  private readonly topIndex = new Map<string, number>();
  /** reused per article (one classifier serves one thread) */
  private readonly features: TopicFeatures;
  private readonly topProbabilities: Float64Array;
  private readonly branchProbabilities: (Float64Array | undefined)[];
  private readonly hits = new Map<string, number>();

  private readonly topThreshold: number;

  constructor(
    private readonly model: SubjectModel,
    private readonly topics: MediaTopics,
    /** overrides the top-level abstention threshold fitted on dev (0: always answer; for evaluation) */
    topThreshold?: number,
  ) {
    this.topThreshold = topThreshold ?? model.top.threshold;
    this.features = new TopicFeatures(model.normPower);
    for (const t of topics.all()) this.ancestors.set(t.id, topics.ancestors(t.id));
    model.top.classes.forEach((id, i) => this.topIndex.set(id, i));
    this.topProbabilities = new Float64Array(model.top.classes.length);
    this.branchProbabilities = model.branchByTopIndex.map((m) => (m ? new Float64Array(m.classes.length) : undefined));
  }

  classify(
    tokens: readonly Token[],
    words: readonly WordInfo[],
    sourceSubjects: readonly SourceSubject[],
    langMask: number,
  ): SubjectTag[] {
    const out: SubjectTag[] = [];
    const seen = new Set<string>();
    const push = (id: string, tag: Omit<SubjectTag, 'uri' | 'name'>): void => {
      if (seen.has(id)) return;
      const topic = this.topics.get(id);
      if (!topic) return;
      seen.add(id);
      out.push({ uri: this.topics.uri(id), name: topic.name, ...tag });
    };

    // the source's codes, and the branches they leave the machine
    let sourceTops: Set<string> | undefined;
    let sourceLevel2: Set<string> | undefined;
    for (const s of sourceSubjects) {
      const id = this.topics.resolve(s.code);
      if (!id) continue;
      push(id, { creator: 'source', relevance: 100, confidence: 100 });
      const chain = this.ancestors.get(id) ?? [];
      for (const b of chain) push(b, { creator: 'source', relevance: 100, confidence: 100, broader: true });
      (sourceTops ??= new Set()).add(chain.length ? chain[chain.length - 1] : id);
      if (chain.length >= 1) (sourceLevel2 ??= new Set()).add(chain.length === 1 ? id : chain[chain.length - 2]);
    }

    const f = this.features.extract(tokens, words, langMask);
    if (f.n < MIN_FEATURES) return out;
    const { model } = this;
    const topP = model.top.probabilities(f.ids, f.values, f.n, this.topProbabilities);
    const top = choose(model.top.classes, topP, sourceTops);
    if (top.index < 0 || top.p < this.topThreshold) return out;
    const topId = model.top.classes[top.index];

    let level2: string | undefined;
    let p2 = 0;
    const branch: LinearModel | undefined = model.branchByTopIndex[top.index];
    if (branch) {
      const q = branch.probabilities(f.ids, f.values, f.n, this.branchProbabilities[top.index]!);
      const allowed = sourceLevel2 && branch.classes.some((id) => sourceLevel2.has(id)) ? sourceLevel2 : undefined;
      const best = choose(branch.classes, q, allowed);
      if (best.index >= 0 && best.p >= branch.threshold) {
        level2 = branch.classes[best.index];
        p2 = top.p * best.p;
      }
    }

    // narrower topics the text names, each followed by its broader chain; then the level-2 and top-level topics
    const level2Confidence = Math.round(100 * p2);
    const topConfidence = Math.round(100 * top.p);
    const machine: string[] = [];
    const pushMachine = (id: string, confidence: number): void => {
      const broader = machine.some((m) => this.ancestors.get(m)?.includes(id));
      push(id, { creator: 'machine', relevance: confidence, confidence, ...(broader ? { broader: true } : {}) });
      machine.push(id);
    };
    for (const id of this.namedTopics(tokens, words, topId, level2)) {
      const chain = this.ancestors.get(id) ?? [];
      const c = Math.round(
        level2 && chain.includes(level2) ? DEEPER_SHARE * level2Confidence : NAME_ONLY_SHARE * topConfidence,
      );
      pushMachine(id, c);
      for (const b of chain) {
        if (b === level2 || b === topId) break;
        pushMachine(b, c);
      }
    }
    if (level2) pushMachine(level2, level2Confidence);
    pushMachine(topId, topConfidence);
    return out;
  }

  /**
   * Level-3+ topics under the chosen top-level topic whose names the text contains (a one-word name at least twice):
   * those under the chosen level-2 topic first, then by hits. Names outside the chosen branch are never evidence.
   */
  private namedTopics(
    tokens: readonly Token[],
    words: readonly WordInfo[],
    topId: string,
    level2: string | undefined,
  ): string[] {
    const hits = this.hits;
    if (hits.size) hits.clear(); // clear() allocates a new table even when empty
    for (let i = 0; i < tokens.length; i++) {
      const phrases = words[i]?.phrases;
      if (phrases) SubjectModel.phraseHits(phrases, tokens, i, hits, SINGLE_WORD_NAME_HITS);
    }
    if (hits.size === 0) return [];
    const found: { id: string; n: number; inLevel2: boolean }[] = [];
    for (const [id, n] of hits) {
      const chain = this.ancestors.get(id);
      if (n >= 1 - 1e-9 && chain?.includes(topId)) found.push({ id, n, inLevel2: !!level2 && chain.includes(level2) });
    }
    found.sort((a, b) => Number(b.inLevel2) - Number(a.inLevel2) || b.n - a.n || (a.id < b.id ? -1 : 1));
    return found.slice(0, MAX_DEEPER).map((x) => x.id);
  }
}

/** The most probable class among `allowed` ids (all when undefined), its probability renormalised over them. */
function choose(
  classes: readonly string[],
  p: Float64Array,
  allowed?: ReadonlySet<string>,
): { index: number; p: number } {
  let best = -1;
  let mass = 0;
  for (let c = 0; c < classes.length; c++) {
    if (allowed && !allowed.has(classes[c])) continue;
    mass += p[c];
    if (best < 0 || p[c] > p[best]) best = c;
  }
  return best < 0 || mass <= 0 ? { index: -1, p: 0 } : { index: best, p: p[best] / mass };
}

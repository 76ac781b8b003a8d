/**
 * Trains the entity recogniser (people, organisations, places) and writes libs/enrich/data/ner-model.bin.gz:
 *   npm run enrich:train-ner [-- --epochs 10] [-- --buckets 19] [-- --seed 7] [-- --out file]
 *
 * An averaged structured perceptron over the hashed features of libs/enrich/src/ner/features.ts, with Viterbi over BIO
 * tags, trained on the TRAIN splits of ../shared/datasets (bench/enrich/ner-datasets.ts says which and how they are
 * split), each corpus sampled per epoch by its weight. The dev splits are scored after every epoch (tuning happens on
 * those figures only); test splits are never read here. Deterministic: a seeded generator orders and samples the
 * sentences, so the same command on the same data writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityWordFlags } from '../../../libs/enrich/src/entities/word-flags';
import { emissions, transitionTable, viterbi } from '../../../libs/enrich/src/ner/decode';
import { FeatureExtractor, isAllCapsSegment, languageBucket } from '../../../libs/enrich/src/ner/features';
import { NER_MODEL_FILE, serializeModel } from '../../../libs/enrich/src/ner/ner-model';
import { spansOf, TAG_COUNT, TAGS } from '../../../libs/enrich/src/ner/tags';
import { loadResources, type Resources } from '../../../libs/enrich/src/resources';
import { type NerCorpus, type Split, datasetsDir, loadCorpora } from '../ner-datasets';
import { goldTags, prepareDoc, tokenizeDoc } from '../ner-prepare';
import { dataDir } from './paths';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** mulberry32: a small seeded generator (same seed, same sequence). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sequence {
  corpus: number;
  feats: Int32Array;
  offsets: Int32Array;
  gold: Uint8Array;
}

/** Every segment of every document of the corpora, as features and gold tags. */
function sequences(corpora: NerCorpus[], res: Resources, fx: FeatureExtractor): Sequence[] {
  const cache = new Map<string, number>();
  const out: Sequence[] = [];
  corpora.forEach((corpus, ci) => {
    for (const doc of corpus.docs) {
      const prepared = prepareDoc(doc);
      const tokenized = tokenizeDoc(prepared);
      const gold = goldTags(prepared, tokenized);
      const flags = new Int32Array(tokenized.tokens.length);
      tokenized.tokens.forEach((t, i) => {
        let f = cache.get(t.lower);
        if (f === undefined) {
          f = entityWordFlags(res, t.lower);
          cache.set(t.lower, f);
        }
        flags[i] = f;
      });
      for (const seg of tokenized.segments) {
        if (seg.to <= seg.from) continue;
        const n = fx.extract({
          tokens: tokenized.tokens,
          from: seg.from,
          to: seg.to,
          flags,
          allCaps: isAllCapsSegment(tokenized.tokens, seg.from, seg.to),
          lang: languageBucket(corpus.language),
          lowercased: corpus.lowercased,
        });
        out.push({
          corpus: ci,
          feats: fx.feats.slice(0, fx.offsets[n]),
          offsets: fx.offsets.slice(0, n + 1),
          gold: gold.slice(seg.from, seg.to),
        });
      }
    }
  });
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const f1 = (c: Counts): number => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0);

class Perceptron {
  readonly w: Float32Array;
  /** sum of c × update, for the average (Daumé's trick) */
  private readonly u: Float64Array;
  readonly tw = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  private readonly tu = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  private c = 1;
  private emit = new Float32Array(1024 * TAG_COUNT);
  private score = new Float32Array(1024 * TAG_COUNT);
  private back = new Uint8Array(1024 * TAG_COUNT);
  private predicted = new Uint8Array(1024);

  constructor(readonly buckets: number) {
    this.w = new Float32Array(buckets * TAG_COUNT);
    this.u = new Float64Array(buckets * TAG_COUNT);
  }

  decode(s: Sequence, weights: ArrayLike<number>, transitions: Float32Array): Uint8Array {
    const n = s.gold.length;
    if (n * TAG_COUNT > this.emit.length) {
      this.emit = new Float32Array(n * TAG_COUNT * 2);
      this.score = new Float32Array(n * TAG_COUNT * 2);
      this.back = new Uint8Array(n * TAG_COUNT * 2);
      this.predicted = new Uint8Array(n * 2);
    }
    emissions(weights, s.feats, s.offsets, n, TAG_COUNT, this.emit);
    viterbi(this.emit, transitions, n, TAG_COUNT, this.score, this.back, this.predicted);
    return this.predicted;
  }

  train(s: Sequence): void {
    const pred = this.decode(s, this.w, transitionTable(TAG_COUNT, this.tw));
    const n = s.gold.length;
    const c = this.c;
    for (let k = 0; k < n; k++) {
      const g = s.gold[k];
      const p = pred[k];
      const gPrev = k > 0 ? s.gold[k - 1] : TAG_COUNT;
      const pPrev = k > 0 ? pred[k - 1] : TAG_COUNT;
      if (g !== p) {
        for (let f = s.offsets[k]; f < s.offsets[k + 1]; f++) {
          const row = s.feats[f];
          this.w[row + g] += 1;
          this.u[row + g] += c;
          this.w[row + p] -= 1;
          this.u[row + p] -= c;
        }
      }
      if (g !== p || gPrev !== pPrev) {
        this.tw[gPrev * TAG_COUNT + g] += 1;
        this.tu[gPrev * TAG_COUNT + g] += c;
        this.tw[pPrev * TAG_COUNT + p] -= 1;
        this.tu[pPrev * TAG_COUNT + p] -= c;
      }
    }
    this.c++;
  }

  averaged(): { w: Float32Array; t: Float32Array } {
    const w = new Float32Array(this.w.length);
    for (let i = 0; i < w.length; i++) w[i] = this.w[i] - this.u[i] / this.c;
    const t = new Float32Array(this.tw.length);
    for (let i = 0; i < t.length; i++) t[i] = this.tw[i] - this.tu[i] / this.c;
    return { w, t };
  }
}

/** Span-level exact-match counts per corpus of the sequences. */
function score(seqs: Sequence[], corpora: NerCorpus[], decode: (s: Sequence) => Uint8Array): Counts[] {
  const counts = corpora.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (const s of seqs) {
    const pred = decode(s);
    const key = (x: { from: number; to: number; kind: string }): string => `${x.from}:${x.to}:${x.kind}`;
    const gold = new Set(spansOf(s.gold, s.gold.length).map(key));
    const got = new Set(spansOf(pred, s.gold.length).map(key));
    const c = counts[s.corpus];
    for (const g of got)
      if (gold.has(g)) c.tp++;
      else c.fp++;
    for (const g of gold) if (!got.has(g)) c.fn++;
  }
  return counts;
}

/**
 * int16 weights, one scale for the table (the largest weight is 32767); weights that round to 0 are pruned by it.
 * int8 lost 2 points of dev F1 (averaged weights are mostly small fractions), int16 loses none measurable.
 */
function quantise(w: Float32Array, t: Float32Array): { weights: Int16Array; transitions: Float32Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = (max || 1) / 32767;
  const weights = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) weights[i] = Math.round(w[i] / scale);
  const transitions = new Float32Array(t.length);
  for (let i = 0; i < t.length; i++) transitions[i] = Math.fround(t[i] / scale);
  return { weights, transitions, scale };
}

function main(): void {
  const root = datasetsDir();
  if (!root) throw new Error('../shared/datasets not found (set NER_DATASETS)');
  const epochs = arg('--epochs', 10);
  const buckets = 1 << arg('--buckets', 19);
  const seed = arg('--seed', 7);
  const res = loadResources();
  const fx = new FeatureExtractor(res.gazetteer, buckets, TAG_COUNT);
  const load = (split: Split): NerCorpus[] => loadCorpora(split, root).filter((c) => c.docs.length > 0);
  const train = load('train');
  const dev = load('dev');
  const trainSeqs = sequences(train, res, fx);
  const devSeqs = sequences(dev, res, fx);
  log(`train: ${train.map((c) => `${c.name} ${c.docs.length} docs ×${c.weight}`).join(', ')}`);
  log(`${trainSeqs.length} training sequences, ${devSeqs.length} dev sequences, ${buckets} buckets`);

  const model = new Perceptron(buckets);
  const random = rng(seed);
  const order = trainSeqs.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let seen = 0;
    for (const i of order) {
      const s = trainSeqs[i];
      if (random() >= train[s.corpus].weight) continue;
      model.train(s);
      seen++;
    }
    const avg = model.averaged();
    const transitions = transitionTable(TAG_COUNT, avg.t);
    const counts = score(devSeqs, dev, (s) => model.decode(s, avg.w, transitions));
    const total = counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
      tp: 0,
      fp: 0,
      fn: 0,
    });
    log(
      `epoch ${epoch}: ${seen} sequences; DEV span F1 ${f1(total).toFixed(3)} — ` +
        dev.map((c, i) => `${c.name} ${f1(counts[i]).toFixed(3)}`).join(', '),
    );
  }
  const avg = model.averaged();
  const q = quantise(avg.w, avg.t);
  const qTransitions = transitionTable(TAG_COUNT, q.transitions);
  const qCounts = score(devSeqs, dev, (s) => model.decode(s, q.weights, qTransitions));
  const qTotal = qCounts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  let nonZero = 0;
  for (let i = 0; i < q.weights.length; i++) if (q.weights[i] !== 0) nonZero++;
  log(
    `quantised (int16, scale ${q.scale.toPrecision(4)}): DEV span F1 ${f1(qTotal).toFixed(3)}; ${nonZero} non-zero weights`,
  );

  const file = serializeModel({
    header: {
      buckets,
      tags: [...TAGS],
      scale: q.scale,
      training: {
        method: 'averaged structured perceptron, Viterbi over BIO, hashed features, int16 weights',
        epochs,
        seed,
        corpora: train.map((c) => ({ name: c.name, language: c.language, docs: c.docs.length, weight: c.weight })),
      },
    },
    transitions: q.transitions,
    weights: q.weights,
  });
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : join(dataDir(), NER_MODEL_FILE);
  writeFileSync(out, file);
  log(`wrote ${out} (${(file.length / 2 ** 20).toFixed(2)} MB)`);
}

main();

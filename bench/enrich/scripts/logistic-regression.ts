/**
 * Multinomial logistic regression with L2, trained by AdaGrad SGD on sparse vectors, in plain TypeScript; temperature
 * scaling and an abstention threshold fitted on a dev split; quantised storage. Deterministic: a seeded shuffle, zero
 * start, no clock.
 */
import { encodeVarints, type LinearModelFile, softmax } from '../../../libs/enrich/src/subjects/linear-model';
import type { Vector } from './subject-featurize';

export interface Example extends Vector {
  label: number;
  weight: number;
  /** where the example came from (reports only) */
  dataset?: string;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 strength, applied to the weights an example touches (lazy) */
  l2: number;
  seed: number;
  /** learn a per-class intercept (false: class priors only through the weights) */
  bias: boolean;
}

export interface Trained {
  classes: string[];
  /** ascending buckets, one weight row each */
  buckets: number[];
  weights: Float32Array;
  bias: Float64Array;
}

/** mulberry32: a small seeded generator, so the same command gives the same weights */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: readonly Example[], classes: string[], opts: TrainOptions): Trained {
  const k = classes.length;
  const bucketSet = new Set<number>();
  for (const e of examples) for (const id of e.ids) bucketSet.add(id);
  const buckets = [...bucketSet].sort((a, b) => a - b);
  const rowOf = new Map<number, number>();
  buckets.forEach((b, r) => rowOf.set(b, r));
  const rows = examples.map((e) => Int32Array.from(e.ids, (id) => rowOf.get(id)!));

  const weights = new Float32Array(buckets.length * k);
  const g2 = new Float32Array(buckets.length * k);
  const bias = new Float64Array(k);
  const biasG2 = new Float64Array(k);
  const z = new Float64Array(k);
  const order = examples.map((_, i) => i);
  const rand = random(opts.seed);
  const eps = 1e-8;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const e = examples[idx];
      const r = rows[idx];
      z.set(bias);
      for (let f = 0; f < r.length; f++) {
        const base = r[f] * k;
        const v = e.values[f];
        for (let c = 0; c < k; c++) z[c] += v * weights[base + c];
      }
      softmax(z);
      for (let c = 0; c < k; c++) z[c] = e.weight * (z[c] - (c === e.label ? 1 : 0));
      for (let c = 0; c < k && opts.bias; c++) {
        const g = z[c];
        biasG2[c] += g * g;
        bias[c] -= (opts.learningRate * g) / Math.sqrt(biasG2[c] + eps);
      }
      for (let f = 0; f < r.length; f++) {
        const base = r[f] * k;
        const v = e.values[f];
        for (let c = 0; c < k; c++) {
          const w = weights[base + c];
          const g = z[c] * v + opts.l2 * w;
          g2[base + c] += g * g;
          weights[base + c] = w - (opts.learningRate * g) / Math.sqrt(g2[base + c] + eps);
        }
      }
    }
  }
  return { classes, buckets, weights, bias };
}

/** Logits of one vector under a trained (unquantised) model. */
export function logits(model: Trained, v: Vector, rowOf: Map<number, number>): Float64Array {
  const k = model.classes.length;
  const z = Float64Array.from(model.bias);
  for (let f = 0; f < v.ids.length; f++) {
    const r = rowOf.get(v.ids[f]);
    if (r === undefined) continue;
    for (let c = 0; c < k; c++) z[c] += v.values[f] * model.weights[r * k + c];
  }
  return z;
}

export function rowIndex(model: Trained): Map<number, number> {
  return new Map(model.buckets.map((b, r) => [b, r]));
}

/** The temperature that minimises the negative log-likelihood of the dev labels (grid search, geometric steps). */
export function fitTemperature(devLogits: readonly Float64Array[], labels: readonly number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.2; t <= 10; t *= 1.05) {
    let nll = 0;
    devLogits.forEach((z, i) => {
      const p = softmax(Float64Array.from(z), t);
      nll -= Math.log(Math.max(p[labels[i]], 1e-12));
    });
    if (nll < bestNll) {
      bestNll = nll;
      best = t;
    }
  }
  return Math.round(best * 1000) / 1000;
}

/**
 * The abstention threshold: the lowest calibrated probability at which answering is still worth it on dev, a right
 * answer counting +1 and a wrong one −1 (so with calibrated probabilities it lands near 0.5). Ties → the lower one.
 */
export function fitThreshold(devProbabilities: readonly { p: number; right: boolean }[]): number {
  let best = 0;
  let bestGain = -Infinity;
  for (let t = 0.1; t <= 0.95; t += 0.01) {
    let gain = 0;
    for (const d of devProbabilities) if (d.p >= t) gain += d.right ? 1 : -1;
    if (gain > bestGain + 1e-9) {
      bestGain = gain;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

/**
 * The stored form: rows whose largest weight is below `prune` dropped, the rest as signed bytes with one scale per
 * row (the error is at most half a step of that row's largest weight / 127).
 */
export function quantise(model: Trained, temperature: number, threshold: number, prune: number): LinearModelFile {
  const k = model.classes.length;
  const kept: number[] = [];
  const scales: number[] = [];
  const q: number[] = [];
  model.buckets.forEach((bucket, r) => {
    let max = 0;
    for (let c = 0; c < k; c++) max = Math.max(max, Math.abs(model.weights[r * k + c]));
    if (max < prune) return;
    const scale = Math.fround(max / 127);
    kept.push(bucket);
    scales.push(scale);
    for (let c = 0; c < k; c++) q.push(Math.round(model.weights[r * k + c] / scale));
  });
  return {
    classes: model.classes,
    bias: Array.from(model.bias, (b) => Math.round(b * 10000) / 10000),
    temperature,
    threshold,
    buckets: encodeVarints(kept).toString('base64'),
    scales: Buffer.from(Float32Array.from(scales).buffer).toString('base64'),
    weights: Buffer.from(Int8Array.from(q).buffer).toString('base64'),
  };
}

/**
 * A multinomial logistic regression as stored (see bench/enrich/scripts/train-subjects.ts): the hash buckets that
 * carry weight, and per bucket one weight per class, quantised to a signed byte with a per-bucket scale.
 */
export interface LinearModelFile {
  /** Media Topic ids, one per class */
  classes: string[];
  bias: number[];
  /** softmax temperature fitted on the dev split (probabilities that mean what they say) */
  temperature: number;
  /** below this calibrated probability of the best class, the model says nothing (chosen on dev) */
  threshold: number;
  /** base64: ascending bucket ids, delta-coded as unsigned LEB128 varints */
  buckets: string;
  /** base64: Float32 little-endian, one scale per bucket */
  scales: string;
  /** base64: Int8, classes.length per bucket */
  weights: string;
}

import { HASH_SIZE } from './topic-features';

export class LinearModel {
  readonly classes: string[];
  readonly temperature: number;
  readonly threshold: number;
  private readonly bias: Float64Array;
  /** the buckets that carry weight, ascending (found by binary search: one small table per model, not 2^20 slots) */
  private readonly buckets: Int32Array;
  /** bucket → index of its row (+1; 0 = none), for a model scored on every article: one 4 MB table, no search */
  private readonly rowOf: Int32Array | undefined;
  private readonly weights: Float32Array;

  /** `direct`: index every bucket (4 MB) instead of searching the sorted list; for the model every article uses */
  constructor(file: LinearModelFile, direct = false) {
    this.classes = file.classes;
    this.temperature = file.temperature;
    this.threshold = file.threshold;
    this.bias = Float64Array.from(file.bias);
    const k = this.classes.length;
    const buckets = decodeVarints(Buffer.from(file.buckets, 'base64'));
    this.buckets = Int32Array.from(buckets);
    if (direct) {
      this.rowOf = new Int32Array(HASH_SIZE);
      for (let r = 0; r < buckets.length; r++) this.rowOf[buckets[r]] = r + 1;
    }
    const scalesBytes = Buffer.from(file.scales, 'base64');
    const scales = new Float32Array(
      scalesBytes.buffer.slice(scalesBytes.byteOffset, scalesBytes.byteOffset + scalesBytes.length),
    );
    const q = new Int8Array(Buffer.from(file.weights, 'base64'));
    this.weights = new Float32Array(q.length);
    for (let r = 0; r < buckets.length; r++) {
      for (let c = 0; c < k; c++) this.weights[r * k + c] = q[r * k + c] * scales[r];
    }
  }

  /**
   * Raw class scores (logits) of a feature vector (ids ascending), written to `out` (length classes.length). Both
   * lists are sorted, so the search for the next id starts where the last one ended.
   */
  scores(ids: Int32Array, values: Float32Array, n: number, out: Float64Array): Float64Array {
    const k = this.classes.length;
    const buckets = this.buckets;
    out.set(this.bias);
    const rowOf = this.rowOf;
    if (rowOf) {
      for (let i = 0; i < n; i++) {
        const r = rowOf[ids[i]];
        if (r === 0) continue;
        const row = (r - 1) * k;
        const v = values[i];
        for (let c = 0; c < k; c++) out[c] += v * this.weights[row + c];
      }
      return out;
    }
    let lo = 0;
    for (let i = 0; i < n && lo < buckets.length; i++) {
      const id = ids[i];
      // the next id is usually near: gallop from lo to bracket it, then bisect (the same lower bound, fewer probes)
      let hi = lo;
      for (let step = 1; hi < buckets.length && buckets[hi] < id; step *= 2) {
        lo = hi + 1;
        hi += step;
      }
      if (hi > buckets.length) hi = buckets.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (buckets[mid] < id) lo = mid + 1;
        else hi = mid;
      }
      if (lo === buckets.length || buckets[lo] !== id) continue;
      const row = lo * k;
      const v = values[i];
      for (let c = 0; c < k; c++) out[c] += v * this.weights[row + c];
    }
    return out;
  }

  /** Calibrated class probabilities: softmax of the scores divided by the fitted temperature. */
  probabilities(ids: Int32Array, values: Float32Array, n: number, out: Float64Array): Float64Array {
    return softmax(this.scores(ids, values, n, out), this.temperature);
  }
}

/** In-place softmax of `x / temperature`. */
export function softmax(x: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > max) max = x[i];
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    x[i] = Math.exp((x[i] - max) / temperature);
    sum += x[i];
  }
  for (let i = 0; i < x.length; i++) x[i] /= sum;
  return x;
}

export function encodeVarints(sortedIds: readonly number[]): Buffer {
  const bytes: number[] = [];
  let prev = 0;
  for (const id of sortedIds) {
    let d = id - prev;
    prev = id;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    bytes.push(d);
  }
  return Buffer.from(bytes);
}

export function decodeVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < bytes.length;) {
    let d = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++];
      d |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    prev += d;
    out.push(prev);
  }
  return out;
}

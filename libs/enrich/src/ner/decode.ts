import { allowed } from './tags';

/** A transition score that rules a tag pair out (I-ORG after B-PER, I-X at the start). */
export const FORBIDDEN = -1e9;

/**
 * Transition scores: row `tagCount` is the start of a sequence, row p the previous tag; forbidden pairs fixed.
 * `learned` (same layout) is added to the allowed pairs.
 */
export function transitionTable(tagCount: number, learned?: ArrayLike<number>): Float32Array {
  const out = new Float32Array((tagCount + 1) * tagCount);
  for (let p = 0; p <= tagCount; p++) {
    for (let t = 0; t < tagCount; t++) {
      const ok = allowed(p === tagCount ? -1 : p, t);
      out[p * tagCount + t] = ok ? (learned ? learned[p * tagCount + t] : 0) : FORBIDDEN;
    }
  }
  return out;
}

/**
 * For each tag t, the tags that may precede it (transition not FORBIDDEN), ascending. Viterbi need try no others: a
 * FORBIDDEN step (-1e9) never beats an allowed one, and every tag has one whose score is finite (O and B-X follow
 * anything; I-X follows B-X, which follows anything).
 */
export function allowedPredecessors(transitions: Float32Array, tagCount: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let t = 0; t < tagCount; t++) {
    const ps: number[] = [];
    for (let p = 0; p < tagCount; p++) if (transitions[p * tagCount + t] !== FORBIDDEN) ps.push(p);
    out.push(Uint8Array.from(ps.length ? ps : Array.from({ length: tagCount }, (_, p) => p)));
  }
  return out;
}

/**
 * Emission scores: for each token k and tag t, the sum of the weights of k's features (rows of the table). Seven tags
 * (the BIO tags of three types) are summed in locals, one read of each row, instead of through the output array.
 */
export function emissions(
  weights: ArrayLike<number>,
  feats: Int32Array,
  offsets: Int32Array,
  n: number,
  tagCount: number,
  out: Float32Array,
  /** per token and tag, a sum to start from (the weights of features summed beforehand), else 0 */
  start?: Int32Array,
): void {
  if (tagCount !== 7) return emissionsAnyTags(weights, feats, offsets, n, tagCount, out, start);
  for (let k = 0; k < n; k++) {
    const b = k * 7;
    let s0 = start ? start[b] : 0;
    let s1 = start ? start[b + 1] : 0;
    let s2 = start ? start[b + 2] : 0;
    let s3 = start ? start[b + 3] : 0;
    let s4 = start ? start[b + 4] : 0;
    let s5 = start ? start[b + 5] : 0;
    let s6 = start ? start[b + 6] : 0;
    for (let f = offsets[k], end = offsets[k + 1]; f < end; f++) {
      const row = feats[f];
      s0 += weights[row];
      s1 += weights[row + 1];
      s2 += weights[row + 2];
      s3 += weights[row + 3];
      s4 += weights[row + 4];
      s5 += weights[row + 5];
      s6 += weights[row + 6];
    }
    out[b] = s0;
    out[b + 1] = s1;
    out[b + 2] = s2;
    out[b + 3] = s3;
    out[b + 4] = s4;
    out[b + 5] = s5;
    out[b + 6] = s6;
  }
}

function emissionsAnyTags(
  weights: ArrayLike<number>,
  feats: Int32Array,
  offsets: Int32Array,
  n: number,
  tagCount: number,
  out: Float32Array,
  start?: Int32Array,
): void {
  for (let k = 0; k < n; k++) {
    const base = k * tagCount;
    for (let t = 0; t < tagCount; t++) out[base + t] = start ? start[base + t] : 0;
    for (let f = offsets[k], end = offsets[k + 1]; f < end; f++) {
      const row = feats[f];
      for (let t = 0; t < tagCount; t++) out[base + t] += weights[row + t];
    }
  }
}

/**
 * Viterbi: the best tag sequence under emission + transition scores, written to `tags`. `score` and `back` are
 * scratch arrays of at least n * tagCount.
 */
export function viterbi(
  emit: Float32Array,
  transitions: Float32Array,
  n: number,
  tagCount: number,
  score: Float32Array,
  back: Uint8Array,
  tags: Uint8Array,
  /** allowedPredecessors(transitions): only these are tried (the same path, fewer steps); default every tag */
  predecessors?: readonly Uint8Array[],
): void {
  if (n === 0) return;
  const start = tagCount * tagCount;
  for (let t = 0; t < tagCount; t++) score[t] = emit[t] + transitions[start + t];
  for (let k = 1; k < n; k++) {
    const prev = (k - 1) * tagCount;
    const cur = k * tagCount;
    for (let t = 0; t < tagCount; t++) {
      let best = -Infinity;
      let arg = 0;
      if (predecessors) {
        const ps = predecessors[t];
        for (let j = 0; j < ps.length; j++) {
          const p = ps[j];
          const s = score[prev + p] + transitions[p * tagCount + t];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      } else {
        for (let p = 0; p < tagCount; p++) {
          const s = score[prev + p] + transitions[p * tagCount + t];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[cur + t] = best + emit[cur + t];
      back[cur + t] = arg;
    }
  }
  const last = (n - 1) * tagCount;
  let arg = 0;
  for (let t = 1; t < tagCount; t++) if (score[last + t] > score[last + arg]) arg = t;
  tags[n - 1] = arg;
  for (let k = n - 1; k > 0; k--) {
    arg = back[k * tagCount + arg];
    tags[k - 1] = arg;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Gazetteer } from '../entities/gazetteer';
import { allowedPredecessors, emissions, transitionTable, viterbi } from './decode';
import { FeatureExtractor, type SequenceInput } from './features';
import { TAG_COUNT, TAGS } from './tags';

export const NER_MODEL_FILE = 'ner-model.bin.gz';
const MAGIC = 'WDNER1\n';

export interface NerModelHeader {
  /** buckets of the hashed weight table (a power of two) */
  buckets: number;
  tags: string[];
  /** a weight of 1 in the file is worth this much */
  scale: number;
  /** what it was trained on and how (for the record) */
  training: Record<string, unknown>;
}

/** The model's numbers: quantised weights (bucket-major, one int16 per tag) and the learned transitions. */
export interface NerModelData {
  header: NerModelHeader;
  /** (tagCount + 1) × tagCount, in the weights' units; last row = sequence start */
  transitions: Float32Array;
  weights: Int16Array;
}

/** gzip of: magic, header length (uint32 LE), header JSON, transitions (float32 LE), weights (int16 LE). */
export function serializeModel(model: NerModelData): Buffer {
  const header = Buffer.from(JSON.stringify(model.header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const transitions = Buffer.from(model.transitions.buffer, model.transitions.byteOffset, model.transitions.byteLength);
  const weights = Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, header, transitions, weights]), { level: 9 });
}

export function parseModel(gz: Buffer): NerModelData {
  const raw = gunzipSync(gz);
  if (raw.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a Wiredesk entity model');
  let at = MAGIC.length;
  const headerLength = raw.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(raw.toString('utf8', at, at + headerLength)) as NerModelHeader;
  at += headerLength;
  const tagCount = header.tags.length;
  if (tagCount !== TAG_COUNT || header.tags.some((t, i) => t !== TAGS[i]))
    throw new Error('entity model tag set differs');
  const transitions = new Float32Array((tagCount + 1) * tagCount);
  for (let i = 0; i < transitions.length; i++, at += 4) transitions[i] = raw.readFloatLE(at);
  // copied into an aligned buffer of its own (little-endian, as every platform Node runs on)
  const weights = new Int16Array(header.buckets * tagCount);
  Buffer.from(weights.buffer).set(raw.subarray(at, at + weights.byteLength));
  return { header, transitions, weights };
}

/** The model file in a data folder, or undefined when it is not there (the rule-based extractor then works alone). */
export function loadNerModel(dir: string): NerModelData | undefined {
  const path = join(dir, NER_MODEL_FILE);
  return existsSync(path) ? parseModel(readFileSync(path)) : undefined;
}

/**
 * Tags sequences with a trained model: features, emission scores, Viterbi. Scratch arrays are reused across calls,
 * so one tagger serves one thread.
 */
export class NerTagger {
  readonly features: FeatureExtractor;
  private readonly transitions: Float32Array;
  private readonly predecessors: Uint8Array[];
  private emit = new Float32Array(256 * TAG_COUNT);
  private score = new Float32Array(256 * TAG_COUNT);
  private back = new Uint8Array(256 * TAG_COUNT);
  private base = new Int32Array(256 * TAG_COUNT);
  /** tags of the last sequence tagged */
  tags = new Uint8Array(256);

  constructor(
    private readonly model: NerModelData,
    gazetteer: Gazetteer,
  ) {
    this.features = new FeatureExtractor(gazetteer, model.header.buckets, TAG_COUNT);
    this.transitions = transitionTable(TAG_COUNT, model.transitions);
    this.predecessors = allowedPredecessors(this.transitions, TAG_COUNT);
  }

  /**
   * Tags tokens[from, to) into this.tags[0, n); returns n. With `input.words`, the weights of a word's own features
   * (its form, affixes and word lists) are summed once per distinct word and kept in its WordInfo (`nerWeights`): the weights are
   * integers, so the emission scores are exactly those of summing every feature per token.
   */
  tag(input: SequenceInput): number {
    const n = this.features.extract(input);
    if (n * TAG_COUNT > this.emit.length) {
      let size = this.emit.length;
      while (size < n * TAG_COUNT) size *= 2;
      this.emit = new Float32Array(size);
      this.score = new Float32Array(size);
      this.back = new Uint8Array(size);
      this.tags = new Uint8Array(size / TAG_COUNT + 1);
    }
    const base = input.words ? this.wordWeights(input, n) : undefined;
    emissions(this.model.weights, this.features.feats, this.features.offsets, n, TAG_COUNT, this.emit, base);
    viterbi(this.emit, this.transitions, n, TAG_COUNT, this.score, this.back, this.tags, this.predecessors);
    return n;
  }

  /** Per token of the sequence, the summed weights of its word's own features (zero for tokens without). */
  private wordWeights(input: SequenceInput, n: number): Int32Array {
    if (this.base.length < n * TAG_COUNT) this.base = new Int32Array(this.emit.length);
    const base = this.base;
    const weights = this.model.weights;
    const infos = this.features.wordInfos;
    for (let k = 0; k < n; k++) {
      const info = infos[k];
      const at = k * TAG_COUNT;
      if (!info) {
        base.fill(0, at, at + TAG_COUNT);
        continue;
      }
      let sums = info.nerWeights;
      if (!sums) {
        sums = new Int32Array(TAG_COUNT);
        for (const row of this.features.wordFeatures(input.tokens[input.from + k].lower, info.entity))
          for (let t = 0; t < TAG_COUNT; t++) sums[t] += weights[row + t];
        info.nerWeights = sums;
      }
      for (let t = 0; t < TAG_COUNT; t++) base[at + t] = sums[t];
    }
    return base;
  }

  /** Emission scores of the last sequence (token k, tag t at k * TAG_COUNT + t), for confidence. */
  get emissionScores(): Float32Array {
    return this.emit;
  }
}

import { NUMBER, PUNCT, type Token, WORD } from '../text/tokenizer';

/**
 * The subject classifier's features, shared by the offline trainer and the run-time classifier so both see the same
 * thing: hashed lower-case words (accents folded, a light prefix stem), hashed pairs of neighbouring content words,
 * and a few number shapes (scores "2-1", percentages, money) that results tables and market reports are made of.
 * Stop words are those of the article's language. Counts are dampened (log 1 + n) and the vector has unit length,
 * so a long story is not more certain than a short one merely for being long.
 */
export const HASH_BITS = 20;
export const HASH_SIZE = 1 << HASH_BITS;
const HASH_MASK = HASH_SIZE - 1;
/** The headline says what the story is about: its words count this many times. */
export const HEADLINE_WEIGHT = 2;
/** The feature vector is divided by its length to this power (see TopicFeatures). */
export const NORM_POWER = 1;
/** A pair of words is this much of a word: pairs are many and sparse. */
const PAIR_WEIGHT = 1;

/** FNV-1a over the UTF-16 code units, as an unsigned 32-bit number. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A pair of term hashes mixed into one bucket (order matters: "interest rate" is not "rate interest"). */
export function pairBucket(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) & HASH_MASK;
}

const ACCENTS_RE = /\p{M}/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/**
 * A word's feature term: accents folded (élection → election, Bürger → burger), German ß → ss, then cut to a
 * seven-letter prefix, and a plural -s dropped from shorter words — a crude stemmer that serves English, French,
 * German and Spanish alike (election/elections/élection, minister/ministers/ministre).
 */
export function featureTerm(lower: string): string {
  let term = NON_ASCII_RE.test(lower) ? lower.normalize('NFD').replace(ACCENTS_RE, '').replace(/ß/g, 'ss') : lower;
  if (term.length > 7) term = term.slice(0, 7);
  else if (term.length >= 5 && term.endsWith('s')) term = term.slice(0, -1);
  return term;
}

/** The hashed term of a lower-case word, or -1 when it is no feature (one letter, or no letter at all). */
export function termHashOf(lower: string): number {
  if (lower.length < 2) return -1;
  return hashString(featureTerm(lower));
}

/** What the features need to know of one word token (WordInfo carries it at run time). */
export interface TopicWord {
  /** stop word in these languages (bit per LANGUAGES entry) */
  stop: number;
  /** termHashOf(lower), -1 for none */
  term: number;
}

const SHAPE_NUMBER = hashString('#number') & HASH_MASK;
const SHAPE_SCORE = hashString('#score') & HASH_MASK;
const SHAPE_PERCENT = hashString('#percent') & HASH_MASK;
const SHAPE_MONEY = hashString('#money') & HASH_MASK;
const CURRENCY = new Set(['$', '€', '£', '¥', '₹', '₦']);
const SCORE_DASHES = new Set(['-', '–', ':']);

/**
 * Reusable buffers for one article's features: after `extract`, ids[0..n) are distinct buckets in ascending order and
 * values[0..n) their weights (unit length). One instance serves one thread.
 */
export class TopicFeatures {
  /**
   * @param normPower the vector is divided by its length to this power: 1 = unit length (the shipped value; a long
   * story is not surer than a short one merely for being long), 0 = raw dampened counts (for experiments)
   */
  constructor(private readonly normPower = NORM_POWER) {}

  ids = new Int32Array(4096);
  values = new Float32Array(4096);
  n = 0;
  private raw = new Int32Array(8192);

  extract(tokens: readonly Token[], words: readonly (TopicWord | undefined)[], langMask: number): this {
    let m = 0;
    let prevTerm = -1;
    let prevSeg = -2;
    const push = (bucket: number, weight: number): void => {
      if (m === this.raw.length) {
        const grown = new Int32Array(this.raw.length * 2);
        grown.set(this.raw);
        this.raw = grown;
      }
      // bucket and weight (1..3) in one int, so one numeric sort groups them
      this.raw[m++] = (bucket << 2) | weight;
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const weight = t.seg < 0 ? HEADLINE_WEIGHT : 1;
      if (t.seg !== prevSeg || t.sentStart) prevTerm = -1;
      prevSeg = t.seg;
      if (t.kind === WORD) {
        const w = words[i];
        if (!w || w.term < 0 || (w.stop & langMask) !== 0) continue;
        push(w.term & HASH_MASK, weight);
        if (prevTerm >= 0) push(pairBucket(prevTerm, w.term), PAIR_WEIGHT * weight);
        prevTerm = w.term;
      } else if (t.kind === NUMBER) {
        push(numberShape(tokens, i), weight);
      } else if (t.kind === PUNCT && (t.text === '.' || t.text === ';' || t.text === ':')) {
        prevTerm = -1;
      }
    }
    return this.finish(m);
  }

  private finish(m: number): this {
    const raw = this.raw.subarray(0, m).sort();
    if (this.ids.length < m) {
      this.ids = new Int32Array(m);
      this.values = new Float32Array(m);
    }
    let n = 0;
    let norm = 0;
    for (let k = 0; k < m;) {
      const bucket = raw[k] >> 2;
      let count = 0;
      while (k < m && raw[k] >> 2 === bucket) count += raw[k++] & 3;
      const v = Math.log1p(count);
      this.ids[n] = bucket;
      this.values[n] = v;
      norm += v * v;
      n++;
    }
    const scale = norm > 0 ? Math.pow(norm, -0.5 * this.normPower) : 0;
    for (let k = 0; k < n; k++) this.values[k] *= scale;
    this.n = n;
    return this;
  }
}

function numberShape(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  if (prev && prev.seg === t.seg && prev.kind === PUNCT && CURRENCY.has(prev.text)) return SHAPE_MONEY;
  if (next && next.seg === t.seg && next.kind === PUNCT && next.text === '%') return SHAPE_PERCENT;
  const after = i + 2 < tokens.length ? tokens[i + 2] : undefined;
  if (
    next?.kind === PUNCT &&
    SCORE_DASHES.has(next.text) &&
    after?.kind === NUMBER &&
    next.start === t.end &&
    after.start === next.end &&
    t.text.length <= 3 &&
    after.text.length <= 3
  )
    return SHAPE_SCORE;
  return SHAPE_NUMBER;
}

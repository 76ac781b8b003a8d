import type { Gazetteer } from '../entities/gazetteer';
import type { WordInfo } from '../text/word-info';
import { WordFlag as F } from '../entities/word-flags';
import { NUMBER, PUNCT, type Token, WORD } from '../text/tokenizer';
import { feature, hashRange } from './hash';

/**
 * Features of the entity recogniser: for each token a handful of integer hashes of what it is (lower-case form,
 * shape, prefixes and suffixes, word-list memberships, gazetteer matches) and what surrounds it (neighbouring words
 * and shapes, sentence start, an all-caps line, the language). Computed into reused typed arrays: no strings are built
 * per token, every word and affix is hashed from the token's own characters.
 */

/** Word shapes. In an all-caps line a word takes the shape it would have in running text. */
export const SHAPE = {
  lower: 0,
  capitalised: 1,
  allCaps: 2,
  singleCap: 3,
  mixed: 4,
  number: 5,
  alphanumeric: 6,
  punct: 7,
  social: 8,
  capsWithDots: 9,
  none: 10,
} as const;

/** Templates: the first argument of every feature(). Changing one changes the model: retrain. */
const T = {
  bias: 0,
  w0: 1,
  wm1: 2,
  wp1: 3,
  wm2: 4,
  wp2: 5,
  s0: 6,
  sm1s0: 7,
  s0sp1: 8,
  sm1s0sp1: 9,
  s0start: 10,
  s0startLang: 11,
  prefix2: 12,
  prefix3: 13,
  suffix2: 14,
  suffix3: 15,
  suffix4: 16,
  lex: 17,
  lexPrev: 18,
  lexNext: 19,
  gaz0: 20,
  gazm1: 21,
  gazp1: 22,
  gaz0s0: 23,
  wm1s0: 24,
  s0wp1: 25,
  capsLine: 26,
  w0s0: 27,
  length: 28,
  langLex: 30,
  number: 31,
} as const;

/** Word-list bits that become features of the token itself. */
const OWN_FLAGS: readonly number[] = [
  F.stopword,
  F.commonWord,
  F.notName,
  F.dictionary,
  F.lastName,
  F.firstName,
  F.title,
  F.titleSuffix,
  F.orgHead,
  F.orgPrefixHead,
  F.placeHead,
  F.placeLeadHead,
  F.demonym,
  F.date,
  F.determiner,
  F.connector,
  F.personParticle,
  F.personVerb,
  F.locative,
  F.miscHead,
  F.eventPrefix,
  F.orgCueNoun,
  F.governmentVerb,
  F.acronymNotOrg,
];
/** ...of the word before ("President X", "in X", "the X") */
const PREV_FLAGS = F.title | F.locative | F.determiner | F.firstName | F.orgPrefixHead | F.orgCueNoun | F.connector;
/** ...of the word after ("X said", "X Party", "X Smith") */
const NEXT_FLAGS = F.personVerb | F.governmentVerb | F.lastName | F.orgHead | F.placeHead | F.miscHead | F.connector;

/** Gazetteer classes (a feature, not the decision). */
const GAZ_ORG = 1;
const GAZ_COUNTRY = 2;
const GAZ_CITY = 3;
const GAZ_CITY_AMBIGUOUS = 4;
const GAZ_PLACE = 5;
const GAZ_PERSON = 6;

/** Languages by how they capitalise: 0 English (and unknown), 1 German (every noun), 2 French/Spanish/Italian/Portuguese. */
export function languageBucket(language: string | undefined): number {
  if (!language) return 0;
  const base = language.slice(0, 2);
  if (base === 'de') return 1;
  if (base === 'fr' || base === 'es' || base === 'it' || base === 'pt') return 2;
  return 0;
}

/** One sequence to tag: tokens[from, to) of a segment. */
export interface SequenceInput {
  tokens: readonly Token[];
  from: number;
  to: number;
  /** the segment around a window [from, to): its neighbours give context (default: from and to) */
  contextFrom?: number;
  contextTo?: number;
  /** WordFlag bits per token index (absolute, like tokens) */
  flags: ArrayLike<number>;
  /** the segment is written in capitals: shapes as in running text */
  allCaps: boolean;
  /** languageBucket() of the text */
  lang: number;
  /** training only: the source text is lower-cased, so shapes and the gazetteer say nothing */
  lowercased?: boolean;
  /**
   * WordInfo per token index (WordInfos.annotate of tokens): when given, the features of a word token that depend on
   * its lower-case form alone (wordFeatures: form, affixes, and word lists when `flags` holds its WordInfo's `entity`)
   * are left out of `feats` and the token's WordInfo is put in `wordInfos`, so a tagger can sum their weights once
   * per distinct word (NerTagger)
   */
  words?: readonly WordInfo[];
}

export function wordShape(t: Token, flags: number, allCaps: boolean): number {
  if (t.kind === NUMBER) {
    for (let i = 0; i < t.text.length; i++) {
      const c = t.text.charCodeAt(i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return SHAPE.alphanumeric;
    }
    return SHAPE.number;
  }
  if (t.kind === PUNCT) return SHAPE.punct;
  if (t.kind !== WORD) return SHAPE.none;
  const c0 = t.text.charCodeAt(0);
  if (c0 === 35 || c0 === 64) return SHAPE.social;
  if (allCaps && (t.upper || t.cap)) {
    const common = (flags & (F.stopword | F.dictionary | F.commonWord)) !== 0;
    const name = (flags & (F.firstName | F.lastName)) !== 0;
    return common && !name ? SHAPE.lower : SHAPE.capitalised;
  }
  if (t.upper) return t.text.includes('.') ? SHAPE.capsWithDots : SHAPE.allCaps;
  let innerUpper = false;
  let digits = false;
  for (let i = 1; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (t.text[i] !== t.lower[i]) innerUpper = true;
  }
  if (digits) return SHAPE.alphanumeric;
  if (t.cap) {
    if (t.text.length === 1) return SHAPE.singleCap;
    return innerUpper && t.text.charCodeAt(1) !== 39 ? SHAPE.mixed : SHAPE.capitalised;
  }
  return innerUpper ? SHAPE.mixed : SHAPE.lower;
}

const BOUNDARY_WORD = 0x5bd1e995;
const BOUNDARY_SHAPE = SHAPE.none + 1;

/** Computes the features of one sequence at a time into reused arrays. */
export class FeatureExtractor {
  /** bucket * tagCount of every feature, token k's at feats[offsets[k], offsets[k + 1]) */
  feats = new Int32Array(1 << 12);
  offsets = new Int32Array(257);
  private words = new Int32Array(256);
  private shapes = new Uint8Array(256);
  private gaz = new Uint8Array(256);
  /** with SequenceInput.words: token k's WordInfo when its word features were left to the tagger, else undefined */
  wordInfos: (WordInfo | undefined)[] = [];
  private count = 0;

  constructor(
    private readonly gazetteer: Gazetteer,
    /** buckets of the weight table: a power of two */
    private readonly buckets: number,
    private readonly tagCount: number,
  ) {}

  /** Fills feats/offsets for tokens[from, to); returns the number of tokens. */
  extract(input: SequenceInput): number {
    const { tokens, from, to, flags } = input;
    const n = to - from;
    const segFrom = input.contextFrom ?? from;
    const segTo = input.contextTo ?? to;
    // words and shapes of the window and up to two tokens of context either side, indexed from `cf`
    const cf = Math.max(segFrom, from - 2);
    const ct = Math.min(segTo, to + 2);
    this.ensure(ct - cf);
    const words = this.words;
    const shapes = this.shapes;
    for (let i = cf; i < ct; i++) {
      const t = tokens[i];
      words[i - cf] =
        t.kind === NUMBER ? feature(T.number, Math.min(t.text.length, 8)) : hashRange(t.lower, 0, t.lower.length);
      shapes[i - cf] = input.lowercased ? SHAPE.none : wordShape(t, flags[i], input.allCaps);
    }
    this.matchGazetteer(input, cf, ct, segTo);
    const gaz = this.gaz;
    this.count = 0;
    const lang = input.lang;
    for (let k = 0; k < n; k++) {
      this.offsets[k] = this.count;
      const i = from + k;
      const x = i - cf;
      const t = tokens[i];
      const w0 = words[x];
      const wm1 = i - 1 >= segFrom ? words[x - 1] : BOUNDARY_WORD;
      const wp1 = i + 1 < segTo ? words[x + 1] : BOUNDARY_WORD;
      const s0 = shapes[x];
      const sm1 = i - 1 >= segFrom ? shapes[x - 1] : BOUNDARY_SHAPE;
      const sp1 = i + 1 < segTo ? shapes[x + 1] : BOUNDARY_SHAPE;
      const start = t.sentStart || i === segFrom ? 1 : 0;
      const f0 = flags[i];
      // the word's own features go to the tagger's per-word sums when its flags are its WordInfo's (as the extractor
      // passes them); otherwise they are computed here
      let info = t.kind === WORD && input.words ? input.words[i] : undefined;
      if (info && info.entity !== f0) info = undefined;
      this.wordInfos[k] = info;
      this.add(feature(T.bias, 0));
      if (!info) this.add(feature(T.w0, w0));
      this.add(feature(T.wm1, wm1));
      this.add(feature(T.wp1, wp1));
      this.add(feature(T.wm2, i - 2 >= segFrom ? words[x - 2] : BOUNDARY_WORD));
      this.add(feature(T.wp2, i + 2 < segTo ? words[x + 2] : BOUNDARY_WORD));
      this.add(feature(T.s0, s0));
      this.add(feature(T.sm1s0, sm1, s0));
      this.add(feature(T.s0sp1, s0, sp1));
      this.add(feature(T.sm1s0sp1, (sm1 << 8) | s0, sp1));
      this.add(feature(T.s0start, s0, start));
      this.add(feature(T.s0startLang, (s0 << 2) | start, lang));
      this.add(feature(T.wm1s0, wm1, s0));
      this.add(feature(T.s0wp1, s0, wp1));
      this.add(feature(T.w0s0, w0, s0));
      this.add(feature(T.length, Math.min(t.text.length, 12), s0));
      this.add(feature(T.langLex, (s0 << 4) | (f0 & F.stopword ? 1 : 0) | (f0 & F.dictionary ? 2 : 0), lang));
      if (input.allCaps) this.add(feature(T.capsLine, s0));
      if (t.kind === WORD && !info) this.addOwnFeatures(t.lower, f0, false);
      if (i - 1 >= segFrom) {
        const fp = flags[i - 1] & PREV_FLAGS;
        if (fp) for (let b = 0; b < 31; b++) if (fp & (1 << b)) this.add(feature(T.lexPrev, b));
      }
      if (i + 1 < segTo) {
        const fn = flags[i + 1] & NEXT_FLAGS;
        if (fn) for (let b = 0; b < 31; b++) if (fn & (1 << b)) this.add(feature(T.lexNext, b));
      }
      const g0 = gaz[x];
      if (g0) {
        this.add(feature(T.gaz0, g0));
        this.add(feature(T.gaz0s0, g0, s0));
      }
      if (i - 1 >= cf && gaz[x - 1]) this.add(feature(T.gazm1, gaz[x - 1]));
      if (i + 1 < ct && gaz[x + 1]) this.add(feature(T.gazp1, gaz[x + 1]));
    }
    this.offsets[n] = this.count;
    return n;
  }

  /**
   * The rows of the features a word token has whatever surrounds it: its lower-case form, prefixes, suffixes and
   * word-list memberships (`flags`: its WordFlag bits), the same features extract() gives it without
   * SequenceInput.words.
   */
  wordFeatures(lower: string, flags: number): Int32Array {
    const start = this.count;
    this.addOwnFeatures(lower, flags, true);
    const rows = this.feats.slice(start, this.count);
    this.count = start;
    return rows;
  }

  /** A word token's own features; its form's (T.w0) is added by extract() itself except for wordFeatures(). */
  private addOwnFeatures(s: string, f0: number, form: boolean): void {
    const len = s.length;
    if (form) this.add(feature(T.w0, hashRange(s, 0, len)));
    if (len > 2) this.add(feature(T.prefix2, hashRange(s, 0, 2)));
    if (len > 3) this.add(feature(T.prefix3, hashRange(s, 0, 3)));
    if (len > 2) this.add(feature(T.suffix2, hashRange(s, len - 2, len)));
    if (len > 3) this.add(feature(T.suffix3, hashRange(s, len - 3, len)));
    if (len > 4) this.add(feature(T.suffix4, hashRange(s, len - 4, len)));
    for (let b = 0; b < OWN_FLAGS.length; b++) if (f0 & OWN_FLAGS[b]) this.add(feature(T.lex, b));
  }

  /** Feature hash → bucket * tagCount (the row of the weight table), stored for the current token. */
  private add(h: number): void {
    if (this.count === this.feats.length) {
      const bigger = new Int32Array(this.feats.length * 2);
      bigger.set(this.feats);
      this.feats = bigger;
    }
    this.feats[this.count++] = (h & (this.buckets - 1)) * this.tagCount;
  }

  private ensure(n: number): void {
    if (n < this.words.length) return;
    let size = this.words.length;
    while (size <= n) size *= 2;
    this.words = new Int32Array(size);
    this.shapes = new Uint8Array(size);
    this.gaz = new Uint8Array(size);
    this.offsets = new Int32Array(size + 1);
  }

  /** Longest gazetteer names over tokens[cf, ct), left to right: class * 2 (+1 inside the name), 0 outside. */
  private matchGazetteer(input: SequenceInput, cf: number, ct: number, segTo: number): void {
    const gaz = this.gaz;
    gaz.fill(0, 0, ct - cf);
    if (input.lowercased) return;
    const { tokens, flags } = input;
    for (let i = cf; i < ct; i++) {
      if (tokens[i].kind !== WORD || !(flags[i] & F.gazetteerStart)) continue;
      const m = this.gazetteer.longestMatch(tokens, i, segTo, input.allCaps);
      if (!m) continue;
      const e = m.entry;
      const cls =
        e.kind === 'organisation'
          ? GAZ_ORG
          : e.kind === 'person'
            ? GAZ_PERSON
            : e.placeType === 'country'
              ? GAZ_COUNTRY
              : e.placeType === 'city'
                ? e.ambiguous
                  ? GAZ_CITY_AMBIGUOUS
                  : GAZ_CITY
                : GAZ_PLACE;
      gaz[i - cf] = cls * 2;
      for (let j = 1; j < m.length && i + j < ct; j++) gaz[i + j - cf] = cls * 2 + 1;
      i += m.length - 1;
    }
  }
}

/** A segment written in capitals (an old wire headline, a shouted line): three words or more, over 70 % all caps. */
export function isAllCapsSegment(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  let upper = 0;
  for (let i = from; i < to && words < 40; i++) {
    const t = tokens[i];
    if (t.kind !== WORD || t.text.length < 2) continue;
    words++;
    if (t.upper) upper++;
  }
  return words >= 3 && upper / words > 0.7;
}

/**
 * What data/language-words.json holds per language: its most frequent words and letter trigrams, each list in
 * [cB, items] buckets (cB = 100·log10 of the frequency; words separated by spaces, trigrams by "|").
 */
export interface LanguageWordsFile {
  languages: Record<string, { words: [number, string][]; trigrams: [number, string][] }>;
}

/** log10 frequency given to a word a language's list does not hold (below its 6,000th word). */
const WORD_FLOOR = -6.5;
/** log10 probability of a letter trigram a language's words never show (or show more rarely than this). */
const TRIGRAM_FLOOR = -6;
/** Weight of the letter-trigram evidence (mean log10 probability per trigram) against the word's own frequency. */
const TRIGRAM_WEIGHT = 3;

/**
 * Word and letter-trigram frequencies of each language (data/language-words.json: wordfreq, CC BY-SA 4.0, and the
 * IPTC Nynorsk texts). A word's evidence is its log frequency in each language (a floor for languages that do not list
 * it) plus the mean log probability of its letter trigrams, so words no list holds — names, rarer inflections — still
 * lean towards the languages that spell like them. Naive Bayes over words: the detector adds up these vectors.
 */
export class LanguageModel {
  readonly languages: readonly string[];
  /** word → its entries in `pool`: [language index, cB, …] from offsets[i] to offsets[i + 1] */
  private readonly words = new Map<string, number>();
  private readonly pool: Int16Array;
  private readonly offsets: Int32Array;
  /** letter trigram → log10 probability per language */
  private readonly trigrams = new Map<string, Float32Array>();
  private readonly sum: Float32Array;

  constructor(file: LanguageWordsFile) {
    this.languages = Object.keys(file.languages);
    if (this.languages.length > 32) throw new Error('language-words.json: at most 32 languages (bit masks)');
    const n = this.languages.length;
    this.sum = new Float32Array(n);
    const pairs = new Map<string, number[]>();
    this.languages.forEach((lang, l) => {
      const { words, trigrams } = file.languages[lang];
      for (const [cb, list] of words)
        for (const w of list.split(' ')) {
          const p = pairs.get(w);
          if (p) p.push(l, cb);
          else pairs.set(w, [l, cb]);
        }
      for (const [cb, list] of trigrams)
        for (const tri of list.split('|')) {
          let v = this.trigrams.get(tri);
          if (!v) this.trigrams.set(tri, (v = new Float32Array(n).fill(TRIGRAM_FLOOR)));
          v[l] = cb / 100;
        }
    });
    let size = 0;
    for (const p of pairs.values()) size += p.length;
    this.pool = new Int16Array(size);
    this.offsets = new Int32Array(pairs.size + 1);
    let i = 0;
    let at = 0;
    for (const [w, p] of pairs) {
      this.words.set(w, i);
      this.pool.set(p, at);
      at += p.length;
      this.offsets[++i] = at;
    }
  }

  /** Bit l is set when language l's list holds the (lower-case) word (at most 32 languages). */
  listedIn(lower: string): number {
    const entry = this.words.get(lower);
    let mask = 0;
    if (entry !== undefined)
      for (let k = this.offsets[entry]; k < this.offsets[entry + 1]; k += 2) mask |= 1 << this.pool[k];
    return mask;
  }

  /** The evidence one (lower-case) word gives for each language: higher is likelier. */
  scores(lower: string): Float32Array {
    const n = this.languages.length;
    const out = new Float32Array(n).fill(WORD_FLOOR);
    const entry = this.words.get(lower);
    if (entry !== undefined)
      for (let k = this.offsets[entry]; k < this.offsets[entry + 1]; k += 2) out[this.pool[k]] = this.pool[k + 1] / 100;
    const sum = this.sum.fill(0);
    const padded = ` ${lower} `;
    let grams = 0;
    for (let i = 0; i + 3 <= padded.length; i++, grams++) {
      const v = this.trigrams.get(padded.slice(i, i + 3));
      if (v) for (let l = 0; l < n; l++) sum[l] += v[l];
      else for (let l = 0; l < n; l++) sum[l] += TRIGRAM_FLOOR;
    }
    if (grams) for (let l = 0; l < n; l++) out[l] += (TRIGRAM_WEIGHT * sum[l]) / grams;
    return out;
  }
}

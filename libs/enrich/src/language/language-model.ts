/**
 * What data/language-words.json holds: the languages; the words of their frequency lists and, per word in that order,
 * the number k of languages listing it then k pairs (language index, cB = 100·log10 of the frequency); the same for
 * letter trigrams ("|" between them). Built offline by bench/enrich/scripts/build-language-words.ts.
 */
export interface LanguageWordsFile {
  languages: string[];
  words: string;
  wordEntries: number[];
  trigrams: string;
  trigramEntries: number[];
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
  /** word → its row: [language index, cB, …] in `pool` from offsets[row] to offsets[row + 1] */
  private readonly words = new Map<string, number>();
  private readonly pool: Int16Array;
  private readonly offsets: Int32Array;
  /** letter trigram → its row of `trigramTable`: log10 probability per language */
  private readonly trigrams = new Map<string, number>();
  private readonly trigramTable: Float32Array;
  private readonly sum: Float32Array;

  constructor(file: LanguageWordsFile) {
    this.languages = file.languages;
    const n = this.languages.length;
    if (n > 32) throw new Error('language-words.json: at most 32 languages (bit masks)');
    this.sum = new Float32Array(n);
    const words = file.words.split(' ');
    this.offsets = new Int32Array(words.length + 1);
    this.pool = new Int16Array(file.wordEntries.length - words.length);
    for (let w = 0, at = 0, e = 0; w < words.length; w++) {
      this.words.set(words[w], w);
      const k = file.wordEntries[e++];
      for (let j = 0; j < 2 * k; j++) this.pool[at++] = file.wordEntries[e++];
      this.offsets[w + 1] = at;
    }
    const trigrams = file.trigrams.split('|');
    this.trigramTable = new Float32Array(trigrams.length * n).fill(TRIGRAM_FLOOR);
    for (let t = 0, e = 0; t < trigrams.length; t++) {
      this.trigrams.set(trigrams[t], t);
      const k = file.trigramEntries[e++];
      for (let j = 0; j < k; j++, e += 2)
        this.trigramTable[t * n + file.trigramEntries[e]] = file.trigramEntries[e + 1] / 100;
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
    const table = this.trigramTable;
    for (let i = 0; i + 3 <= padded.length; i++, grams++) {
      const row = this.trigrams.get(padded.slice(i, i + 3));
      if (row === undefined) for (let l = 0; l < n; l++) sum[l] += TRIGRAM_FLOOR;
      else for (let l = 0, at = row * n; l < n; l++) sum[l] += table[at + l];
    }
    if (grams) for (let l = 0; l < n; l++) out[l] += (TRIGRAM_WEIGHT * sum[l]) / grams;
    return out;
  }
}

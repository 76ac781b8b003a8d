import type { Mention } from '../enrichment';
import { type Token, WORD } from '../text/tokenizer';
import type { WordInfo } from '../text/word-info';

const MAX_PHRASE_WORDS = 3;
/** attributive adjectives in German are inflected: höhere, neuen, großer, deutsches, letztem */
const GERMAN_ADJECTIVE_ENDING = /(?:e|en|er|es|em)$/;
const ENGLISH = 1 << 0;
const GERMAN = 1 << 2;

/** English word classes that never belong in a noun phrase (data/keyword-words.json, from the compromise lexicon). */
export interface KeywordWords {
  verbs: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  numberWords: ReadonlySet<string>;
  /** verbs in their base form: after "to" they open a clause, not a noun phrase ("to avoid travel ban") */
  infinitives: ReadonlySet<string>;
}

/** Irregular past forms the lexicon files under nouns too, but that in news copy are nearly always the verb. */
const EXTRA_VERBS = ['rose', 'beat', 'set', 'cut', 'put', 'quit', 'shut', 'spread', 'bid'];

export interface KeywordWordsFile {
  verbs: string[];
  adverbs: string[];
  numberWords: string[];
  infinitives: string[];
}

/** Bits of keywordClass(): what the keyword rules ask of a word, answered once per distinct word (WordInfo.keyword). */
export const KeywordClass = { verb: 1, adverb: 2, numberWord: 4, infinitive: 8 } as const;

export function keywordClass(words: KeywordWords, lower: string): number {
  return (
    (words.verbs.has(lower) ? KeywordClass.verb : 0) |
    (words.adverbs.has(lower) ? KeywordClass.adverb : 0) |
    (words.numberWords.has(lower) ? KeywordClass.numberWord : 0) |
    (words.infinitives.has(lower) ? KeywordClass.infinitive : 0)
  );
}

export function keywordWords(file: KeywordWordsFile): KeywordWords {
  return {
    verbs: new Set([...file.verbs, ...EXTRA_VERBS]),
    adverbs: new Set(file.adverbs),
    numberWords: new Set(file.numberWords),
    infinitives: new Set(file.infinitives),
  };
}

interface Candidate {
  text: string;
  count: number;
  words: number;
  first: number;
}

/** Reused between calls (single-threaded): the candidate table and the entity mask of the current article. */
const candidates = new Map<string, Candidate>();
let inName = new Uint8Array(1024);

/**
 * Key phrases an indexer would choose: noun phrases, found without a part-of-speech tagger as runs of content words
 * between stop words, punctuation, numbers and names, and (in English) cut at verb forms and adverbs, so "fourth
 * quarter sales rose" gives "quarter sales". Number words and ordinals are stripped from the front. A run longer than
 * three words keeps its head end (the last words in English and German, the first in the Romance languages). Scored by
 * frequency, length and how early the phrase appears; a phrase inside a better one is not repeated. Words of the
 * entities' mentions never enter a phrase: names are the entities' business.
 */
export function extractKeywords(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  langMask: number,
  mentions: readonly Mention[] = [],
  max = 8,
): string[] {
  candidates.clear();
  markNames(tokens, mentions);
  const english = langMask === ENGLISH;
  const german = langMask === GERMAN;
  const headFinal = (langMask & (ENGLISH | GERMAN)) !== 0 && (langMask & ~(ENGLISH | GERMAN)) === 0;
  let runStart = -1;
  let prevSeg = tokens.length ? tokens[0].seg : 0;
  const flush = (end: number): void => {
    if (runStart < 0) return;
    let a = runStart;
    // number words and ordinals are no part of what a story is about ("fourth quarter" → "quarter")
    while (english && a < end && (infos[a].keyword & KeywordClass.numberWord) !== 0) a++;
    if (german) {
      // a German noun phrase is inflected adjectives then capitalised nouns: drop the verbs around it
      while (a < end && !tokens[a].cap && !GERMAN_ADJECTIVE_ENDING.test(tokens[a].lower)) a++;
      while (end > a && !tokens[end - 1].cap) end--;
    }
    if (end - a > MAX_PHRASE_WORDS) {
      if (headFinal) a = end - MAX_PHRASE_WORDS;
      else end = a + MAX_PHRASE_WORDS;
    }
    addCandidate(tokens, a, end);
    runStart = -1;
  };
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    let breaks = i === tokens.length || t.seg !== prevSeg || t.kind !== WORD || t.lower.length < 3 || inName[i] === 1;
    if (!breaks) {
      // a capital inside a sentence is a name (German capitalises every noun: there it is no evidence)
      breaks = (t.cap && !t.sentStart && (langMask & GERMAN) === 0) || (infos[i].stop & langMask) !== 0;
    }
    // German: a lower-case word after a noun starts the next phrase ("Bundesregierung | plant höhere Steuern")
    if (!breaks && german && runStart >= 0 && !t.cap && tokens[i - 1].cap) {
      flush(i);
      runStart = i;
      continue;
    }
    if (!breaks && english) {
      const w = t.lower;
      const kind = infos[i].keyword;
      // a verb or adverb ends the noun phrase; an -ed form opening a run is an adjective ("armed robbers")
      breaks =
        (kind & (KeywordClass.verb | KeywordClass.adverb)) !== 0 ||
        (w.length > 4 && w.endsWith('ly')) ||
        (runStart >= 0 && w.length > 4 && w.endsWith('ed')) ||
        (runStart < 0 && i > 0 && tokens[i - 1].lower === 'to' && (kind & KeywordClass.infinitive) !== 0);
    }
    if (breaks) {
      flush(i);
      if (t) prevSeg = t.seg;
      continue;
    }
    if (runStart < 0) runStart = i;
  }
  const ranked: { c: Candidate; score: number }[] = [];
  for (const c of candidates.values()) {
    if (c.count >= 2 || c.words >= 2)
      ranked.push({ c, score: c.count * (1 + 0.6 * (c.words - 1)) * (c.first < 60 ? 1.3 : 1) });
  }
  ranked.sort((x, y) => y.score - x.score || x.c.first - y.c.first);
  const out: string[] = [];
  for (const { c } of ranked) {
    if (out.some((k) => k.includes(c.text) || c.text.includes(k))) continue;
    out.push(c.text);
    if (out.length >= max) break;
  }
  return out;
}

/** inName[i] = 1 for the tokens inside an entity mention (mentions give segment and character offset). */
function markNames(tokens: readonly Token[], mentions: readonly Mention[]): void {
  if (inName.length < tokens.length) inName = new Uint8Array(tokens.length * 2);
  inName.fill(0, 0, tokens.length);
  if (!mentions.length) return;
  // a segment's tokens are consecutive and in text order: each mention looks only at its own stretch of them
  const firstOfSegment = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++)
    if (i === 0 || tokens[i].seg !== tokens[i - 1].seg) firstOfSegment.set(tokens[i].seg, i);
  for (const m of mentions) {
    const a = m.offset;
    const b = m.offset + m.text.length;
    const first = firstOfSegment.get(m.paragraph);
    if (first === undefined) continue;
    for (let i = first; i < tokens.length && tokens[i].seg === m.paragraph && tokens[i].start < b; i++)
      if (tokens[i].start >= a && tokens[i].end <= b) inName[i] = 1;
  }
}

function addCandidate(tokens: readonly Token[], a: number, b: number): void {
  if (b <= a) return;
  const key = b - a === 1 ? tokens[a].lower : joinLower(tokens, a, b);
  const c = candidates.get(key);
  if (c) c.count++;
  else candidates.set(key, { text: key, count: 1, words: b - a, first: a });
}

function joinLower(tokens: readonly Token[], a: number, b: number): string {
  let s = tokens[a].lower;
  for (let k = a + 1; k < b; k++) s += ' ' + tokens[k].lower;
  return s;
}

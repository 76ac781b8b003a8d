import { type Token, WORD } from '../text/tokenizer';
import type { WordInfo } from '../text/word-info';
import type { LanguageMarkers } from './language-markers';
import type { LanguageModel } from './language-model';

/** Texts with fewer words than this are "und": too short to tell. */
const MIN_WORDS = 4;
/** The winner must lead the second language by this much log10 likelihood per word read (else mixed or unknown). */
const MIN_MARGIN_PER_WORD = 0.1;
/** A language the model does not know (Estonian, Basque, Albanian…) leaves most words off every list: then "und". */
const MIN_LISTED_SHARE = 0.2;
/** Words read before stopping once the lead is clear, and never more than MAX_WORDS. */
const SETTLED_WORDS = 200;
const SETTLED_MARGIN_PER_WORD = 0.5;
const MAX_WORDS = 3000;
/** A word prefers another language strongly when that language is this much likelier for it (log10: 1,000 times). */
const STRONG_PREFERENCE = 3;
/** Mixed text: words strongly preferring one other language are this many times those preferring the winner over it. */
const MIXED_RATIO = 0.3;
const MIN_MIXED_WORDS = 3;

/**
 * The evidence vectors of the lower-case words read, by script, kept for the mixed-text check (names and terms in
 * capitals or in another script say nothing about mixing). Reused: detection is synchronous.
 */
const listed: number[] = [];
const wordVectors: Record<'latin' | 'cyrillic', Float32Array[]> = { latin: [], cyrillic: [] };

type Script =
  'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'han' | 'kana' | 'hangul' | 'thai' | 'devanagari' | 'other';

function scriptOf(code: number): Script {
  if (code < 0x250) return 'latin';
  if (code >= 0x370 && code < 0x400) return 'greek';
  if (code >= 0x400 && code < 0x530) return 'cyrillic';
  if (code >= 0x590 && code < 0x600) return 'hebrew';
  if (code >= 0x600 && code < 0x700) return 'arabic';
  if (code >= 0x900 && code < 0x980) return 'devanagari';
  if (code >= 0xe00 && code < 0xe80) return 'thai';
  if (code >= 0x3040 && code < 0x3100) return 'kana';
  if (code >= 0xac00 && code < 0xd7b0) return 'hangul';
  if (code >= 0x4e00 && code < 0xa000) return 'han';
  if (code >= 0x1e00 && code < 0x1f00) return 'latin';
  return 'other';
}

/** Letters of Serbian Cyrillic, which the frequency lists lack (they hold Serbian in Latin letters): ђ ћ only Serbian
 * writes; ј љ њ џ Serbian and Macedonian, which has ѓ ќ ѕ of its own. */
const SERBIAN_CYRILLIC_LETTERS = /[ђћ]/;
const SERBIAN_OR_MACEDONIAN_LETTERS = /[јљњџ]/;
const MACEDONIAN_LETTERS = /[ѓќѕ]/;
const PERSIAN_LETTERS = /[پچژگ]/;

export interface LanguageKnowledge {
  model: LanguageModel;
  markers: LanguageMarkers;
}

/**
 * Language of the text from its words: each word's log frequency in every language's frequency list, plus its letter
 * trigrams for words no list holds (language-model.ts), summed over the first few hundred words; then close languages
 * sharing one list, or with little data of their own, are parted by their marker words (language-markers.ts). Latin
 * and Cyrillic text goes through the model; other scripts are named from their letters. Short text, or text whose
 * best language does not lead clearly (mixed, or a language the model does not know), is "und" rather than a guess.
 * Word evidence is computed once per distinct word and kept in its WordInfo.
 */
export function detectLanguage(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  knowledge: LanguageKnowledge,
  hint?: string,
): string {
  const { model, markers } = knowledge;
  const n = model.languages.length;
  const scores = new Float64Array(n);
  const scripts = new Map<Script, number>();
  let latin = 0;
  let words = 0;
  let sample = '';
  let latinRead = 0;
  let cyrillicRead = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== WORD) continue;
    // a few hundred words settle it; copy that opens with tables or lists of names (results, fixtures, markets) says
    // little there, so reading goes on until the lead is clear or the text ends
    if (words >= SETTLED_WORDS && (words >= MAX_WORDS || lead(scores) >= SETTLED_MARGIN_PER_WORD * words)) break;
    words++;
    const code = t.text.charCodeAt(0);
    if (code < 0x250) latin++;
    else {
      const script = scriptOf(code);
      scripts.set(script, (scripts.get(script) ?? 0) + 1);
      if (script !== 'latin' && sample.length < 400) sample += t.lower;
    }
    const info = infos[i];
    if (!info.langScores) {
      info.langScores = model.scores(t.lower);
      info.langListed = model.listedIn(t.lower);
    }
    const v = info.langScores;
    listed[words - 1] = info.langListed;
    for (let l = 0; l < n; l++) scores[l] += v[l];
    if (!t.cap || t.sentStart) {
      if (code < 0x250) wordVectors.latin[latinRead++] = v;
      else if (code >= 0x400 && code < 0x530) wordVectors.cyrillic[cyrillicRead++] = v;
    }
  }
  const hinted = hint?.toLowerCase().split(/[-_]/)[0];
  if (words === 0) return 'und';
  let mainScript: Script = 'latin';
  let mainCount = latin;
  for (const [s, c] of scripts) {
    if (s === 'latin') mainCount += c;
    else if (c > mainCount) [mainScript, mainCount] = [s, c];
  }
  if (mainScript !== 'latin' && mainScript !== 'cyrillic') {
    if (mainCount / words < 0.6) return 'und';
    return scriptLanguage(mainScript, sample) ?? hinted ?? 'und';
  }
  if (mainScript === 'cyrillic' && isSerbianCyrillic(sample)) return 'sr';
  if (words < MIN_WORDS) return hinted ?? 'und';

  let best = 0;
  let second = -1;
  for (let l = 1; l < n; l++) {
    if (scores[l] > scores[best]) {
      second = best;
      best = l;
    } else if (second < 0 || scores[l] > scores[second]) second = l;
  }
  let covered = 0;
  for (let w = 0; w < words; w++) if (listed[w] & (1 << best)) covered++;
  const margin = (scores[best] - scores[second]) / words;
  const confident =
    margin >= MIN_MARGIN_PER_WORD &&
    covered >= MIN_LISTED_SHARE * words &&
    !(mainScript === 'latin'
      ? mixed(best, wordVectors.latin, latinRead, knowledge)
      : mixed(best, wordVectors.cyrillic, cyrillicRead, knowledge));
  const detected = confident ? markers.refine(model.languages[best], tokens, words) : 'und';
  if (hinted) {
    // the source's own word stands unless the text clearly says otherwise
    const h = model.languages.indexOf(hinted);
    if (h >= 0 && (scores[best] - scores[h]) / words < MIN_MARGIN_PER_WORD) return hinted;
    if (!confident || sameGroup(hinted, detected, markers)) return hinted;
  }
  return detected;
}

function isSerbianCyrillic(sample: string): boolean {
  if (SERBIAN_CYRILLIC_LETTERS.test(sample)) return true;
  return SERBIAN_OR_MACEDONIAN_LETTERS.test(sample) && !MACEDONIAN_LETTERS.test(sample);
}

/**
 * Whether the text is in two languages: the words that strongly prefer some other language are at least MIXED_RATIO
 * as many as those that strongly prefer the winner over it. (Close languages share most words, so few of either kind
 * are strong, and languages of one marker group are not counted; a quote in another language is outweighed.)
 */
function mixed(best: number, vectors: readonly Float32Array[], count: number, knowledge: LanguageKnowledge): boolean {
  const { languages } = knowledge.model;
  const n = languages.length;
  const against = new Int32Array(n);
  for (let w = 0; w < count; w++) {
    const v = vectors[w];
    for (let l = 0; l < n; l++) if (v[l] - v[best] >= STRONG_PREFERENCE) against[l]++;
  }
  // a close language of the winner's group (Bokmål for Nynorsk) is no second language: their lists differ in size
  let other = best;
  for (let l = 0; l < n; l++)
    if (against[l] > against[other] && !knowledge.markers.sameGroup(languages[best], languages[l])) other = l;
  if (other === best || against[other] < MIN_MIXED_WORDS) return false;
  let forBest = 0;
  for (let w = 0; w < count; w++) if (vectors[w][best] - vectors[w][other] >= STRONG_PREFERENCE) forBest++;
  return against[other] >= MIXED_RATIO * forBest;
}

/** How far the best language leads the second (total log10 likelihood). */
function lead(scores: Float64Array): number {
  let a = -Infinity;
  let b = -Infinity;
  for (const s of scores) {
    if (s > a) [a, b] = [s, a];
    else if (s > b) b = s;
  }
  return a - b;
}

/** "no" and "nb", or "hr" and "sh": a hint naming a close variant of what was detected is more precise. */
function sameGroup(hint: string, detected: string, markers: LanguageMarkers): boolean {
  if (hint === detected) return true;
  if (hint === 'no') return detected === 'nb' || detected === 'nn';
  return markers.sameGroup(hint, detected);
}

function scriptLanguage(script: Script, sample: string): string | undefined {
  switch (script) {
    case 'greek':
      return 'el';
    case 'hebrew':
      return 'he';
    case 'arabic':
      return PERSIAN_LETTERS.test(sample) ? 'fa' : 'ar';
    case 'hangul':
      return 'ko';
    case 'kana':
      return 'ja';
    case 'han':
      return 'zh';
    case 'thai':
      return 'th';
    case 'devanagari':
      return 'hi';
    default:
      return undefined;
  }
}

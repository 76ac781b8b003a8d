import { LANGUAGES } from '../resources';
import { type Token, WORD } from '../text/tokenizer';
import type { WordInfo } from '../text/word-info';

/** Texts with fewer words than this are "und": too short to tell. */
const MIN_WORDS = 6;
/** The winner must have at least this many function-word hits, this share of all words and this lead. */
const MIN_HITS = 3;
const MIN_SHARE = 0.1;
const MIN_LEAD = 2;
/** Words read before stopping once SETTLED_HITS function words are seen, and never more than MAX_WORDS. */
const SETTLED_WORDS = 200;
const SETTLED_HITS = 12;
const MAX_WORDS = 3000;

function maxScore(scores: Float64Array): number {
  let max = 0;
  for (let b = 0; b < scores.length; b++) if (scores[b] > max) max = scores[b];
  return max;
}

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

const UKRAINIAN_LETTERS = /[іїєґ]/;
const PERSIAN_LETTERS = /[پچژگ]/;

/**
 * Language of the text from the words themselves: function words ("the", "les", "und", "los"…) are counted per
 * language from a small self-written list (libs/enrich/data/lexicon.json), a word shared by several languages counting
 * for each a share. Reuses the article's tokens, so it costs one Map lookup per word. Other scripts are named from
 * their letters. Short, mixed or unrecognised text is "und" rather than a guess.
 */
export function detectLanguage(tokens: readonly Token[], infos: readonly WordInfo[], hint?: string): string {
  const scores = new Float64Array(LANGUAGES.length);
  const scripts = new Map<Script, number>();
  let latin = 0;
  let words = 0;
  let sample = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== WORD) continue;
    // a few hundred words settle it; copy that opens with tables or lists of names (results, fixtures, markets) has
    // few function words there, so reading goes on until enough of them are seen or the text ends
    if (++words > SETTLED_WORDS && (words > MAX_WORDS || maxScore(scores) >= SETTLED_HITS)) {
      words--;
      break;
    }
    const code = t.text.charCodeAt(0);
    if (code < 0x250) latin++;
    else {
      const script = scriptOf(code);
      scripts.set(script, (scripts.get(script) ?? 0) + 1);
      if (script !== 'latin' && sample.length < 400) sample += t.lower;
    }
    const mask = infos[i].lang;
    if (!mask) continue;
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    for (let b = 0; b < LANGUAGES.length; b++) if (mask & (1 << b)) scores[b] += 1 / n;
  }
  const hinted = hint?.toLowerCase().split(/[-_]/)[0];
  if (words === 0) return 'und';
  let mainScript: Script = 'latin';
  let mainCount = latin;
  for (const [s, c] of scripts) {
    if (s === 'latin') mainCount += c;
    else if (c > mainCount) [mainScript, mainCount] = [s, c];
  }
  if (mainScript !== 'latin') {
    if (mainCount / words < 0.6) return 'und';
    const byScript = scriptLanguage(mainScript, sample);
    return byScript ?? hinted ?? 'und';
  }
  if (words < MIN_WORDS) return hinted && (LANGUAGES as readonly string[]).includes(hinted) ? hinted : 'und';
  let best = 0;
  let second = -1;
  for (let b = 1; b < scores.length; b++) {
    if (scores[b] > scores[best]) {
      second = best;
      best = b;
    } else if (second < 0 || scores[b] > scores[second]) second = b;
  }
  const top = scores[best];
  const runnerUp = second >= 0 ? scores[second] : 0;
  const confident = top >= MIN_HITS && top / words >= MIN_SHARE && top >= MIN_LEAD * runnerUp;
  if (hinted) {
    const h = (LANGUAGES as readonly string[]).indexOf(hinted);
    // the source's own word stands unless the text clearly says otherwise
    if (h >= 0 && scores[h] >= 0.6 * top) return hinted;
    if (h < 0 && !confident) return hinted;
  }
  return confident ? LANGUAGES[best] : 'und';
}

function scriptLanguage(script: Script, sample: string): string | undefined {
  switch (script) {
    case 'cyrillic':
      return UKRAINIAN_LETTERS.test(sample) ? 'uk' : 'ru';
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

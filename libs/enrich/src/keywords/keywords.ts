import { type Token, WORD } from '../text/tokenizer';
import type { WordInfo } from '../text/word-info';

const MAX_PHRASE_WORDS = 4;

interface Candidate {
  text: string;
  count: number;
  words: number;
  first: number;
}

/** Reused between calls (single-threaded): the candidate table of the current article. */
const candidates = new Map<string, Candidate>();

/**
 * Key phrases, RAKE-style: runs of content words between stop words and punctuation, scored by how often they occur,
 * how long they are and how early they first appear; a phrase inside a better one is not repeated. Names are left
 * to the entities, so keywords say what the story is about in common words.
 */
export function extractKeywords(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  langMask: number,
  max = 8,
): string[] {
  candidates.clear();
  let runStart = -1;
  let prevSeg = tokens.length ? tokens[0].seg : 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    let breaks = i === tokens.length || t.seg !== prevSeg || t.kind !== WORD || t.lower.length < 3;
    // names are the entities' business: a capitalised word inside a sentence ends the phrase
    if (!breaks) breaks = (t.cap && !t.sentStart) || (infos[i].stop & langMask) !== 0;
    if (breaks) {
      if (runStart >= 0) {
        for (let a = runStart; a < i; a += MAX_PHRASE_WORDS) addCandidate(tokens, a, Math.min(i, a + MAX_PHRASE_WORDS));
        runStart = -1;
      }
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

import { PUNCT, type Token, WORD } from '../text/tokenizer';

const MAX_PHRASE_WORDS = 4;

interface Candidate {
  text: string;
  count: number;
  words: number;
  first: number;
  proper: boolean;
}

/**
 * Key phrases, RAKE-style: runs of content words between stop words and punctuation, scored by how often they occur,
 * how long they are and how early they first appear; a phrase inside a better one is not repeated. Names are left
 * to the entities, so keywords say what the story is about in common words.
 */
export function extractKeywords(tokens: readonly Token[], stopwords: ReadonlyMap<string, number>, langMask: number, max = 8): string[] {
  const candidates = new Map<string, Candidate>();
  let runStart = -1;
  let runIsName = false;
  const flush = (end: number): void => {
    if (runStart < 0) return;
    for (let a = runStart; a < end; a += MAX_PHRASE_WORDS) {
      const b = Math.min(end, a + MAX_PHRASE_WORDS);
      addCandidate(tokens, a, b, candidates);
    }
    runStart = -1;
  };
  let prevSeg = tokens.length ? tokens[0].seg : 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.seg !== prevSeg) {
      flush(i);
      prevSeg = t.seg;
    }
    const mask = t.kind === WORD ? stopwords.get(t.lower) : undefined;
    const isStop = mask !== undefined && (mask & langMask) !== 0;
    if (t.kind !== WORD || isStop || t.lower.length < 3 || t.sentStart && isStop) {
      flush(i);
      continue;
    }
    // names and common words do not mix in one phrase; names are the entities' business
    const nameLike = t.cap && !t.sentStart;
    if (runStart >= 0 && nameLike !== runIsName) flush(i);
    if (runStart < 0) {
      runStart = i;
      runIsName = nameLike;
    }
  }
  flush(tokens.length);
  const ranked = [...candidates.values()]
    .filter((c) => c.count >= 2 || c.words >= 2)
    .map((c) => ({ c, score: c.count * (1 + 0.6 * (c.words - 1)) * (c.first < 60 ? 1.3 : 1) }))
    .sort((x, y) => y.score - x.score || x.c.first - y.c.first);
  const out: string[] = [];
  for (const { c } of ranked) {
    const lower = c.text.toLowerCase();
    if (out.some((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()))) continue;
    out.push(c.text);
    if (out.length >= max) break;
  }
  return out;
}

function addCandidate(tokens: readonly Token[], a: number, b: number, candidates: Map<string, Candidate>): void {
  if (b <= a) return;
  // a run of names (not just a capitalised first word) is left to the entities
  let proper = !tokens[a].sentStart || tokens[a].upper;
  for (let k = a; k < b && proper; k++) if (!tokens[k].cap) proper = false;
  if (proper) return;
  const key = b - a === 1 ? tokens[a].lower : joinLower(tokens, a, b);
  const c = candidates.get(key);
  if (c) c.count++;
  else candidates.set(key, { text: key, count: 1, words: b - a, first: a, proper: false });
}

function joinLower(tokens: readonly Token[], a: number, b: number): string {
  let s = tokens[a].lower;
  for (let k = a + 1; k < b; k++) s += ' ' + tokens[k].lower;
  return s;
}

import { type Segment, type Token, WORD } from '../text/tokenizer';

export const MAX_SUMMARY = 300;
/** A first sentence shorter than this gets the next one too, when both fit. */
const SHORT_SENTENCE = 140;

/**
 * "BRUSSELS (AFP) -", "WASHINGTON, Oct 3 (Reuters) -", "PARIS —", "LONDON:" at the start of a lead; in title case
 * only with the agency in brackets: "Berlin (dpa) -", "Paris, 3 mars (AFP) -".
 */
const DATELINE_RE =
  /^\s*(?:[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}(?:,[^()\n]{1,40}?)?\s*(?:\([^)\n]{1,40}\))?|[\p{Lu}][\p{L}\p{M} .'’/-]{1,40}(?:,[^()\n]{1,40}?)?\s*\([^)\n]{1,30}\))\s*(?:[-–—]{1,3}|:)\s*/u;
/** Editors' notes and housekeeping lines: "Eds:", "Editor's note —", "ATTENTION EDITORS", "(Adds quotes)", "UPDATE 2-". */
const EDITORS_NOTE_RE =
  /^\s*(?:eds?\b\s*[:.-]|editor'?s'?\s+note|editors'?\s+note|note\s+to\s+editors|attention\s+editors|advisory\b|corrects?\b|correction\s*[:-]|repeats?\b\s|\((?:adds|updates?|recasts|changes|corrects|rewrites|repeats|fixes|new|writes\s+through|with)\b[^)]*\)|(?:update|refile|rpt|corrected)\s*\d*\s*[-–:])/i;
/** "By Jane Doe", "By Jane Doe, Reuters", "Par Jean Dupont", "Von Hans Meier" */
const BYLINE_RE = /^\s*(?:by|par|von|por|di|door)\s+[\p{Lu}][^.!?]{0,70}$/iu;
const CREDIT_RE = /^\s*(?:©|\(c\)|copyright\b|photo\s*:|image\s*:|read more\b|see also\b)/i;
const WHITESPACE_RE = /[\s\u00a0\u2009\u202f]+/g;

function clean(text: string): string {
  return text.replace(WHITESPACE_RE, ' ').trim();
}

/** Sentences of one segment, cut at the tokens that start a sentence. */
function sentencesOf(seg: Segment, tokens: readonly Token[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = seg.from + 1; i < seg.to; i++) {
    const t = tokens[i];
    if (t.sentStart && t.kind === WORD && endsSentence(tokens, i, seg.from)) {
      // the sentence starts at the opening quote before its first word, if any
      let cut = t.start;
      const prev = tokens[i - 1];
      if (prev.end === t.start && (prev.text === '"' || prev.text === '“' || prev.text === '«' || prev.text === '('))
        cut = prev.start;
      if (cut > start) {
        out.push(clean(seg.text.slice(start, cut)));
        start = cut;
      }
    }
  }
  out.push(clean(seg.text.slice(start)));
  return out.filter((s) => s.length > 0);
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', '»', ']']);
const ENDERS = new Set(['.', '!', '?', '…', '...']);

/**
 * Whether the text before token i ends a sentence: a full stop, question or exclamation mark (closing quotes and
 * brackets skipped) or an abbreviation with its dot ("… in the U.S. The …"). The tokenizer also starts a sentence
 * after a colon, which in "(OTCQX: CBWTF)" is no sentence end.
 */
function endsSentence(tokens: readonly Token[], i: number, from: number): boolean {
  let k = i - 1;
  while (k >= from && tokens[k].kind !== WORD && CLOSERS.has(tokens[k].text)) k--;
  if (k < from) return true;
  const prev = tokens[k];
  return ENDERS.has(prev.text) || (prev.kind === WORD && prev.text.endsWith('.'));
}

/** Prose, not a table or a list: enough words that start lower-case, and not mostly numbers. */
function looksLikeProse(s: string): boolean {
  const words = s.split(/\s+/);
  let lower = 0;
  let numbers = 0;
  for (const w of words) {
    if (/^["“«„'‘(]?\p{Ll}/u.test(w)) lower++;
    else if (/^\(?\d/.test(w)) numbers++;
  }
  return lower >= 0.25 * words.length && numbers <= 0.3 * words.length;
}

/** A whole sentence: long enough, ends with a full stop (or closing quote), starts like a sentence (never mid-word). */
function isSentence(s: string): boolean {
  return (
    s.length >= 25 &&
    /[.!?…"”»)]$/.test(s) &&
    /\p{Ll}/u.test(s) &&
    /^["“«„'‘(¿¡]?[\p{Lu}\p{N}]/u.test(s) &&
    looksLikeProse(s)
  );
}

function clip(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  // no sentence fits: cut at the last clause boundary, marked as cut
  const head = text.slice(0, MAX_SUMMARY - 1);
  const cut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(' – '));
  const end = cut > 120 ? cut : head.lastIndexOf(' ');
  return `${head.slice(0, end).replace(/[,;:\s–-]+$/, '')}…`;
}

/**
 * A teaser of one or two whole sentences, at most 300 characters: from the source's abstract when it has one, else
 * from the lead, skipping editors' notes, bylines, credit lines and the dateline ("BRUSSELS (AFP) -"). Every sentence
 * used starts like one (a capital, a digit or an opening quote), so a summary never starts mid-word.
 */
export function summarize(
  segments: readonly Segment[],
  tokens: readonly Token[],
  abstractSentences?: string[],
): string | undefined {
  const sentences: string[] = [];
  if (abstractSentences?.length) sentences.push(...abstractSentences.map(clean).filter(isSentence));
  else {
    for (const seg of segments) {
      if (seg.index < 0) continue;
      const text = seg.text.trim();
      if (!text || BYLINE_RE.test(text) || CREDIT_RE.test(text) || EDITORS_NOTE_RE.test(text)) continue;
      const parts = sentencesOf(seg, tokens);
      if (sentences.length === 0 && parts.length) parts[0] = parts[0].replace(DATELINE_RE, '');
      for (const p of parts) if (isSentence(p) && !EDITORS_NOTE_RE.test(p)) sentences.push(p);
      if (sentences.length >= 2) break;
    }
  }
  if (sentences.length === 0) return undefined;
  const first = sentences[0];
  if (first.length > MAX_SUMMARY) {
    const fitting = sentences.slice(1, 4).find((s) => s.length <= MAX_SUMMARY);
    return fitting ?? clip(first);
  }
  if (first.length < SHORT_SENTENCE && sentences[1] && first.length + 1 + sentences[1].length <= MAX_SUMMARY) {
    return `${first} ${sentences[1]}`;
  }
  return first;
}

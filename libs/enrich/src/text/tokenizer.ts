/**
 * One pass over each text segment (headline, paragraphs) producing the tokens every enrichment step reads: words
 * (with internal apostrophes, hyphens and abbreviation dots), numbers and punctuation, each with its offsets, its
 * lower-case form, capitalisation flags and whether it starts a sentence. Hand-written scanner: no regex per token.
 */
export const WORD = 1;
export const NUMBER = 2;
export const PUNCT = 3;

export interface Token {
  text: string;
  lower: string;
  kind: number;
  start: number;
  end: number;
  /** segment index: -1 = headline, else paragraph index */
  seg: number;
  /** first letter upper case (also "al-Assad" style particles) */
  cap: boolean;
  /** two or more letters, all upper case */
  upper: boolean;
  /** first token of a sentence */
  sentStart: boolean;
}

export interface Segment {
  index: number;
  text: string;
  /** tokens[from, to) belong to this segment */
  from: number;
  to: number;
}

/** Abbreviations that keep their full stop (the stop does not end the sentence). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cpl',
  'maj',
  'adm',
  'rep',
  'sen',
  'gov',
  'jr',
  'sr',
  'inc',
  'corp',
  'ltd',
  'co',
  'bros',
  'vs',
  'etc',
  'approx',
  'dept',
  'est',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'ave',
  'blvd',
  'hon',
  'rev',
  'messrs',
  'mme',
  'mlle',
  'pp',
  'vol',
  'cf',
  'av',
  'sgt',
  'supt',
  'insp',
  'det',
  'pte',
  'gen',
  'brig',
]);
/** Elided articles and pronouns that end at the apostrophe (French, Italian): l'armée → l' + armée. */
const ELISIONS = new Set(['l', 'd', 'qu', 'n', 's', 'c', 'j', 'm', 't', 'dell', 'all', 'nell', 'sull', 'un', 'dall']);
const NAME_PARTICLE_PREFIXES = ['al-', 'el-', 'ad-', 'as-', 'ash-', 'an-', 'bin-', 'ibn-', 'abu-', "d'"];

/** After "U.S." one of these capitalised words starts a new sentence. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'but',
  'and',
  'in',
  'on',
  'this',
  'that',
  'there',
  'his',
  'her',
  'their',
  'its',
  'after',
  'when',
  'while',
  'however',
  'meanwhile',
  'officials',
  'its',
]);

function letterGroupLength(text: string, from: number): number {
  let i = from;
  while (i < text.length && isLetter(text.charCodeAt(i))) i++;
  return i - from;
}

const LETTER_RE = /[\p{L}\p{M}]/u;
const UPPER_RE = /\p{Lu}/u;

/** Per UTF-16 code unit beyond ASCII: its Unicode properties, looked up once (64 KB, filled as code units occur). */
const KNOWN = 1;
const LETTER = 2;
const UPPER = 4;
const codeUnitClass = new Uint8Array(0x10000);

function classOf(c: number): number {
  let k = codeUnitClass[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (LETTER_RE.test(ch) ? LETTER : 0) | (UPPER_RE.test(ch) ? UPPER : 0);
    codeUnitClass[c] = k;
  }
  return k;
}

/** A letter (or combining mark): ASCII by range, the rest by Unicode property (no string or regex per character). */
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c === 0x2019 || c === 0xa0) return false;
  return (classOf(c) & LETTER) !== 0;
}

/** An upper-case letter. */
function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return (classOf(c) & UPPER) !== 0;
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const isHyphen = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011;

/** What a punctuation token does to the next word: ends the sentence, opens or closes a quote, or neither. */
const OTHER = 0;
/** . ! ? … ... : ; — the next word starts a sentence */
const ENDS_SENTENCE = 1;
/** " “ ” « » „ ' ‘ */
const QUOTE = 2;
/** ( [ ‹ - – — • * -- ) — opening (or closing) marks: whatever came before still holds */
const KEEPS = 3;

/** The role of a punctuation token: its first code unit and its length (only runs of dots or dashes are longer). */
function punctuationRole(c: number, length: number): number {
  if (length > 1) return c === 46 && length === 3 ? ENDS_SENTENCE : c === 45 && length === 2 ? KEEPS : OTHER;
  switch (c) {
    case 46: // .
    case 33: // !
    case 63: // ?
    case 0x2026: // …
    case 58: // :
    case 59: // ;
      return ENDS_SENTENCE;
    case 34: // "
    case 0x201c: // “
    case 0x201d: // ”
    case 0xab: // «
    case 0xbb: // »
    case 0x201e: // „
    case 39: // '
    case 0x2018: // ‘
      return QUOTE;
    case 40: // (
    case 91: // [
    case 0x2039: // ‹
    case 45: // -
    case 0x2013: // –
    case 0x2014: // —
    case 0x2022: // •
    case 42: // *
    case 41: // )
      return KEEPS;
    default:
      return OTHER;
  }
}

function isUpperAt(text: string, i: number): boolean {
  return i < text.length && isUpper(text.charCodeAt(i));
}

/**
 * cap and upper of a word token. The scanner passes what it saw of the word's letters: whether the first is upper
 * case, how many there are and whether any is not upper case.
 */
function classifyWord(t: Token, text: string, firstUpper: boolean, letters: number, notUpper: boolean): void {
  let cap = firstUpper;
  if (!cap && text.length > 3) {
    // "al-Assad", "bin-Salman", "d'Estaing": a lower-case particle before a capitalised name
    const sep = text.charCodeAt(2) === 45 || text.charCodeAt(1) === 39 ? 2 : text.charCodeAt(3) === 45 ? 3 : -1;
    if (sep > 0) {
      for (const prefix of NAME_PARTICLE_PREFIXES) {
        if (t.lower.startsWith(prefix) && isUpperAt(text, prefix.length)) {
          cap = true;
          break;
        }
      }
    }
  }
  t.cap = cap;
  if (cap && text.length >= 2) t.upper = !notUpper && letters >= 2;
}

function makeToken(text: string, lower: string, kind: number, start: number, end: number, seg: number): Token {
  return { text, lower, kind, start, end, seg, cap: false, upper: false, sentStart: false };
}

/** Tokenises one segment, appending to `out`. */
export function tokenizeSegment(text: string, seg: number, out: Token[]): void {
  const n = text.length;
  let i = 0;
  let sentenceNext = true;
  let afterAbbreviation = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b) {
      i++;
      continue;
    }
    if (isLetter(c)) {
      const start = i;
      let dotted = false;
      let groupStart = start;
      // toLowerCase costs even when nothing changes: only words with capitals or non-ASCII letters need it
      let needsLower = (c >= 65 && c <= 90) || c >= 128;
      // what classifyWord needs of the letters, seen here rather than in a second pass over the word
      const firstUpper = isUpper(c);
      let letters = 1;
      let notUpper = !firstUpper;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isLetter(d)) {
          if ((d >= 65 && d <= 90) || d >= 128) needsLower = true;
          letters++;
          if (!notUpper && !isUpper(d)) notUpper = true;
          i++;
          continue;
        }
        if (isDigit(d)) {
          i++;
          continue;
        }
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        const nextIsLetter = next !== 0 && isLetter(next);
        if (isApostrophe(d) && nextIsLetter) {
          // possessive 's ends the word; an elided article ends with the apostrophe; otherwise O'Brien, don't.
          const after = i + 2 < n ? text.charCodeAt(i + 2) : 0;
          if ((next === 115 || next === 83) && !(after !== 0 && isLetter(after))) break;
          if (ELISIONS.has(text.slice(start, i).toLowerCase())) {
            i++;
            break;
          }
          i++;
          continue;
        }
        if (isHyphen(d) && (nextIsLetter || isDigit(next))) {
          i++;
          continue;
        }
        if (d === 46 && nextIsLetter && i - groupStart <= 3 && letterGroupLength(text, i + 1) <= 3) {
          // U.S, EE.UU, p.m: short letter groups joined by dots
          dotted = true;
          i++;
          groupStart = i;
          continue;
        }
        break;
      }
      let end = i;
      let word = text.slice(start, end);
      let abbreviation = false;
      if (i < n && text.charCodeAt(i) === 46) {
        const lower = word.toLowerCase();
        if (dotted || word.length === 1 || ABBREVIATIONS.has(lower)) {
          end = i + 1;
          i++;
          word = text.slice(start, end);
          abbreviation = true;
        }
      }
      const t = makeToken(word, needsLower ? word.toLowerCase() : word, WORD, start, end, seg);
      classifyWord(t, word, firstUpper, letters, notUpper);
      t.sentStart = sentenceNext || (afterAbbreviation && t.cap && SENTENCE_OPENERS.has(t.lower));
      sentenceNext = false;
      afterAbbreviation = abbreviation;
      out.push(t);
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d) || isLetter(d)) i++;
        else if ((d === 44 || d === 46 || d === 58 || d === 47) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i += 2;
        else if (isHyphen(d) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) i++;
        else break;
      }
      const num = text.slice(start, i);
      out.push(makeToken(num, num, NUMBER, start, i, seg));
      sentenceNext = false;
      afterAbbreviation = false;
      continue;
    }
    // punctuation: runs of the same dash or dot are one token
    const start = i;
    i++;
    if (c === 45 || c === 46) while (i < n && text.charCodeAt(i) === c) i++;
    const p = text.slice(start, i);
    out.push(makeToken(p, p, PUNCT, start, i, seg));
    const role = punctuationRole(c, i - start);
    if (role === ENDS_SENTENCE) sentenceNext = true;
    else if (role === QUOTE) {
      // an opening quote (space before, text after) after a comma or colon starts a quoted sentence;
      // a closing quote keeps whatever the punctuation inside it said
      const before = start > 0 ? text.charCodeAt(start - 1) : 32;
      const after = i < n ? text.charCodeAt(i) : 32;
      const opening = (before <= 32 || before === 0xa0 || before === 40) && after > 32 && after !== 0xa0;
      if (opening) {
        const prev = out.length >= 2 ? out[out.length - 2] : undefined;
        if (
          !prev ||
          prev.seg !== seg ||
          (prev.kind === PUNCT && (prev.text === ',' || prev.text === ':' || prev.text === '-' || prev.text === '—'))
        )
          sentenceNext = true;
      }
    } else if (role !== KEEPS) sentenceNext = false;
    afterAbbreviation = false;
  }
}

export interface Tokenized {
  tokens: Token[];
  segments: Segment[];
}

/** Tokenises the headline (segment -1, when present) and every paragraph. */
export function tokenize(headline: string | undefined, paragraphs: readonly string[]): Tokenized {
  const tokens: Token[] = [];
  const segments: Segment[] = [];
  if (headline) {
    const from = tokens.length;
    tokenizeSegment(headline, -1, tokens);
    segments.push({ index: -1, text: headline, from, to: tokens.length });
  }
  for (let p = 0; p < paragraphs.length; p++) {
    const from = tokens.length;
    tokenizeSegment(paragraphs[p], p, tokens);
    segments.push({ index: p, text: paragraphs[p], from, to: tokens.length });
  }
  return { tokens, segments };
}

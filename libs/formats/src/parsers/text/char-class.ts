/**
 * The Unicode properties the text features ask of every character, as bits, so one pass over a block answers what
 * several /u regular expressions used to. Each answer comes from the same regular expression or case mapping it
 * replaces, computed once per UTF-16 unit and kept in a fixed 128 KB table (never more); astral code points, rare in
 * copy, are computed each time.
 */

export const LETTER = 1 << 1; // \p{L}
export const NUMBER = 1 << 2; // \p{N}
export const MARK = 1 << 3; // \p{M}
/** scripts written without spaces: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar */
export const UNSPACED = 1 << 4;
/** the character has case: its lower- and upper-case forms differ */
export const CASED = 1 << 5;
/** the character is its own upper-case form (meaningful with CASED) */
export const UPPER = 1 << 6;
/** whitespace, as \s and trim() mean it */
export const SPACE = 1 << 7;
export const LOWERCASE_LETTER = 1 << 8; // \p{Ll}
export const UPPERCASE_LETTER = 1 << 9; // \p{Lu}

const KNOWN = 1;
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_SPACE = /^\s$/u;
const IS_LOWERCASE_LETTER = /^\p{Ll}$/u;
const IS_UPPERCASE_LETTER = /^\p{Lu}$/u;
const IS_UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

const bmp = new Uint16Array(0x10000);

function compute(ch: string): number {
  let bits = KNOWN;
  if (IS_LETTER.test(ch)) bits |= LETTER;
  if (IS_NUMBER.test(ch)) bits |= NUMBER;
  if (IS_MARK.test(ch)) bits |= MARK;
  if (IS_UNSPACED.test(ch)) bits |= UNSPACED;
  const upper = ch.toUpperCase();
  if (ch.toLowerCase() !== upper) bits |= CASED;
  if (ch === upper) bits |= UPPER;
  if (IS_SPACE.test(ch)) bits |= SPACE;
  if (IS_LOWERCASE_LETTER.test(ch)) bits |= LOWERCASE_LETTER;
  if (IS_UPPERCASE_LETTER.test(ch)) bits |= UPPERCASE_LETTER;
  return bits;
}

/** The bits of one code point (a lone surrogate is a code point of its own, as in /u expressions). */
export function charClass(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = bmp[codePoint];
    if (known !== 0) return known;
    return (bmp[codePoint] = compute(String.fromCharCode(codePoint)));
  }
  return compute(String.fromCodePoint(codePoint));
}

/** The code point at i (a surrogate pair read as one); advance by codePointWidth(cp). */
export function codePointAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return unit;
}

export function codePointWidth(codePoint: number): number {
  return codePoint >= 0x10000 ? 2 : 1;
}

/**
 * Word and character counts, counted from the text itself (never copied from source headers that may disagree).
 * Words: whitespace-separated tokens holding a letter or digit, so "--" and "•" are not words; in scripts written
 * without spaces (Chinese, Japanese) every ideograph or kana counts as one word, as word processors count them.
 * Characters: Unicode code points of the text as published (paragraph breaks included).
 */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const TOKEN = /\S+/g;

export function countWords(text: string): number {
  let words = 0;
  for (const [token] of text.matchAll(TOKEN)) {
    if (!WORD_CHAR.test(token)) continue;
    const unspaced = token.match(UNSPACED_SCRIPT)?.length ?? 0;
    if (unspaced === 0) {
      words += 1;
      continue;
    }
    words += unspaced;
    // letters or digits besides the ideographs (e.g. "2018年") count once more
    if (WORD_CHAR.test(token.replace(UNSPACED_SCRIPT, ''))) words += 1;
  }
  return words;
}

export function countChars(text: string): number {
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // a surrogate pair is one character
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    chars++;
  }
  return chars;
}

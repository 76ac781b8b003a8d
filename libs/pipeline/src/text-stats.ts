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
  // The one-pass count reads surrogate pairs as the code points they are; text with a lone half is left to the
  // patterns, whose reading of it (removing an ideograph between two halves pairs them) is the definition.
  return countWordsInOnePass(text) ?? countWordsByPattern(text);
}

function countWordsByPattern(text: string): number {
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

const SPACE = 1;
const WORD = 2; // a letter or digit
const IDEOGRAPHIC = 4; // Han, Hiragana, Katakana
const KNOWN = 8;
const IS_SPACE = /^\s$/u;
const IS_IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
/** The bits of every UTF-16 unit seen so far: a fixed 64 KB table, filled from the patterns above. */
const BMP = new Uint8Array(0x10000);

function classify(ch: string): number {
  return (
    KNOWN |
    (IS_SPACE.test(ch) ? SPACE : 0) |
    (WORD_CHAR.test(ch) ? WORD : 0) |
    (IS_IDEOGRAPHIC.test(ch) ? IDEOGRAPHIC : 0)
  );
}

/**
 * The same count token by token (a token is a run of non-spaces; see the comment at the top of the file), or
 * undefined for text with a lone surrogate (possible in JSON input, never in decoded bytes).
 */
function countWordsInOnePass(text: string): number | undefined {
  let words = 0;
  let hasWord = false; // the token holds a letter or digit
  let hasOther = false; // … one that is not an ideograph
  let ideographs = 0;
  const endToken = () => {
    if (hasWord) words += ideographs === 0 ? 1 : ideographs + (hasOther ? 1 : 0);
    hasWord = hasOther = false;
    ideographs = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let bits: number;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return undefined;
      bits = classify(text.slice(i, i + 2));
      i++;
    } else {
      bits = BMP[unit] || (BMP[unit] = classify(String.fromCharCode(unit)));
    }
    if (bits & SPACE) {
      endToken();
      continue;
    }
    if (bits & IDEOGRAPHIC) ideographs++;
    if (bits & WORD) {
      hasWord = true;
      if (!(bits & IDEOGRAPHIC)) hasOther = true;
    }
  }
  endToken();
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

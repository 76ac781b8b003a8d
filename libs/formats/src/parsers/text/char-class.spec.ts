import {
  CASED,
  LETTER,
  LOWERCASE_LETTER,
  MARK,
  NUMBER,
  SPACE,
  UNSPACED,
  UPPER,
  UPPERCASE_LETTER,
  charClass,
  codePointAt,
  codePointWidth,
} from './char-class';

/** What each bit stands for, as the patterns the text features were first written with say it. */
const DEFINITIONS: [number, (ch: string) => boolean][] = [
  [LETTER, (ch) => /^\p{L}$/u.test(ch)],
  [NUMBER, (ch) => /^\p{N}$/u.test(ch)],
  [MARK, (ch) => /^\p{M}$/u.test(ch)],
  [
    UNSPACED,
    (ch) =>
      /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u.test(
        ch,
      ),
  ],
  [CASED, (ch) => ch.toLowerCase() !== ch.toUpperCase()],
  [UPPER, (ch) => ch === ch.toUpperCase()],
  [SPACE, (ch) => ch.trim() === ''],
  [LOWERCASE_LETTER, (ch) => /^\p{Ll}$/u.test(ch)],
  [UPPERCASE_LETTER, (ch) => /^\p{Lu}$/u.test(ch)],
];

describe('charClass', () => {
  it('agrees with the Unicode patterns for every UTF-16 unit (a lone surrogate counts as itself)', () => {
    const wrong: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      const bits = charClass(unit);
      for (const [bit, holds] of DEFINITIONS) {
        if (((bits & bit) !== 0) !== holds(ch)) wrong.push(`U+${unit.toString(16)} bit ${bit}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['𝐀', LETTER | UPPERCASE_LETTER],
    ['𠀀', LETTER | UNSPACED],
    ['😀', 0],
    ['𐐨', LETTER | LOWERCASE_LETTER | CASED],
  ])('reads the astral code point %s', (ch, expected) => {
    const cp = ch.codePointAt(0) as number;
    const relevant = LETTER | NUMBER | UNSPACED | CASED | UPPERCASE_LETTER | LOWERCASE_LETTER;
    expect(charClass(cp) & relevant).toBe(expected);
  });
});

describe('codePointAt', () => {
  it('reads a surrogate pair as one code point and a lone half as itself', () => {
    const text = 'a😀\ud800b';
    const seen: number[] = [];
    for (let i = 0; i < text.length;) {
      const cp = codePointAt(text, i);
      seen.push(cp);
      i += codePointWidth(cp);
    }
    expect(seen).toEqual([0x61, 0x1f600, 0xd800, 0x62]);
  });
});

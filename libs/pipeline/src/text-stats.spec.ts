import { countChars, countWords } from './text-stats';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['One.\n\nTwo three.', 3],
    ['The three Baltic states -- Lithuania, Latvia and Estonia -- say', 9],
    ["Macedonia's near-daily 2018 U.S.", 4],
    ['• — … |', 0],
    ['東京で会議', 5],
    ['2018年 東京', 4],
    ['𠀀𠀁 😀 𝐀bc', 3],
    // lone surrogates: a half is no word; an ideograph between two halves leaves them paired, a letter (U+10000)
    ['a\ud800 \udc00 b', 2],
    ['\ud800東\udc00', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('countChars', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(countChars('abc')).toBe(3);
    expect(countChars('a\n\nb')).toBe(4);
    expect(countChars('😀é')).toBe(2);
  });
});

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

import { countWords, featuresOf } from './features';

/** The definition the one-pass count stands for (see features.ts). */
function countWordsByPattern(text: string): number {
  const unspaced =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
  const spaced = text.replace(unspaced, ' ').match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu)?.length ?? 0;
  return spaced + Math.ceil((text.match(unspaced)?.length ?? 0) / 2);
}

const block = (text: string) => ({ index: 0, text, raw: text, runLength: 1, run: 0, listItem: false, quoted: false });

describe('countWords', () => {
  it.each([
    '',
    'One two three.',
    "Macedonia's near-daily 2018 U.S. snake_case -- • …",
    '東京で会議 and ภาษาไทย',
    'é (e + U+0301): cafe\u0301 naïve',
    '𝐀𝐁 𠀀𠀁 😀 \ud800 lone',
    "'quoted' -dash ’tis",
  ])('%j counts as the patterns do', (text) => {
    expect(countWords(text)).toBe(countWordsByPattern(text));
  });
});

describe('featuresOf', () => {
  it('measures words, punctuation, capitals and the sentence end in one pass', () => {
    const f = featuresOf(block('The Quick brown fox, said Ann; it jumped.'));
    expect(f).toMatchObject({ words: 8, chars: 41, endsSentence: true, capitalised: 3 / 8 });
    expect(f.punctuationDensity).toBeCloseTo(3 / 8);
  });

  it.each([
    ['We use cookies to improve your experience on our website.', 'boilerplate'],
    ['Read more', 'boilerplate'],
    ['Watch: the moment the bridge fell', 'teaser'],
    ['Published 3 hours ago', 'metadata'],
    ['12 Comments', 'commentsHeading'],
    ['joe says:', 'commenter'],
  ] as const)('%j is %s', (text, feature) => {
    expect(featuresOf(block(text))[feature]).toBe(true);
  });

  it('finds a Title Case teaser glued to its summary, not a name like McDonald', () => {
    const glued = 'Five Things To Watch As Emerging WR OptionsThe 49ers have three receivers competing this week';
    expect(featuresOf(block(glued)).teaser).toBe(true);
    const name = 'The board met on Monday and McDonald said the plan would go ahead after a long debate';
    expect(featuresOf(block(name)).teaser).toBe(false);
  });
});

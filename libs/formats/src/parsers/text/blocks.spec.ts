import { toBlocks } from './blocks';
import { findStoryRegion, bestRun } from './story-finder';

describe('toBlocks', () => {
  it('keeps each line of scraped text as a block and records the runs of consecutive lines', () => {
    const blocks = toBlocks('Home\nWorld\nSport\n\nA paragraph that stands alone.\n\n> A quoted line\n * a bullet');
    expect(blocks.map((b) => [b.text, b.runLength, b.quoted, b.listItem])).toEqual([
      ['Home', 3, false, false],
      ['World', 3, false, false],
      ['Sport', 3, false, false],
      ['A paragraph that stands alone.', 1, false, false],
      ['A quoted line', 2, true, false],
      ['a bullet', 2, false, true],
    ]);
  });

  it('joins fixed-width wrapped lines into one paragraph but never a list of short lines', () => {
    const wrapped = [
      'Harbour masters in Yarmouth and Shelburne said most of the fleet was',
      'tied up by mid-afternoon, and that crews had moved traps to deeper',
      'water where they were less likely to be damaged by heavy seas.',
    ].join('\n');
    expect(toBlocks(wrapped).map((b) => b.text)).toEqual([
      'Harbour masters in Yarmouth and Shelburne said most of the fleet was tied up by mid-afternoon, and that crews had moved traps to deeper water where they were less likely to be damaged by heavy seas.',
    ]);
    expect(toBlocks('Markets\nWorld news\nPolitics')).toHaveLength(3);
  });

  it('turns non-breaking and other odd spaces into plain ones', () => {
    expect(toBlocks('BRUSSELS (AFP)\u00a0-\u00a0\u200b')[0].text).toBe('BRUSSELS (AFP) -');
  });
});

describe('story region', () => {
  it('bestRun finds the maximum-sum stretch', () => {
    expect(bestRun([-5, 3, 4, -2, 6, -20, 5])).toEqual({ start: 1, end: 4, total: 11 });
    expect(bestRun([-1, -2])).toBeUndefined();
  });

  it('skips menus and teasers around the prose and stops at reader comments', () => {
    const prose = (n: number) =>
      `Paragraph ${n} reports what officials said on Tuesday about the plan, which would cost more than expected, and why critics object to it.`;
    const text = [
      'Home\nWorld\nBusiness\nSport',
      'Read more',
      prose(1),
      prose(2),
      'Advertisement',
      prose(3),
      '3 Comments',
      'reader1 says:',
      prose(4),
      'reader2 says:',
      prose(5),
    ].join('\n\n');
    const region = findStoryRegion(toBlocks(text));
    const texts = region!.blocks.slice(region!.start, region!.end + 1).map((b) => b.text);
    expect(texts[0]).toMatch(/^Paragraph 1/);
    expect(texts[texts.length - 1]).toMatch(/^Paragraph 3/);
  });
});

import { tokenize } from '../text/tokenizer';
import { MAX_SUMMARY, summarize } from './summary';

const summaryOf = (paragraphs: string[], headline?: string): string | undefined => {
  const doc = tokenize(headline, paragraphs);
  return summarize(doc.segments, doc.tokens);
};

describe('summarize', () => {
  it('strips the dateline and takes the lead sentence', () => {
    expect(
      summaryOf([
        'WASHINGTON, Oct 3 (Reuters) - The Senate passed the bill on Tuesday after a long debate. It now goes to the House.',
      ]),
    ).toBe('The Senate passed the bill on Tuesday after a long debate. It now goes to the House.');
  });

  it('skips bylines and credit lines, and does not cut at "U.S." or "Mr."', () => {
    expect(
      summaryOf([
        'By Jane Doe',
        'Photo: AFP',
        'Mr. Smith told the U.S. Congress on Monday that the programme had worked well for years and should continue.',
      ]),
    ).toBe(
      'Mr. Smith told the U.S. Congress on Monday that the programme had worked well for years and should continue.',
    );
  });

  it('adds a second sentence only when both fit in 300 characters', () => {
    const first = 'The storm hit the coast on Sunday, flooding towns.';
    const long = `Officials said ${'the damage was extensive and '.repeat(10)}would take months to repair.`;
    expect(summaryOf([`${first} ${long}`])).toBe(first);
  });

  it('never exceeds 300 characters, even when the lead sentence is longer', () => {
    const lead = `The government said ${'that the reform, which was debated for months, '.repeat(8)}would pass.`;
    const s = summaryOf([lead])!;
    expect(s.length).toBeLessThanOrEqual(MAX_SUMMARY);
    expect(s.endsWith('…')).toBe(true);
  });

  it('returns undefined when there is no sentence', () => {
    expect(summaryOf(['© 2018 AFP'])).toBeUndefined();
  });

  it.each<[string, string[], string]>([
    [
      "an editors' note",
      [
        'Eds: Updates with police statement. Moves on general news.',
        'The fire started shortly after midnight in a warehouse near the port.',
      ],
      'The fire started shortly after midnight in a warehouse near the port.',
    ],
    [
      "an editor's note in AP style",
      [
        "EDITOR'S NOTE — This story contains language some readers may find offensive.",
        'The senator apologised on Tuesday for remarks made at a fundraiser last week.',
      ],
      'The senator apologised on Tuesday for remarks made at a fundraiser last week.',
    ],
    [
      'a Reuters housekeeping line',
      [
        '(Adds analyst comment, updates shares)',
        'Shares in the carmaker fell 6 percent after it cut its profit forecast for the year.',
      ],
      'Shares in the carmaker fell 6 percent after it cut its profit forecast for the year.',
    ],
    [
      'a byline in capitals and a title-case dateline with the agency',
      [
        'By JANE DOE, Associated Press',
        'Berlin (dpa) - Die Regierung hat am Montag ein neues Gesetz zur Rente beschlossen.',
      ],
      'Die Regierung hat am Montag ein neues Gesetz zur Rente beschlossen.',
    ],
    [
      'a lead cut mid-word',
      [
        'ncreased by 4 percent in the year to March, the office said',
        'Prices in the shops rose faster than wages again last month, official figures showed.',
      ],
      'Prices in the shops rose faster than wages again last month, official figures showed.',
    ],
  ])('never starts with %s', (_, paragraphs, expected) => {
    expect(summaryOf(paragraphs)).toBe(expected);
  });

  it('does not cut a sentence at a colon inside brackets', () => {
    expect(
      summaryOf([
        'Brightwater Farms Inc. (TSX.V: BWF) (OTCQX: BWFFF) has issued an additional $3 million of convertible notes, the company said.',
      ]),
    ).toBe(
      'Brightwater Farms Inc. (TSX.V: BWF) (OTCQX: BWFFF) has issued an additional $3 million of convertible notes, the company said.',
    );
  });

  it('gives no summary of a results table', () => {
    expect(
      summaryOf([
        'BASEBALL TOP TEN NATIONAL LEAGUE G AB R H Pct. Baez, Chicago, 21; Arenado, Colorado, 20; 9 tied at 19.',
      ]),
    ).toBeUndefined();
  });
});

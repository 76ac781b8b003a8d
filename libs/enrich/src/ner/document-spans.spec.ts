import { tokenize } from '../text/tokenizer';
import { isTableRow } from './document-spans';

describe('isTableRow', () => {
  it.each([
    ['1. Liverpool 20 15 4 1 45 12 49', true],
    ['Liverpool 2 Arsenal 1', true],
    ['Lyon 3-1 Nice', true],
    ['In 2020 and 2021 the club won the league in Paris', false],
    ['Liverpool beat Arsenal on Sunday', false],
  ])('%s → %s', (text, expected) => {
    const doc = tokenize(undefined, [text]);
    expect(isTableRow(doc, 0, doc.tokens.length)).toBe(expected);
  });
});

import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWire } from '../../parse';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/text');

describe('plain text with several tables', () => {
  const [item] = parseWire(readFileSync(join(FIXTURES, 'results-tables.txt')), { format: 'text' }).items;

  it('keeps every table row for row, the headings between them and the text after them', () => {
    expect(item.headline).toBe('Harbour League: results and standings after round 9');
    expect(item.body.map((b) => b.kind)).toEqual(['p', 'p', 'table', 'p', 'table', 'p']);
    expect(item.body[2].rows).toHaveLength(3);
    expect(item.body[4].rows?.[0]).toEqual(['Team', 'P', 'W', 'D', 'L', 'Pts']);
    expect(item.body[4].rows).toHaveLength(5);
    expect(item.body[5].text).toBe('The next round starts on Friday night at Harbour Park.');
  });

  it('reflows the wrapped opening paragraph', () => {
    expect(item.body[0].text).toMatch(/Saturday with a 3-1 win over Eastport, while Westmead climbed/);
  });
});

import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWire } from '../../parse';

/** Issue 11 defect classes on ANPA 1312 copy as agencies really send it (invented copy, real structure). */
const FIXTURES = join(__dirname, '../../../../../test/fixtures/anpa1312');
const parse = (name: string) => parseWire(readFileSync(join(FIXTURES, name)), { filename: name });

describe('ANPA 1312 as agencies send it', () => {
  it('never takes a selector or slug line as the headline, and keeps every ^ line of a headline list', () => {
    const { format, items } = parse('ap-style-headline-list.anpa');
    expect(format).toBe('anpa1312');
    expect(items[0].headline).toBe('AP Top Science News at 9:05 a.m. EDT');
    expect(items[0].body.map((b) => b.text)).toEqual([
      'Comet dust found in Antarctic snow, scientists say',
      'Deep-sea vents host unknown shrimp species',
      'Rover finds layered rock in dry lake bed',
      'Volunteers count 12,000 migrating cranes',
    ]);
    expect(items[0].versionCreated).toBe('2022-03-14T13:05:00Z');
  });

  it('gives an alert whose only text is its body that text as headline, after its dateline', () => {
    const [item] = parse('ap-style-alert.anpa').items;
    expect(item.headline).toBe("Portugal's parliament approves new coastal protection law after all-night session.");
    expect(item.located).toBe('Lisbon, Portugal');
    expect(item.body).toHaveLength(1);
  });

  it('reads plain header lines, reflows wrapped text, drops "==Kyodo", reads ½ and a local trailer time', () => {
    const [item] = parse('kyodo-style-plain-header.anpa').items;
    expect(item.headline).toBe('Sumo: Yokozuna Hakuryu wins 9th title with a day to spare');
    expect(item.located).toBe('Tokyo');
    expect(item.body.map((b) => b.text)).toEqual([
      'Yokozuna Hakuryu clinched his ninth top-division championship on Sunday, beating ozeki Tamanoumi with an overarm throw at Ryogoku Kokugikan.',
      'The 31-year-old finished the day 2½ wins clear of the chasing pack and will go for a perfect record on the final day.',
      '"I kept my focus from the first day," Hakuryu said.',
    ]);
    // 18:42 in Tokyo on 15 September (the dateline says Sept. 15, so 15-09 is day-month)
    expect(new Date(item.versionCreated!).toISOString()).toBe('2019-09-15T09:42:00.000Z');
  });

  it('keeps a delimited table row for row with its heading row, the legend line by line, and drops END', () => {
    const [item] = parse('ap-style-weather-table.anpa').items;
    expect(item.headline).toBe('City Temperatures-Celsius');
    expect(item.located).toBe('New York');
    const table = item.body.find((b) => b.kind === 'table');
    expect(table?.rows).toEqual([
      ['', 'HI', 'LO', 'COND'],
      ['Accra', '31', '24', 'rn'],
      ['Bergen', '14', '8', 'cdy'],
      ['Cusco', '19', '3', 'clr'],
      ['Durban', '23', '15', 'pc'],
    ]);
    expect(item.body.slice(-3).map((b) => b.text)).toEqual([
      'clr - clear',
      'cdy - cloudy',
      'Source: Invented Weather Service',
    ]);
  });
});

import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWire } from '../../parse';

/** Issue 11 defect classes on IPTC 7901 and ZCZC telex copy (invented copy, real structure). */
const FIXTURES = join(__dirname, '../../../../../test/fixtures/iptc7901');
const parse = (name: string) => parseWire(readFileSync(join(FIXTURES, name)), { filename: name });

describe('IPTC 7901 and telex copy as agencies send it', () => {
  it('keeps service lines in capitals out of the headline and reads a German month in the stamp', () => {
    const [item] = parse('dpa-style-german-stamp.txt').items;
    expect(item.headline).toBe('Rhine shipping resumes as water levels rise');
    expect(item.edNote).toContain('3RD NET');
    expect(item.edNote).toContain('Adds figures from the river authority');
    expect(item.versionCreated).toBe('2019-03-05T16:42:00Z');
    const text = item.body.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/not intended for publication|Editorial contacts|dpa ab cd|051642/);
  });

  it('reads ZCZC framing: routing line and ":" head block out, every runner of a race field kept', () => {
    const { format, items } = parse('aap-style-zczc-race-field.txt');
    expect(format).toBe('iptc7901');
    const [item] = items;
    expect(item.headline).toBe('Ascot Vale MARKET DAY');
    expect(item.slugline).toBe('POTTED');
    expect(item.located).toBe('Melbourne');
    const lines = item.body.map((b) => b.text);
    expect(lines[0]).toBe("Latest betting for tomorrow's Ascot Vale meeting.-");
    expect(lines).toContain('12.00 Copper Kite, Tall Story');
    expect(lines).toContain('21.00 Bellhop');
    expect(lines).toContain('15.00 Paper Moon, Lucky Eight, Old Rope');
    expect(lines.join(' ')).not.toMatch(/ZCZC|YY TDR|NNNN|:POTTED/);
  });

  it('keeps every table of a multi-section message, with its heading row and section headings', () => {
    const [item] = parse('aap-style-zczc-tables.txt').items;
    expect(item.headline).toBe('Premierships Country gallop Trainers 2021-2022');
    expect(item.body[0].text).toBe('Trainer premierships 2021-22 for Ballarat and Bendigo.');
    const tables = item.body.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[1].rows).toEqual([
      ['', 'Wins', '2nds', '3rds'],
      ['R Quill', '35', '28', '30'],
      ['Tess Hardy', '30', '31', '22'],
      ['J Amos (a)', '18-1/2', '20', '17'],
    ]);
    expect(item.body.filter((b) => b.text === 'LEADING TRAINERS')).toHaveLength(2);
    expect(item.body.map((b) => b.text)).toEqual(expect.arrayContaining(['BALLARAT', 'BENDIGO']));
  });

  it('reports a stamp it cannot read instead of dating the story now', () => {
    const raw =
      'eca0001 3 i 20  dpa 0001\n\nTest/\nA headline for the desk =\n\nOne line of text.\n\n991199 GMT Dez 18\n';
    const [item] = parseWire(Buffer.from(raw)).items;
    expect(item.versionCreated).toBeUndefined();
    expect(item.edNote).toContain('could not be read');
  });
});

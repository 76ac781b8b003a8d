import { stripShortcodes } from './shortcodes';
import { segmentTables, tableBlock, tableRows } from './tables';

describe('tables in running text', () => {
  it('finds a space-aligned table with a heading row over the figure columns only', () => {
    const segments = segmentTables([
      'Leading riders after the season:',
      '',
      '                  Wins    2nds',
      'A Rider           12      9',
      'B Longer Name     7-1/2   11',
      '',
      'More text follows.',
    ]);
    expect(segments.map((s) => s.kind)).toEqual(['lines', 'table', 'lines']);
    const table = segments[1];
    expect(table.kind === 'table' && table.block.rows).toEqual([
      ['', 'Wins', '2nds'],
      ['A Rider', '12', '9'],
      ['B Longer Name', '7-1/2', '11'],
    ]);
  });

  it('reads delimited and tab-separated tables', () => {
    expect(tableRows(['City;Hi;Lo', 'Oslo;12;3', 'Rome;24;15'])).toEqual([
      ['City', 'Hi', 'Lo'],
      ['Oslo', '12', '3'],
      ['Rome', '24', '15'],
    ]);
    expect(tableRows(['Oslo\t12\t3', 'Rome\t24\t15'])).toEqual([
      ['Oslo', '12', '3'],
      ['Rome', '24', '15'],
    ]);
  });

  it('keeps lines preformatted, row for row, when columns cannot be matched safely', () => {
    const block = tableBlock(['  A      1      2', '  B-longer-cell      10  20   30   40']);
    expect(block.kind).toBe('pre');
    expect(block.text).toBe('A      1      2\nB-longer-cell      10  20   30   40');
  });

  it('leaves prose alone, however many figures it holds', () => {
    const prose = ['He scored 30 points.  Then he left.  It was late, after 11.', 'The score was 3-1 at half time.'];
    expect(segmentTables(prose)).toEqual([{ kind: 'lines', lines: prose }]);
  });

  it('never needs a second line to keep a line: every input line is in exactly one segment', () => {
    const lines = ['a', 'X  1  2', 'Y  3  4', '', 'b', 'c;1;2', 'd'];
    const out = segmentTables(lines).flatMap((s) => s.lines);
    expect(out).toEqual(lines);
  });
});

describe('shortcodes', () => {
  it('keeps what a paired shortcode wraps and drops lone media shortcodes', () => {
    expect(stripShortcodes('[dropcap]T[/dropcap]he river rose. [gallery ids="1,2"]')).toBe('The river rose. ');
  });

  it('leaves bracketed text that is no shortcode as written', () => {
    const text = '[UPDATE 1] Talks resume [sic] after [1] recess';
    expect(stripShortcodes(text)).toBe(text);
  });
});

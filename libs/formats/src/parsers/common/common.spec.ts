import { tableText } from './blocks';
import { photographerOf, splitCaptionCredit } from './captions';
import { toIsoDateTime } from './dates';
import { htmlToBlocks } from './html';
import { expandQcode, subjectCodeFromNumber } from './subjects';
import { isTabularLine, splitTelexMessages, telexLinesToBlocks } from './telex';
import { normalizeSpace, placeCase, signalsFromText } from './text';

describe('toIsoDateTime', () => {
  it.each([
    ['2024-01-30T10:15:00+01:00', '2024-01-30T10:15:00+01:00'],
    ['2018-10-12T06:42:04Z ', '2018-10-12T06:42:04Z'],
    ['20240130T101500Z', '2024-01-30T10:15:00Z'],
    ['20240130T101500+0100', '2024-01-30T10:15:00+01:00'],
    ['20240130', '2024-01-30T00:00:00Z'],
    ['2024-01-30T10:15', '2024-01-30T10:15:00Z'],
    ['Tue, 30 Jan 2024 09:03:55 +0000', '2024-01-30T09:03:55Z'],
    ['Wed, 31 Jan 2024 21:15:00 GMT', '2024-01-31T21:15:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(toIsoDateTime(input)).toBe(expected);
  });

  it('gives undefined for impossible or unreadable dates', () => {
    for (const bad of ['2024-02-30T00:00:00Z', '20241340', 'yesterday', '', '4/4/2018', '99999999T999999Z']) {
      expect(toIsoDateTime(bad)).toBeUndefined();
    }
  });
});

describe('captions', () => {
  it('splits the credit shapes agencies use', () => {
    expect(splitCaptionCredit('A man walks. (AP Photo/Evan Vucci)')).toEqual({
      caption: 'A man walks.',
      credit: 'AP Photo/Evan Vucci',
      by: 'Evan Vucci',
    });
    expect(splitCaptionCredit('© AFP/File | Britain and Denmark have committed resources')).toEqual({
      caption: 'Britain and Denmark have committed resources',
      credit: 'AFP/File',
      by: undefined,
    });
    expect(splitCaptionCredit('Protesters in Paris (AFP PHOTO / JOHN THYS)')).toMatchObject({
      credit: 'AFP PHOTO / JOHN THYS',
      by: 'John Thys',
    });
    expect(splitCaptionCredit('Workers at a plant in Sunderland. REUTERS/Phil Noble')).toMatchObject({
      credit: 'REUTERS/Phil Noble',
      by: 'Phil Noble',
    });
    expect(splitCaptionCredit('A quiet street in Rome.')).toEqual({ caption: 'A quiet street in Rome.' });
  });

  it('finds no photographer in agency-only credits', () => {
    expect(photographerOf('AFP/File')).toBeUndefined();
    expect(photographerOf('Getty Images')).toBeUndefined();
    expect(photographerOf('Spencer Platt/Getty Images')).toBe('Spencer Platt');
  });
});

describe('text helpers', () => {
  it('normalises odd spaces and drops zero-width characters and controls', () => {
    expect(normalizeSpace('a\u00a0b\u2009c\u200bd\u0007 \n e')).toBe('a b cd e');
  });

  it('puts shouted place names in place case and leaves others alone', () => {
    expect(placeCase('NEW YORK')).toBe('New York');
    expect(placeCase("N'DJAMENA")).toBe("N'Djamena");
    expect(placeCase('GROSSETO, Italy')).toBe('Grosseto, Italy');
    expect(placeCase('McAllen')).toBe('McAllen');
  });

  it('reads signals from take keys and notes', () => {
    expect(signalsFromText('1st Ld-Writethru')).toEqual(['writethru', 'update']);
    expect(signalsFromText('CORRECTS spelling of name')).toEqual(['correction']);
    expect(signalsFromText('Note to editors: embargoed')).toEqual([]);
  });
});

describe('subjects', () => {
  it('expands IPTC qcodes and old subject code numbers', () => {
    expect(expandQcode('medtop:20000763')).toBe('http://cv.iptc.org/newscodes/mediatopic/20000763');
    expect(expandQcode('subj:15000000')).toBe('http://cv.iptc.org/newscodes/subjectcode/15000000');
    expect(expandQcode('acme:x')).toBeUndefined();
    expect(expandQcode('acme:x', { acme: 'http://cv.acme.invalid/' })).toBe('http://cv.acme.invalid/x');
    expect(subjectCodeFromNumber('15007000', 'baseball')).toEqual({
      code: 'subj:15007000',
      name: 'baseball',
      uri: 'http://cv.iptc.org/newscodes/subjectcode/15007000',
    });
    expect(subjectCodeFromNumber('1500')).toBeUndefined();
  });
});

describe('HTML fragments', () => {
  it('decodes every HTML entity and keeps structure', () => {
    expect(
      htmlToBlocks('<p>Caf&eacute;&nbsp;&#150; d&eacute;j&agrave; vu</p><ul><li>one</li><li>two</li></ul>'),
    ).toEqual([
      { kind: 'p', text: 'Café – déjà vu' },
      { kind: 'li', text: 'one' },
      { kind: 'li', text: 'two' },
    ]);
  });

  it('drops scripts and styles', () => {
    expect(htmlToBlocks('<script>alert(1)</script><style>p{}</style><p>Text</p>')).toEqual([
      { kind: 'p', text: 'Text' },
    ]);
  });
});

describe('telex text', () => {
  it('splits a stream at SOH and reads head, text and trailer', () => {
    const messages = splitTelexMessages(
      '\u0016\u0016\u0001head\r\n\u0002body line\r\n\u0003trailer\u0004\u0001second\nx\n',
      1,
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ head: ['head'], text: ['body line', ''], trailer: ['trailer'], framed: true });
    expect(messages[1]).toMatchObject({ head: ['second'], text: ['x', ''], framed: false });
  });

  it('tells agate from prose', () => {
    expect(isTabularLine('Boston      44  39  .530  8')).toBe(true);
    expect(isTabularLine('New York\t52\t30')).toBe(true);
    expect(isTabularLine('He scored 30 points.  Then he left.  It was late, after 11.')).toBe(false);
  });

  it('joins wrapped lines, splits at blank lines, aligns tables', () => {
    const blocks = telexLinesToBlocks(
      [
        'The first line of a paragraph that the sender wrapped at a fixed',
        'width, as telex copy is.',
        'A line of its own.',
        '',
        'A  1  2',
        'B  10  20',
        '',
        'Last.',
      ],
      { indentStartsParagraph: false },
    );
    expect(blocks).toEqual([
      { kind: 'p', text: 'The first line of a paragraph that the sender wrapped at a fixed width, as telex copy is.' },
      { kind: 'p', text: 'A line of its own.' },
      {
        kind: 'table',
        text: 'A  1   2\nB  10  20',
        rows: [
          ['A', '1', '2'],
          ['B', '10', '20'],
        ],
      },
      { kind: 'p', text: 'Last.' },
    ]);
    expect(
      tableText([
        ['a', 'bb'],
        ['ccc', 'd'],
      ]),
    ).toBe('a    bb\nccc  d');
  });
});

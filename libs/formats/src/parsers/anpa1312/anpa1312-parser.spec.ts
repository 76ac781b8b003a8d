import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCode } from '@wiredesk/contracts';
import type { ParseInput } from '../parser';
import { iptc7901Parser } from '../iptc7901/iptc7901-parser';
import { anpa1312Parser } from './anpa1312-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/anpa1312');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('latin1'), bytes, filename: name };
}

describe('anpa1312Parser', () => {
  it('sniffs ANPA by its SYN SYN SOH framing, or by its header lines when the controls were stripped', () => {
    expect(anpa1312Parser.sniff(input('ap-style-stream.anpa'))).toBeGreaterThan(0.9);
    expect(anpa1312Parser.sniff(input('ap-style-control-chars-stripped.txt'))).toBeGreaterThan(0.5);
    expect(iptc7901Parser.sniff(input('ap-style-stream.anpa'))).toBe(0);
  });

  describe('a stream of three messages', () => {
    const items = anpa1312Parser.parse(input('ap-style-stream.anpa'));

    it('gives one item per message', () => {
      expect(items.map((i) => i.headline)).toEqual([
        'Adebayo scores 31, Heat rally past Magic 112-104',
        'American League standings',
        'Stock market closing figures',
      ]);
    });

    it('reads the header: priority as urgency, slug, take key as note and signals, declared word count', () => {
      const [story] = items;
      expect(story.urgency).toBe(5);
      expect(story.slugline).toBe('BC-BKN--Heat-Magic');
      // the photo line is for the desk: kept in the note, never in the text
      expect(story.edNote).toBe(
        '1st Ld-Writethru. AP Photo FLMH101, FLMH102. Eds: Updates with quotes, details. With AP Photos.',
      );
      expect(story.signals).toEqual(['writethru', 'update']);
      // the header says 520 words, the ^ slug line 498: the header value is kept only as declared
      expect(story.declaredWordCount).toBe(520);
      expect(story.versionCreated).toBe('2024-01-30T04:12:00Z');
      expect(items[1].urgency).toBe(3);
    });

    it('reads byline with title, summary, dateline, and indented paragraphs with TTS typography', () => {
      const [story] = items;
      expect(story.byline).toBe('JORDAN PETERS, AP Sports Writer');
      expect(story.dateline).toBe('MIAMI (AP) —');
      expect(story.located).toBe('Miami');
      expect(story.agency).toBe('AP');
      expect(story.abstract).toBeUndefined(); // the ^ summary repeats the lead paragraph
      expect(story.body.map((b) => b.text)).toEqual([
        'Bam Adebayo scored 31 points and grabbed 12 rebounds, and the Miami Heat rallied from 15 points down in the second half to beat the Orlando Magic 112-104 on Monday night.',
        'Tyler Herro added 22 points for Miami, which outscored Orlando 34-18 in the fourth quarter.',
        '“We just kept believing,” Adebayo said. “Nobody panicked.”',
        'Paolo Banchero led the Magic with 27 points — his fifth straight game with at least 25 — and Franz Wagner had 19.',
        'UP NEXT',
        'Magic: Host Boston on Wednesday.',
        'Heat: At Milwaukee on Thursday.',
      ]);
    });

    it('keeps tab-separated agate as a table with its heading row', () => {
      const table = items[1].body.find((b) => b.kind === 'table');
      expect(table?.rows).toEqual([
        ['East', 'W', 'L', 'Pct', 'GB'],
        ['New York', '52', '30', '.634', '_'],
        ['Baltimore', '50', '32', '.610', '2'],
        ['Boston', '44', '39', '.530', '8 1/2'],
      ]);
      expect(table?.text.split('\n')[2]).toBe('Baltimore  50  32  .610  2');
      expect(items[1].body[items[1].body.length - 1].text).toBe(
        'Standings are unofficial until confirmed by the league.',
      );
    });

    it('keeps a DC2 (tabular) message as a table, row for row, columns intact', () => {
      expect(items[2].body).toEqual([
        {
          kind: 'table',
          text: 'Index    Close      Chg\nDow      38,150.30  -317.01\nS&P 500  4,845.65   -79.32\nNasdaq   15,164.01  -345.89',
          rows: [
            ['Index', 'Close', 'Chg'],
            ['Dow', '38,150.30', '-317.01'],
            ['S&P 500', '4,845.65', '-79.32'],
            ['Nasdaq', '15,164.01', '-345.89'],
          ],
        },
      ]);
    });
  });

  it('reads the same message after a relay stripped its control characters', () => {
    const [item] = anpa1312Parser.parse(input('ap-style-control-chars-stripped.txt'));
    expect(item.headline).toBe('Adebayo scores 31, Heat rally past Magic 112-104');
    expect(item.byline).toBe('JORDAN PETERS, AP Sports Writer');
    expect(item.body).toHaveLength(7);
    expect(item.versionCreated).toBe('2024-01-30T04:12:00Z');
  });

  it('refuses a stream with no message', () => {
    const text = '\u0016\u0016\u0001\u0004';
    expect(() => anpa1312Parser.parse({ text, bytes: Buffer.from(text) })).toThrow(
      expect.objectContaining({ code: ErrorCode.NO_CONTENT }),
    );
  });
});

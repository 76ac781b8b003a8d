import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCode } from '@wiredesk/contracts';
import type { ParseInput } from '../parser';
import { iptc7901Parser } from './iptc7901-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/iptc7901');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

describe('iptc7901Parser', () => {
  it('sniffs the SOH header line', () => {
    expect(iptc7901Parser.sniff(input('dpa-style-stream.txt'))).toBeGreaterThan(0.9);
    const stripped = 'eca0124 3 i 93  dpa 1888\n\nYemen/conflict/\n';
    expect(iptc7901Parser.sniff({ text: stripped, bytes: Buffer.from(stripped) })).toBeGreaterThan(0.5);
    expect(iptc7901Parser.sniff({ text: 'Hello world', bytes: Buffer.from('Hello world') })).toBe(0);
  });

  describe('a dpa-style stream of two messages', () => {
    const [story, results] = iptc7901Parser.parse(input('dpa-style-stream.txt'));

    it('reads the header and the head block: slug, take key, headline, byline', () => {
      expect(story.urgency).toBe(3);
      expect(story.declaredWordCount).toBe(240);
      expect(story.slugline).toBe('Germany/economy/labour');
      expect(story.headline).toBe('German unemployment rises more than expected in January');
      expect(story.byline).toBe('Anna Schmidt, dpa');
      expect(story.signals).toEqual(['update']);
      expect(story.altIds).toEqual([{ role: 'iptc7901-message-number', value: 'eca0215' }]);
    });

    it('joins wrapped lines into paragraphs and lifts the dateline', () => {
      expect(story.dateline).toBe('Nuremberg (dpa) -');
      expect(story.located).toBe('Nuremberg');
      expect(story.agency).toBe('dpa');
      expect(story.body.map((b) => b.text)).toEqual([
        'Unemployment in Germany rose more than expected in January as the weak economy weighed on the labour market, the Federal Employment Agency said on Tuesday.',
        'The number of people out of work climbed by 229,000 to 2.9 million, the agency said in the southern city of Nuremberg. Economists had expected an increase of around 200,000.',
        '"The labour market is feeling the economic weakness," agency head Andrea Nahles said.',
      ]);
    });

    it('keeps notes to editors out of the body, drops what is not for publication, reads the stamp', () => {
      // what is left out on purpose is said, never silently dropped
      expect(story.edNote).toBe(
        '1ST LEAD. adds economist comment in paragraph 3. Notes marked not for publication (editorial contacts) left out',
      );
      expect(story.body.some((b) => /Editing by|Notebook|dpa as pw/.test(b.text))).toBe(false);
      expect(story.versionCreated).toBe('2024-01-30T12:05:00Z');
    });

    it('keeps results agate as an aligned table', () => {
      expect(results.headline).toBe('Bundesliga results');
      expect(results.body[0].text).toBe('Results from the Bundesliga on Saturday:');
      expect(results.body[1].kind).toBe('table');
      expect(results.body[1].rows?.[2]).toEqual(['Bayer Leverkusen', '2', 'Mönchengladbach', '0']);
      expect(results.body[1].text.split('\n')[0]).toBe('Bayern Munich      3  Augsburg         1');
      expect(results.versionCreated).toBe('2024-01-27T17:30:00Z');
    });
  });

  it('reads a message without STX whose paragraphs are indented, ending in NNNN', () => {
    const [item] = iptc7901Parser.parse(input('ansa-style-indented-no-stx.txt'));
    expect(item.urgency).toBe(2);
    expect(item.slugline).toBe('Italy/economy');
    expect(item.edNote).toBe('URGENT');
    expect(item.headline).toBe('Italian inflation slows to 0.8 pct in January');
    expect(item.dateline).toBe('ROME, Jan 31 (ANSA) -');
    expect(item.located).toBe('Rome');
    expect(item.body.map((b) => b.text)).toEqual([
      'Italian consumer price inflation slowed to 0.8% in January from 0.6% in December, national statistics office ISTAT said on Wednesday.',
      'Energy prices fell 20.5% year on year, ISTAT said, while food prices rose 5.6%.',
      'Core inflation, which excludes energy and fresh food, eased to 2.7%.',
    ]);
  });

  it('refuses a stream with no message', () => {
    const text = '\u0001\u0003\u0004';
    expect(() => iptc7901Parser.parse({ text, bytes: Buffer.from(text) })).toThrow(
      expect.objectContaining({ code: ErrorCode.NO_CONTENT }),
    );
  });
});

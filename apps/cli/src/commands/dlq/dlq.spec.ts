import { parseTime } from '../../flags';
import { matchesFilter, parsePosition, rejectKey, replayHeaders, type DeadLetter } from './dead-letter.model';
import { parseDlqFlags } from './dlq.flags';
import { formatTable, preview } from './dlq.format';

function deadLetter(overrides: Partial<DeadLetter> = {}, headers: Record<string, string> = {}): DeadLetter {
  const h = {
    'wd-ingest-id': 'id-1',
    'wd-source': 'afp-en',
    'wd-filename': 'story.xml',
    'wd-format': 'nitf',
    'wd-error-stage': 'normalize',
    'wd-error-code': 'MALFORMED_XML',
    'wd-error-message': 'Unclosed tag at line 3.',
    'wd-original-topic': 'wire.raw',
    'wd-original-partition': '1',
    'wd-original-offset': '9',
    'wd-attempts': '1',
    ...headers,
  };
  return {
    partition: 2,
    offset: '17',
    timestampMs: Date.parse('2024-05-01T12:00:00Z'),
    key: null,
    value: Buffer.from('<nitf>'),
    headers: h,
    rawHeaders: Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Buffer.from(v)])),
    ...overrides,
  };
}

describe('dlq command, pure parts', () => {
  it('parses positions and refuses anything else', () => {
    expect(parsePosition('3:1042')).toEqual({ partition: 3, offset: '1042' });
    expect(() => parsePosition('3')).toThrow(/partition:offset/);
    expect(() => parsePosition('a:1')).toThrow();
  });

  it('reads times as ISO 8601 or as an age', () => {
    const now = Date.parse('2024-05-02T00:00:00Z');
    expect(parseTime('6h', now)).toBe(now - 6 * 3600000);
    expect(parseTime('2d', now)).toBe(now - 2 * 86400000);
    expect(parseTime('2024-05-01', now)).toBe(Date.parse('2024-05-01'));
    expect(() => parseTime('yesterday', now)).toThrow(/not a time/);
  });

  it('filters by code, source, stage and time, case-insensitively for names', () => {
    const d = deadLetter();
    expect(matchesFilter(d, {})).toBe(true);
    expect(matchesFilter(d, { codes: ['malformed_xml', 'EMPTY_INPUT'], sources: ['AFP-EN'] })).toBe(true);
    expect(matchesFilter(d, { codes: ['EMPTY_INPUT'] })).toBe(false);
    expect(matchesFilter(d, { stages: ['enrich'] })).toBe(false);
    expect(matchesFilter(d, { sinceMs: d.timestampMs, untilMs: d.timestampMs + 1 })).toBe(true);
    expect(matchesFilter(d, { untilMs: d.timestampMs })).toBe(false);
    expect(matchesFilter(deadLetter({}, { 'wd-source': '' }), { sources: ['afp-en'] })).toBe(false);
  });

  it('replays with the original headers, without the error ones, attempts kept and the origin named', () => {
    const headers = replayHeaders(deadLetter({}, { 'wd-attempts': '2' }), 'wire.dlq');
    expect(Object.keys(headers).sort()).toEqual(
      ['wd-attempts', 'wd-filename', 'wd-format', 'wd-ingest-id', 'wd-replayed-from', 'wd-source'].sort(),
    );
    expect(headers['wd-attempts']).toBe('2');
    expect(headers['wd-replayed-from']).toBe('wire.dlq/2:17');
    expect(headers['wd-ingest-id']).toEqual(Buffer.from('id-1'));
  });

  it('drops or replaces the format override on request', () => {
    expect(replayHeaders(deadLetter(), 'wire.dlq', { dropFormat: true })['wd-format']).toBeUndefined();
    expect(replayHeaders(deadLetter(), 'wire.dlq', { format: 'newsml-g2' })['wd-format']).toBe('newsml-g2');
  });

  it('prints one aligned row per dead letter', () => {
    const lines = formatTable([
      { d: deadLetter() },
      { d: deadLetter({ offset: '18' }), mark: { replayedAt: 'x', to: 'wire.raw' } },
    ]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^offset\s+time\s+stage\s+code\s+source\s+filename\s+att\s+copies\s+replayed\s+message$/);
    expect(lines[1]).toContain('2:17    2024-05-01T12:00:00Z  normalize  MALFORMED_XML  afp-en');
    expect(lines[2]).toContain('yes');
  });

  it('takes the same input dead-lettered twice at one stage for one reason as one reject', () => {
    const first = deadLetter();
    const again = deadLetter({ offset: '40' });
    expect(rejectKey(again)).toBe(rejectKey(first));
    expect(rejectKey(deadLetter({ offset: '41' }, { 'wd-error-stage': 'enrich' }))).not.toBe(rejectKey(first));
    expect(rejectKey(deadLetter({ offset: '42' }, { 'wd-ingest-id': 'id-2' }))).not.toBe(rejectKey(first));
    // replayed after a fix and failed again: a new reject, not a repeat
    expect(rejectKey(deadLetter({ offset: '43' }, { 'wd-attempts': '2' }))).not.toBe(rejectKey(first));
    const [header, row] = formatTable([{ d: first, copies: 2 }]);
    expect(row.slice(header.indexOf('copies')).startsWith('2 ')).toBe(true);
  });

  it('previews text as text and binary as a hex dump', () => {
    expect(preview(Buffer.from('line one of the story\nline\u0001two of the story'), 100)).toEqual([
      'line one of the story',
      'line\\x01two of the story',
    ]);
    const hex = preview(Buffer.from([0, 1, 2, 0xff]), 100);
    expect(hex[0]).toMatch(/^00000000 {2}00 01 02 ff/);
    expect(preview(Buffer.from('é'.repeat(10)), 5).slice(-1)[0]).toMatch(/more bytes/);
    expect(preview(Buffer.from('é'.repeat(10)), 5)[0]).not.toMatch(/^0000/);
  });

  it('checks the command line', () => {
    expect(parseDlqFlags(['--help'])).toBe('help');
    expect(parseDlqFlags(['list', '--code', 'A,B', '--code', 'C', '--json'])).toMatchObject({
      action: 'list',
      json: true,
      filter: { codes: ['A', 'B', 'C'] },
    });
    expect(() => parseDlqFlags(['replay'])).toThrow(/--all/);
    expect(parseDlqFlags(['replay', '--all'])).toMatchObject({ action: 'replay', all: true });
    expect(parseDlqFlags(['replay', '1:2', '0:5', '--no-format'])).toMatchObject({
      positions: [
        { partition: 1, offset: '2' },
        { partition: 0, offset: '5' },
      ],
      dropFormat: true,
    });
    expect(() => parseDlqFlags(['show'])).toThrow(/exactly one position/);
    expect(() => parseDlqFlags(['purge'])).toThrow(/unknown action/);
    expect(() => parseDlqFlags(['replay', '1:2', '--no-format', '--format', 'nitf'])).toThrow(/exclude/);
  });
});

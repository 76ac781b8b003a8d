import { headersFromWireMeta, wireMetaFromHeaders } from './wire-raw.codec';

const position = { topic: 'wire.raw', partition: 0, offset: '3' };

describe('wireMetaFromHeaders at the edges', () => {
  it('takes the broker time only when it is a positive number, otherwise now', () => {
    const before = Date.now();
    for (const ts of ['0', '-5', 'not a number', undefined]) {
      const at = Date.parse(wireMetaFromHeaders({}, position, ts).receivedAt);
      expect(at).toBeGreaterThanOrEqual(before);
    }
    expect(wireMetaFromHeaders({}, position, '1').receivedAt).toBe('1970-01-01T00:00:00.001Z');
    expect(wireMetaFromHeaders({}, position, '1700000000000').receivedAt).toBe('2023-11-14T22:13:20.000Z');
  });

  it('normalises a readable received-at header and ignores an unreadable or empty one', () => {
    const headers = (v: string) => ({ 'wd-received-at': v });
    expect(wireMetaFromHeaders(headers('2024-01-02T04:04:05+01:00'), position, '1').receivedAt).toBe(
      '2024-01-02T03:04:05.000Z',
    );
    expect(wireMetaFromHeaders(headers('yesterday'), position, '1').receivedAt).toBe('1970-01-01T00:00:00.001Z');
    expect(wireMetaFromHeaders(headers(''), position, '1').receivedAt).toBe('1970-01-01T00:00:00.001Z');
  });

  it('keeps only the known channels, kafka otherwise', () => {
    expect(wireMetaFromHeaders({ 'wd-channel': 'ftp' }, position).channel).toBe('ftp');
    expect(wireMetaFromHeaders({ 'wd-channel': 'carrier-pigeon' }, position).channel).toBe('kafka');
    expect(wireMetaFromHeaders({ 'wd-channel': '' }, position).channel).toBe('kafka');
  });

  it('leaves out optional fields whose headers are missing or empty', () => {
    const meta = wireMetaFromHeaders(
      { 'wd-ingest-id': 'x', 'wd-source': '', 'content-type': '', 'wd-filename': '', 'wd-format': '' },
      position,
      '1',
    );
    expect(meta).toEqual({ ingestId: 'x', channel: 'kafka', receivedAt: '1970-01-01T00:00:00.001Z' });
    expect(Object.keys(meta).sort()).toEqual(['channel', 'ingestId', 'receivedAt']);
  });
});

describe('headersFromWireMeta', () => {
  it('writes only the fields that are set', () => {
    expect(headersFromWireMeta({ ingestId: 'x', receivedAt: '2024-01-01T00:00:00.000Z' } as never)).toEqual({
      'wd-ingest-id': 'x',
      'wd-received-at': '2024-01-01T00:00:00.000Z',
    });
    expect(
      headersFromWireMeta({
        ingestId: 'x',
        channel: 'rss',
        receivedAt: '2024-01-01T00:00:00.000Z',
        source: 's',
        contentType: 'text/plain',
        filename: 'f.txt',
        format: 'text',
      }),
    ).toEqual({
      'wd-ingest-id': 'x',
      'wd-received-at': '2024-01-01T00:00:00.000Z',
      'wd-channel': 'rss',
      'wd-source': 's',
      'content-type': 'text/plain',
      'wd-filename': 'f.txt',
      'wd-format': 'text',
    });
  });
});

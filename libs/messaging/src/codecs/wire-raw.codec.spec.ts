import { decodeHeaders, encodeHeaders, headerSafe } from '../headers';
import { isUuid, nameBasedUuid } from '../ids';
import { encodeWireRawRecord, headersFromWireMeta, wireMetaFromHeaders } from './wire-raw.codec';

const position = { topic: 'wire.raw', partition: 1, offset: '10' };

describe('wire meta', () => {
  it('reads the contract headers', () => {
    const meta = wireMetaFromHeaders(
      {
        'wd-ingest-id': 'a6c1f0a2-1111-4222-8333-444455556666',
        'wd-source': 'afp-en',
        'wd-channel': 'http',
        'content-type': 'text/plain; charset=utf-8',
        'wd-filename': 'x.txt',
        'wd-format': 'text',
        'wd-received-at': '2024-01-02T03:04:05.000Z',
      },
      position,
    );
    expect(meta).toEqual({
      ingestId: 'a6c1f0a2-1111-4222-8333-444455556666',
      source: 'afp-en',
      channel: 'http',
      contentType: 'text/plain; charset=utf-8',
      filename: 'x.txt',
      format: 'text',
      receivedAt: '2024-01-02T03:04:05.000Z',
    });
    expect(wireMetaFromHeaders(headersFromWireMeta(meta), position)).toEqual(meta);
  });

  it('gives a headerless message a stable id from its position, channel kafka and the broker time', () => {
    const a = wireMetaFromHeaders({}, position, '1700000000000');
    const b = wireMetaFromHeaders({}, position, '1700000000000');
    expect(a.ingestId).toBe(b.ingestId);
    expect(isUuid(a.ingestId)).toBe(true);
    expect(a.channel).toBe('kafka');
    expect(a.receivedAt).toBe(new Date(1700000000000).toISOString());
    expect(wireMetaFromHeaders({}, { ...position, offset: '11' }).ingestId).not.toBe(a.ingestId);
  });
});

describe('ids', () => {
  it('derives version-5 style UUIDs deterministically', () => {
    const id = nameBasedUuid('http:afp:key-1');
    expect(id).toBe(nameBasedUuid('http:afp:key-1'));
    expect(id).not.toBe(nameBasedUuid('http:afp:key-2'));
    expect(id[14]).toBe('5');
    expect(isUuid(id)).toBe(true);
  });
});

describe('headers', () => {
  it('decodes buffers and repeated headers, encodes without empties', () => {
    expect(decodeHeaders({ a: Buffer.from('x'), b: [Buffer.from('1'), Buffer.from('2')], c: undefined })).toEqual({
      a: 'x',
      b: '2',
    });
    expect(encodeHeaders({ a: 'x', b: undefined, c: '', d: 3 })).toEqual({ a: 'x', d: '3' });
  });

  it('makes header values one line and bounded', () => {
    expect(headerSafe('a\r\nb\tc')).toBe('a b c');
    expect(headerSafe('x'.repeat(2000), 10)).toHaveLength(10);
  });
});

describe('wire.raw record', () => {
  it('round-trips: the bytes untouched, the meta in the contract headers', () => {
    const meta = {
      ingestId: 'a6c1f0a2-1111-4222-8333-444455556666',
      receivedAt: '2026-01-01T00:00:00.000Z',
      source: 'afp-en',
      channel: 'http' as const,
      filename: 'story.xml',
    };
    const record = encodeWireRawRecord('wire.raw', 'key-1', Buffer.from([0xff, 0x00]), meta);
    expect(record).toMatchObject({ topic: 'wire.raw', key: 'key-1', value: Buffer.from([0xff, 0x00]) });
    expect(Object.keys(record.headers ?? {})).toEqual([
      'wd-ingest-id',
      'wd-source',
      'wd-channel',
      'wd-filename',
      'wd-received-at',
    ]);
    expect(wireMetaFromHeaders(decodeHeaders(record.headers), position)).toEqual(meta);
  });
});

import { checkedHeaders, ingestIdFor, wireRawRecord } from './wire-record';

describe('ingestIdFor', () => {
  it('is random without a key and stable with one', () => {
    expect(ingestIdFor({ channel: 'http' })).not.toBe(ingestIdFor({ channel: 'http' }));
    const a = ingestIdFor({ channel: 'http', source: 'afp', idempotencyKey: 'k1' });
    expect(a).toBe(ingestIdFor({ channel: 'http', source: 'afp', idempotencyKey: 'k1' }));
    expect(a).not.toBe(ingestIdFor({ channel: 'http', source: 'reuters', idempotencyKey: 'k1' }));
  });
});

describe('wireRawRecord', () => {
  it('carries the bytes untouched and the contract headers', () => {
    const body = Buffer.from([0xef, 0xbb, 0xbf, 0x41]);
    const r = wireRawRecord(
      'wire.raw',
      {
        body,
        channel: 'http',
        source: 'afp-en',
        contentType: 'text/plain; charset=utf-8',
        filename: 'a.txt',
        format: 'text',
      },
      'id-1',
      new Date('2024-05-06T07:08:09Z'),
    );
    expect(r.value).toBe(body);
    expect(r.key).toBeNull();
    expect(r.headers).toEqual({
      'wd-ingest-id': 'id-1',
      'wd-source': 'afp-en',
      'wd-channel': 'http',
      'content-type': 'text/plain; charset=utf-8',
      'wd-filename': 'a.txt',
      'wd-format': 'text',
      'wd-received-at': '2024-05-06T07:08:09.000Z',
    });
  });
});

describe('checkedHeaders', () => {
  it('accepts ordinary values', () => {
    expect(checkedHeaders({ source: 'afp-en', format: 'NewsML-G2', idempotencyKey: 'abc' })).toEqual({
      source: 'afp-en',
      format: 'newsml-g2',
      idempotencyKey: 'abc',
    });
  });

  it('refuses values that cannot be names with 400', () => {
    expect(() => checkedHeaders({ format: '../../etc' })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkedHeaders({ source: 'a b' })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkedHeaders({ idempotencyKey: 'x'.repeat(300) })).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('makes a filename safe for a header', () => {
    expect(checkedHeaders({ filename: 'a\r\nb.txt' }).filename).toBe('a b.txt');
  });
});

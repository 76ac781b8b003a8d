import { decodeHeaders, encodeHeaders, headerSafe } from './headers';
import { isUuid, nameBasedUuid } from './ids';
import { decodeParsedEnvelope, encodeParsedEnvelope } from './parsed-envelope';
import { headersFromWireMeta, wireMetaFromHeaders } from './wire-meta';

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

describe('parsed envelope', () => {
  const env = {
    meta: { ingestId: 'i', receivedAt: 't' },
    origin: position,
    raw: Buffer.from([0, 0xff, 0x7b, 0x0a]),
    rawHeaders: { 'wd-source': 'afp' },
    articles: [{ uri: 'u', headlines: [{ value: 'Größe – ünïcode' }] }],
  };

  it('round-trips: the JSON part, then the raw bytes as they are', () => {
    const frame = encodeParsedEnvelope(env);
    expect(frame.subarray(0, 4).toString('latin1')).toBe('WDP1');
    expect(frame.subarray(frame.length - 4)).toEqual(env.raw);
    expect(decodeParsedEnvelope(frame)).toEqual(env);
    expect(decodeParsedEnvelope(encodeParsedEnvelope({ ...env, raw: Buffer.alloc(0) })).raw).toEqual(Buffer.alloc(0));
  });

  it('still reads the JSON envelopes (raw bytes as rawBase64) written before the frame', () => {
    const { raw, ...rest } = env;
    const legacy = Buffer.from(JSON.stringify({ ...rest, rawBase64: raw.toString('base64') }));
    expect(decodeParsedEnvelope(legacy)).toEqual(env);
  });

  it('rejects what is not an envelope', () => {
    const invalid = expect.objectContaining({ code: 'INVALID_MESSAGE' });
    expect(() => decodeParsedEnvelope(Buffer.from('{"meta":{}}'))).toThrow(invalid);
    expect(() => decodeParsedEnvelope(Buffer.from('nope'))).toThrow(invalid);
    expect(() => decodeParsedEnvelope(null)).toThrow(invalid);
    const { raw: _raw, ...noRaw } = env;
    expect(() => decodeParsedEnvelope(Buffer.from(JSON.stringify(noRaw)))).toThrow(invalid);
    const frame = encodeParsedEnvelope(env);
    frame.writeUInt32BE(frame.length, 4); // a JSON part longer than the message
    expect(() => decodeParsedEnvelope(frame)).toThrow(invalid);
    expect(() =>
      decodeParsedEnvelope(Buffer.concat([Buffer.from('WDP1'), Buffer.from([0, 0, 0, 2]), Buffer.from('{x')])),
    ).toThrow(invalid);
  });
});

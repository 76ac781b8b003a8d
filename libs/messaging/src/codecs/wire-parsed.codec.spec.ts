import { decodeParsedEnvelope, encodeParsedEnvelope } from './wire-parsed.codec';

const position = { topic: 'wire.raw', partition: 1, offset: '10' };

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

describe('parsed envelope: source details', () => {
  const env = {
    meta: { ingestId: 'i', receivedAt: 't' },
    origin: position,
    raw: Buffer.from('<p>x</p>'),
    articles: [{ uri: 'u' }],
    sourceDetails: [{ format: 'nitf' as const }],
  };

  it('carries the per-article source details', () => {
    expect(decodeParsedEnvelope(encodeParsedEnvelope(env))).toEqual(env);
  });

  it('rejects source details that are not a list', () => {
    const frame = encodeParsedEnvelope({ ...env, sourceDetails: 'nitf' } as never);
    expect(() => decodeParsedEnvelope(frame)).toThrow(expect.objectContaining({ code: 'INVALID_MESSAGE' }));
  });
});

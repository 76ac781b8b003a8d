import { ErrorCode, WireError } from '@wiredesk/contracts';
import { decodeParsedEnvelope, encodeParsedEnvelope, type ParsedEnvelope } from './wire-parsed.codec';

const envelope: ParsedEnvelope = {
  meta: { ingestId: 'id-1', channel: 'http', receivedAt: '2024-01-02T03:04:05.000Z' },
  origin: { topic: 'wire.raw', partition: 2, offset: '7' },
  raw: Buffer.from([0x3c, 0x61, 0x3e, 0x00, 0xff, 0xe9]),
  rawHeaders: { 'wd-source': 'afp' },
  articles: [{ uri: 'urn:x', headlines: [{ value: 'Zürich – Genève “quoted”' }] } as never],
};

function refusal(value: Buffer | null): string | undefined {
  try {
    decodeParsedEnvelope(value);
  } catch (e) {
    if (e instanceof WireError && e.code === ErrorCode.INVALID_MESSAGE) return e.message;
    throw e;
  }
  return undefined;
}

const NOT_AN_ENVELOPE = 'The wire.parsed message is not a parsed-wire envelope.';

describe('parsed envelope frame', () => {
  it('round-trips non-ASCII JSON and binary raw bytes exactly', () => {
    const frame = encodeParsedEnvelope(envelope);
    expect(frame.subarray(0, 4).toString('latin1')).toBe('WDP1');
    const jsonBytes = frame.readUInt32BE(4);
    expect(frame.length).toBe(8 + jsonBytes + envelope.raw.length);
    expect(frame.subarray(8 + jsonBytes)).toEqual(envelope.raw);
    const back = decodeParsedEnvelope(frame);
    expect(back).toEqual(envelope);
    expect(Buffer.isBuffer(back.raw)).toBe(true);
  });

  it('round-trips empty raw bytes', () => {
    const back = decodeParsedEnvelope(encodeParsedEnvelope({ ...envelope, raw: Buffer.alloc(0) }));
    expect(back.raw.length).toBe(0);
    expect(back.articles).toEqual(envelope.articles);
  });

  it('refuses empty and missing values', () => {
    expect(refusal(null)).toBe('The wire.parsed message is empty.');
    expect(refusal(Buffer.alloc(0))).toBe('The wire.parsed message is empty.');
  });

  it('refuses a frame whose JSON length runs past its end (truncated in transit)', () => {
    const frame = encodeParsedEnvelope(envelope);
    const jsonBytes = frame.readUInt32BE(4);
    expect(refusal(frame.subarray(0, 8 + jsonBytes - 1))).toBe(NOT_AN_ENVELOPE);
    // exactly the JSON, no raw bytes: still an envelope
    expect(decodeParsedEnvelope(frame.subarray(0, 8 + jsonBytes)).raw.length).toBe(0);
  });

  it('refuses a frame whose JSON part is corrupted', () => {
    const frame = Buffer.from(encodeParsedEnvelope(envelope));
    frame[8] = 0x7e; // "{" becomes "~"
    expect(refusal(frame)).toBe('The wire.parsed message is not JSON.');
  });

  it('reads a short value starting with the magic as JSON, and refuses it', () => {
    expect(refusal(Buffer.from('WDP1'))).toBe('The wire.parsed message is not JSON.');
    expect(refusal(Buffer.from('WDP1\u0000\u0000\u0000'))).toBe('The wire.parsed message is not JSON.');
  });

  it('reads an 8-byte frame with an empty JSON part as a frame', () => {
    const head = Buffer.alloc(8);
    head.write('WDP1', 0, 'latin1');
    expect(refusal(head)).toBe('The wire.parsed message is not JSON.');
  });

  it('refuses JSON that is not shaped like an envelope, field by field', () => {
    const { raw, ...rest } = envelope;
    const legacy = (body: unknown) => Buffer.from(JSON.stringify(body));
    const rawBase64 = raw.toString('base64');
    expect(decodeParsedEnvelope(legacy({ ...rest, rawBase64 })).raw).toEqual(raw);
    expect(decodeParsedEnvelope(legacy({ ...rest, rawBase64 }))).not.toHaveProperty('rawBase64');
    expect(refusal(legacy({ ...rest }))).toBe(NOT_AN_ENVELOPE); // no raw bytes at all
    expect(refusal(legacy({ ...rest, rawBase64: 42 }))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(legacy(null))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(legacy('just a string'))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(legacy({ ...rest, rawBase64, meta: undefined }))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(legacy({ ...rest, rawBase64, meta: { ingestId: 5 } }))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(legacy({ ...rest, rawBase64, origin: undefined }))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(legacy({ ...rest, rawBase64, origin: { topic: 1 } }))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(legacy({ ...rest, rawBase64, articles: {} }))).toBe(NOT_AN_ENVELOPE);
    const frameOf = (body: unknown) => {
      const json = Buffer.from(JSON.stringify(body));
      const head = Buffer.alloc(8);
      head.write('WDP1', 0, 'latin1');
      head.writeUInt32BE(json.length, 4);
      return Buffer.concat([head, json, raw]);
    };
    expect(refusal(frameOf(null))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(frameOf(7))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(frameOf({ ...rest, meta: null }))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(frameOf({ ...rest, origin: null }))).toBe(NOT_AN_ENVELOPE);
    expect(refusal(frameOf({ ...rest, articles: 'none' }))).toBe(NOT_AN_ENVELOPE);
    expect(decodeParsedEnvelope(frameOf(rest)).raw).toEqual(raw);
  });
});

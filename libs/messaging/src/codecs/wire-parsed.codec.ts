import { ErrorCode, WireError, type WireMeta } from '@wiredesk/contracts';
import type { Ninjs } from '@wiredesk/ninjs';
import type { SourceDetails } from '@wiredesk/pipeline';
import type { HeaderMap } from '../headers';
import type { MessagePosition } from './wire-raw.codec';

/**
 * The wire.parsed codec: the one message type of the topic, its frame (`encodeParsedEnvelope`) and its reading and
 * validation (`decodeParsedEnvelope`), used by the normalizer (producer) and the enricher (consumer) alike.
 *
 * One wire.parsed message: everything the normalizer made of one raw input. The raw bytes travel along so the
 * enricher can still dead-letter exactly what was received.
 */
export interface ParsedEnvelope<Article = Ninjs> {
  meta: WireMeta;
  /** where the raw input sits in wire.raw */
  origin: MessagePosition;
  /** the raw input, byte for byte */
  raw: Buffer;
  /** the raw message's own headers, kept for the DLQ (producers may add their own beyond the contract's) */
  rawHeaders?: HeaderMap;
  /** ninjs documents, not yet enriched */
  articles: Article[];
  /** what ninjs has no place for, per article: sourceDetails[i] belongs to articles[i] (absent from older messages) */
  sourceDetails?: SourceDetails[];
}

/**
 * The frame: `WDP1`, the length of the JSON part (uint32, big-endian), the JSON of everything but the raw bytes, then
 * the raw bytes as they are. Carrying them inside the JSON meant base64 (a third bigger) and escaping on one side,
 * parsing a string of that size and decoding it on the other, for bytes only a dead letter ever reads.
 */
const FRAME_MAGIC = Buffer.from('WDP1', 'latin1');
const FRAME_HEAD_BYTES = FRAME_MAGIC.length + 4;

export function encodeParsedEnvelope(envelope: ParsedEnvelope<unknown>): Buffer {
  const { raw, ...rest } = envelope;
  const json = JSON.stringify(rest);
  const jsonBytes = Buffer.byteLength(json, 'utf8');
  const frame = Buffer.allocUnsafe(FRAME_HEAD_BYTES + jsonBytes + raw.length);
  FRAME_MAGIC.copy(frame, 0);
  frame.writeUInt32BE(jsonBytes, FRAME_MAGIC.length);
  frame.write(json, FRAME_HEAD_BYTES, jsonBytes, 'utf8');
  raw.copy(frame, FRAME_HEAD_BYTES + jsonBytes);
  return frame;
}

/**
 * Reads a wire.parsed value; anything not shaped like an envelope is a permanent INVALID_MESSAGE. Also reads the
 * JSON envelopes (raw bytes as `rawBase64`) of normalizers before the frame, still in the topic after an upgrade.
 */
export function decodeParsedEnvelope<Article = Ninjs>(value: Buffer | null): ParsedEnvelope<Article> {
  if (!value || value.length === 0) throw new WireError(ErrorCode.INVALID_MESSAGE, 'The wire.parsed message is empty.');
  let parsed: unknown;
  let raw: Buffer | undefined;
  if (value.length >= FRAME_HEAD_BYTES && value.subarray(0, FRAME_MAGIC.length).equals(FRAME_MAGIC)) {
    const jsonEnd = FRAME_HEAD_BYTES + value.readUInt32BE(FRAME_MAGIC.length);
    if (jsonEnd > value.length) throw notAnEnvelope();
    parsed = parseJson(value.toString('utf8', FRAME_HEAD_BYTES, jsonEnd));
    raw = value.subarray(jsonEnd);
  } else {
    parsed = parseJson(value.toString('utf8'));
    const legacy = parsed as { rawBase64?: unknown } | null;
    if (legacy && typeof legacy === 'object' && typeof legacy.rawBase64 === 'string') {
      raw = Buffer.from(legacy.rawBase64, 'base64');
      delete legacy.rawBase64;
    }
  }
  const e = parsed as Partial<ParsedEnvelope<Article>>;
  const ok =
    !!e &&
    typeof e === 'object' &&
    !!e.meta &&
    typeof e.meta.ingestId === 'string' &&
    !!e.origin &&
    typeof e.origin.topic === 'string' &&
    Array.isArray(e.articles) &&
    (e.sourceDetails === undefined || Array.isArray(e.sourceDetails));
  if (!ok || raw === undefined) throw notAnEnvelope();
  return { ...(e as ParsedEnvelope<Article>), raw };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new WireError(ErrorCode.INVALID_MESSAGE, 'The wire.parsed message is not JSON.');
  }
}

function notAnEnvelope(): WireError {
  return new WireError(ErrorCode.INVALID_MESSAGE, 'The wire.parsed message is not a parsed-wire envelope.');
}

import { ErrorCode, WireError, type WireMeta } from '@wiredesk/contracts';
import type { HeaderMap } from './headers';
import type { MessagePosition } from './wire-meta';

/**
 * One wire.parsed message: everything the normalizer made of one raw input. The raw bytes travel along so the
 * enricher can still dead-letter exactly what was received.
 */
export interface ParsedEnvelope<Article = Record<string, unknown>> {
  meta: WireMeta;
  /** where the raw input sits in wire.raw */
  origin: MessagePosition;
  rawBase64: string;
  /** the raw message's own headers, kept for the DLQ (producers may add their own beyond DESIGN.md's) */
  rawHeaders?: HeaderMap;
  /** ninjs documents, not yet enriched */
  articles: Article[];
}

export function encodeParsedEnvelope(envelope: ParsedEnvelope<unknown>): Buffer {
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}

/** Reads a wire.parsed value; anything not shaped like an envelope is a permanent INVALID_MESSAGE. */
export function decodeParsedEnvelope<Article = Record<string, unknown>>(value: Buffer | null): ParsedEnvelope<Article> {
  if (!value || value.length === 0) throw new WireError(ErrorCode.INVALID_MESSAGE, 'The wire.parsed message is empty.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    throw new WireError(ErrorCode.INVALID_MESSAGE, 'The wire.parsed message is not JSON.');
  }
  const e = parsed as Partial<ParsedEnvelope<Article>>;
  const ok =
    !!e &&
    typeof e === 'object' &&
    !!e.meta &&
    typeof e.meta.ingestId === 'string' &&
    !!e.origin &&
    typeof e.origin.topic === 'string' &&
    typeof e.rawBase64 === 'string' &&
    Array.isArray(e.articles);
  if (!ok) throw new WireError(ErrorCode.INVALID_MESSAGE, 'The wire.parsed message is not a parsed-wire envelope.');
  return e as ParsedEnvelope<Article>;
}

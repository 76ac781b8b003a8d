import { WireHeader, type WireChannel, type WireMeta } from '@wiredesk/contracts';
import { encodeHeaders, type HeaderMap } from '../headers';
import type { OutboundMessage } from '../outcomes';
import { nameBasedUuid } from '../ids';

const CHANNELS: readonly WireChannel[] = ['http', 'folder', 'kafka', 'ftp', 'rss'];

export interface MessagePosition {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Reads the WireMeta of a wire.raw message. Producers writing to Kafka directly may send no headers at all: the item
 * then gets an ingest id derived from its position (stable when the message is consumed again), channel `kafka`,
 * and the broker's timestamp as its receive time.
 */
export function wireMetaFromHeaders(headers: HeaderMap, position: MessagePosition, timestampMs?: string): WireMeta {
  const channel = headers[WireHeader.channel] as WireChannel | undefined;
  const ts = Number(timestampMs);
  const receivedAt =
    validIso(headers[WireHeader.receivedAt]) ??
    (Number.isFinite(ts) && ts > 0 ? new Date(ts) : new Date()).toISOString();
  const meta: WireMeta = {
    ingestId:
      headers[WireHeader.ingestId] || nameBasedUuid(`kafka:${position.topic}/${position.partition}/${position.offset}`),
    channel: channel && CHANNELS.includes(channel) ? channel : 'kafka',
    receivedAt,
  };
  if (headers[WireHeader.source]) meta.source = headers[WireHeader.source];
  if (headers[WireHeader.contentType]) meta.contentType = headers[WireHeader.contentType];
  if (headers[WireHeader.filename]) meta.filename = headers[WireHeader.filename];
  if (headers[WireHeader.format]) meta.format = headers[WireHeader.format];
  return meta;
}

/** The wire.raw record of docs/contracts.md: the bytes untouched, the transport's knowledge in headers. */
export function encodeWireRawRecord(topic: string, key: string | null, body: Buffer, meta: WireMeta): OutboundMessage {
  return {
    topic,
    key,
    value: body,
    // empty values are left out (encodeHeaders)
    headers: encodeHeaders({
      [WireHeader.ingestId]: meta.ingestId,
      [WireHeader.source]: meta.source,
      [WireHeader.channel]: meta.channel,
      [WireHeader.contentType]: meta.contentType,
      [WireHeader.filename]: meta.filename,
      [WireHeader.format]: meta.format,
      [WireHeader.receivedAt]: meta.receivedAt,
    }),
  };
}

/** The wire.raw headers that carry a WireMeta (what ingest writes, and what the DLQ keeps). */
export function headersFromWireMeta(meta: WireMeta): HeaderMap {
  const out: HeaderMap = { [WireHeader.ingestId]: meta.ingestId, [WireHeader.receivedAt]: meta.receivedAt };
  if (meta.source) out[WireHeader.source] = meta.source;
  if (meta.channel) out[WireHeader.channel] = meta.channel;
  if (meta.contentType) out[WireHeader.contentType] = meta.contentType;
  if (meta.filename) out[WireHeader.filename] = meta.filename;
  if (meta.format) out[WireHeader.format] = meta.format;
  return out;
}

function validIso(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

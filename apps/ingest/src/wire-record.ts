import type { WireChannel } from '@wiredesk/contracts';
import { encodeWireRawRecord, headerSafe, nameBasedUuid, newIngestId, type OutboundMessage } from '@wiredesk/messaging';
import { HttpProblemCode, ProblemException } from '@wiredesk/platform';

/** One delivery of raw copy, from any channel. */
export interface WireDelivery {
  body: Buffer;
  channel: WireChannel;
  source?: string;
  format?: string;
  contentType?: string;
  filename?: string;
  /** the sender's own id for this delivery (HTTP Idempotency-Key): also the wire.raw message key */
  idempotencyKey?: string;
  /** an id the channel derived itself (a dropped file: from its path and content) */
  ingestId?: string;
}

/**
 * The ingest id: random, unless the sender named the delivery, in which case the same name (per channel and source)
 * always gives the same id, so a retried delivery is recognisably the same ingest.
 */
export function ingestIdFor(
  delivery: Pick<WireDelivery, 'channel' | 'source' | 'idempotencyKey' | 'ingestId'>,
): string {
  if (delivery.ingestId) return delivery.ingestId;
  if (!delivery.idempotencyKey) return newIngestId();
  return nameBasedUuid(`${delivery.channel}:${delivery.source ?? ''}:${delivery.idempotencyKey}`);
}

/** The wire.raw record of docs/contracts.md: the bytes untouched, the transport's knowledge in headers. */
export function wireRawRecord(
  topic: string,
  delivery: WireDelivery,
  ingestId: string,
  receivedAt: Date,
): OutboundMessage {
  // the sender's own id keeps its retries on one partition; without one, none (spread round-robin)
  return encodeWireRawRecord(topic, delivery.idempotencyKey ?? null, delivery.body, {
    ingestId,
    source: delivery.source,
    channel: delivery.channel,
    contentType: delivery.contentType,
    filename: delivery.filename,
    format: delivery.format,
    receivedAt: receivedAt.toISOString(),
  });
}

const FORMAT_PATTERN = /^[a-z0-9][a-z0-9.+-]{0,39}$/i;
const SOURCE_PATTERN = /^[\w.@:+-]{1,100}$/;
/** What a source name (X-Wire-Source, a drop-folder feed folder) may be made of, for messages. */
export const SOURCE_RULE = 'letters, digits and . _ @ : + - (at most 100)';

/** One check for every channel's source name: X-Wire-Source, the drop folder's feed folders. */
export function isValidSource(name: string): boolean {
  return SOURCE_PATTERN.test(name);
}

/** Validates the optional HTTP headers; a value that cannot be a name is the caller's mistake (400). */
export function checkedHeaders(raw: {
  source?: string;
  format?: string;
  idempotencyKey?: string;
  filename?: string;
  contentType?: string;
}): Omit<WireDelivery, 'body' | 'channel'> {
  const out: Omit<WireDelivery, 'body' | 'channel'> = {};
  if (raw.source) {
    if (!isValidSource(raw.source)) throw badHeader('X-Wire-Source', SOURCE_RULE);
    out.source = raw.source;
  }
  if (raw.format) {
    if (!FORMAT_PATTERN.test(raw.format)) throw badHeader('X-Wire-Format', 'a format name such as nitf or newsml-g2');
    out.format = raw.format.toLowerCase();
  }
  if (raw.idempotencyKey) {
    if (raw.idempotencyKey.length > 255) throw badHeader('Idempotency-Key', 'at most 255 characters');
    out.idempotencyKey = raw.idempotencyKey;
  }
  if (raw.filename) out.filename = headerSafe(raw.filename, 255);
  if (raw.contentType) out.contentType = headerSafe(raw.contentType, 255);
  return out;
}

function badHeader(name: string, expected: string): ProblemException {
  return new ProblemException(400, HttpProblemCode.BAD_REQUEST, `The ${name} header must be ${expected}.`);
}

import { WireHeader, isWireError } from '@wiredesk/contracts';
import { parseWireAsync, type WireItem } from '@wiredesk/formats';
import {
  Outcome,
  encodeHeaders,
  encodeParsedEnvelope,
  headersFromWireMeta,
  wireMetaFromHeaders,
  type ConsumedMessage,
  type MessageOutcome,
  type ParsedEnvelope,
} from '@wiredesk/messaging';
import { toNinjs, type SourceDetails } from '@wiredesk/pipeline';
import type { Ninjs } from '@wiredesk/ninjs';

/** The wire.parsed envelope as the normalizer writes it: articles plus what ninjs has no place for, per article. */
export interface NormalizedEnvelope extends ParsedEnvelope<Ninjs> {
  /** sourceDetails[i] belongs to articles[i] */
  sourceDetails: SourceDetails[];
}

/**
 * One raw wire.raw message → one wire.parsed envelope (ninjs articles, not yet enriched, with the raw bytes), keyed by
 * ingest id. Bad input (a WireError: empty, binary, malformed, unknown format, no story) → a dead letter with the
 * raw bytes. Anything else is thrown: the consumer retries it and, if it persists, dead-letters it as INTERNAL_ERROR.
 */
export async function normalizeMessage(
  message: ConsumedMessage,
  parsedTopic: string,
  rawCopyBaseUrl?: string,
): Promise<MessageOutcome> {
  const meta = wireMetaFromHeaders(message.headers, message, message.timestamp);
  const bytes = message.value ?? Buffer.alloc(0);
  try {
    const hints = { contentType: meta.contentType, filename: meta.filename, format: meta.format };
    const parsed = await parseWireAsync(bytes, hints);
    const articleMeta = {
      ingestId: meta.ingestId,
      source: meta.source,
      receivedAt: meta.receivedAt,
      rawCopyUrl: rawCopyBaseUrl ? `${rawCopyBaseUrl}/v1/raw/${encodeURIComponent(meta.ingestId)}` : undefined,
    };
    const envelope: NormalizedEnvelope = {
      meta,
      origin: { topic: message.topic, partition: message.partition, offset: message.offset },
      raw: bytes,
      rawHeaders: message.headers,
      articles: parsed.items.map((item) => toNinjs(item, articleMeta)),
      sourceDetails: parsed.items.map(sourceDetailsOf),
    };
    return Outcome.ok([
      {
        topic: parsedTopic,
        key: meta.ingestId,
        value: encodeParsedEnvelope(envelope),
        headers: encodeHeaders(headersFromWireMeta(meta)),
      },
    ]);
  } catch (e) {
    if (!isWireError(e)) throw e;
    // the DLQ keeps the original headers; a message that came without an ingest id gets the one it was known by
    const headers = message.headers[WireHeader.ingestId]
      ? message.rawHeaders
      : { ...message.rawHeaders, [WireHeader.ingestId]: meta.ingestId };
    return Outcome.failed(e, { headers });
  }
}

function sourceDetailsOf(item: WireItem): SourceDetails {
  const details: SourceDetails = { format: item.format };
  if (item.signals?.length) details.signals = item.signals;
  if (item.section) details.section = item.section;
  if (item.declaredWordCount !== undefined) details.declaredWordCount = item.declaredWordCount;
  return details;
}

import { ARCHIVE_EMITTER, ArticleHeader, ErrorCode, WireHeader } from '@wiredesk/contracts';
import { encodeArticleRecord, type ConsumedMessage, type OutboundMessage } from '@wiredesk/messaging';
import { contentHash, formatNinjsErrors, validateNinjs, type Ninjs } from '@wiredesk/ninjs';
import type { IncomingArticle } from '@wiredesk/storage';

export type ArticleMessage =
  | { kind: 'article'; item: IncomingArticle }
  | { kind: 'own-event' }
  | { kind: 'invalid'; code: ErrorCode; message: string };

/** Reads one articles.normalized message: a ninjs 3.1 document and the headers of docs/contracts.md. */
export function readArticleMessage(message: ConsumedMessage): ArticleMessage {
  // the events the archive publishes itself (`canceled`, `updated`) come back on the same topic: never input.
  // Other producers' kills carry no such mark and are stored
  if (message.headers[ArticleHeader.emitter] === ARCHIVE_EMITTER) return { kind: 'own-event' };
  if (!message.value || message.value.length === 0) {
    return {
      kind: 'invalid',
      code: ErrorCode.EMPTY_INPUT,
      message: 'The message has no value; an article was expected.',
    };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(message.value.toString('utf8'));
  } catch (e) {
    return {
      kind: 'invalid',
      code: ErrorCode.MALFORMED_JSON,
      message: `The message is not JSON: ${(e as Error).message}.`,
    };
  }
  const validation = validateNinjs(doc);
  if (!validation.valid) {
    return {
      kind: 'invalid',
      code: ErrorCode.INVALID_NINJS,
      message: `Not valid ninjs 3.1: ${formatNinjsErrors(validation.errors)}.`,
    };
  }
  const ninjs = doc as Ninjs;
  const headers = message.headers;
  const receivedAt = parseDate(headers[WireHeader.receivedAt]);
  const item: IncomingArticle = {
    ninjs,
    // recomputed rather than trusted: every copy of a story must hash the same way for the no-op check
    contentHash: contentHash(ninjs),
    origin: { topic: message.topic, partition: message.partition, offset: message.offset },
  };
  if (headers[ArticleHeader.ingestId]) item.ingestId = headers[ArticleHeader.ingestId];
  if (headers[ArticleHeader.source]) item.source = headers[ArticleHeader.source];
  if (headers[WireHeader.channel]) item.channel = headers[WireHeader.channel];
  if (receivedAt) item.receivedAt = receivedAt;
  const enrichment = parseEnrichment(headers[ArticleHeader.enrichment]);
  if (enrichment !== undefined) item.enrichment = enrichment;
  if (headers[ArticleHeader.replay] === 'true') item.replay = true;
  item.sourceBytes = message.value.length + (headers[ArticleHeader.enrichment]?.length ?? 0);
  return { kind: 'article', item };
}

function parseDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** JSON as the enricher writes it; anything else is kept as text rather than lost. */
function parseEnrichment(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { unparsed: text };
  }
}

/** An event the archive publishes on articles.normalized (the articles codec, marked as its own). */
function archiveEvent(
  topic: string,
  event: 'canceled' | 'updated',
  article: Ninjs,
  hash: string,
  cause: { ingestId?: string; source?: string },
  replay = false,
): OutboundMessage {
  return encodeArticleRecord(topic, {
    event,
    uri: article.uri,
    json: JSON.stringify(article),
    contentHash: hash,
    ingestId: cause.ingestId,
    source: cause.source,
    replay,
    emitter: ARCHIVE_EMITTER,
  });
}

/** The `canceled` event of a killed story: its value is the story as it now stands. */
export function canceledEvent(
  topic: string,
  article: Ninjs,
  hash: string,
  kill: { ingestId?: string; source?: string },
): OutboundMessage {
  return archiveEvent(topic, 'canceled', article, hash, kill);
}

/**
 * The `updated` event of a revised story: a replay re-derived its current version (same version, better content),
 * which the archive now serves. Marked `wd-replay: true` as the revision that caused it.
 */
export function revisedEvent(
  topic: string,
  article: Ninjs,
  hash: string,
  replay: { ingestId?: string; source?: string },
): OutboundMessage {
  return archiveEvent(topic, 'updated', article, hash, replay, true);
}

import { ArticleHeader, ErrorCode, NINJS_SCHEMA_TAG, WireHeader } from '@wiredesk/contracts';
import type { ConsumedMessage, OutboundMessage } from '@wiredesk/messaging';
import { contentHash, formatNinjsErrors, validateNinjs, type Ninjs } from '@wiredesk/ninjs';
import type { IncomingArticle } from '@wiredesk/storage';

/** Header carrying, as compact JSON, what Wiredesk knows beyond ninjs (written by the enricher). */
export const ENRICHMENT_HEADER = 'wd-enrichment';
/**
 * Marks the events the archive itself publishes on articles.normalized, so it never consumes them as input (its own
 * `canceled` events would otherwise come back to it). Other producers' kills carry no such mark and are stored.
 */
export const EMITTER_HEADER = 'wd-emitter';
export const ARCHIVE_EMITTER = 'archive';

export type ArticleMessage =
  | { kind: 'article'; item: IncomingArticle }
  | { kind: 'own-event' }
  | { kind: 'invalid'; code: ErrorCode; message: string };

/** Reads one articles.normalized message: a ninjs 3.1 document and the headers of DESIGN.md. */
export function readArticleMessage(message: ConsumedMessage): ArticleMessage {
  if (message.headers[EMITTER_HEADER] === ARCHIVE_EMITTER) return { kind: 'own-event' };
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
  const enrichment = parseEnrichment(headers[ENRICHMENT_HEADER]);
  if (enrichment !== undefined) item.enrichment = enrichment;
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

/** The `canceled` event of a killed story on articles.normalized (key = uri, headers of DESIGN.md). */
export function canceledEvent(
  topic: string,
  article: Ninjs,
  hash: string,
  kill: { ingestId?: string; source?: string },
): OutboundMessage {
  const headers: Record<string, string> = {
    [ArticleHeader.event]: 'canceled',
    [ArticleHeader.contentHash]: hash,
    [ArticleHeader.schema]: NINJS_SCHEMA_TAG,
    [EMITTER_HEADER]: ARCHIVE_EMITTER,
  };
  if (kill.ingestId) headers[ArticleHeader.ingestId] = kill.ingestId;
  if (kill.source) headers[ArticleHeader.source] = kill.source;
  return { topic, key: article.uri, value: Buffer.from(JSON.stringify(article), 'utf8'), headers };
}

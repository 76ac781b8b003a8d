import { createHash } from 'node:crypto';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { ArticleEvent } from './story-ledger';

/** The ninjs fields this example uses; the full schema is libs/ninjs/schema/ninjs-schema_3.1.json. */
export interface NinjsArticle {
  uri: string;
  version?: string;
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  headlines?: { role?: string; value: string }[];
  [field: string]: unknown;
}

export interface ReadEvent extends ArticleEvent {
  article: NinjsArticle;
  /** `created` | `updated` | `canceled` as published */
  event: string;
  ingestId?: string;
  source?: string;
}

/** Kafka header values are Buffers (possibly repeated); the last value as a string. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (last === undefined || last === null) return undefined;
  return Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
}

/**
 * Reads one `articles.normalized` message. Returns undefined for anything that is not an article (a tombstone, a
 * value that is not JSON or has no uri): a consumer should log and skip those rather than stop.
 */
export function readArticleEvent(message: Pick<KafkaMessage, 'key' | 'value' | 'headers'>): ReadEvent | undefined {
  if (!message.value || message.value.length === 0) return undefined;
  let article: NinjsArticle;
  try {
    article = JSON.parse(message.value.toString('utf8')) as NinjsArticle;
  } catch {
    return undefined;
  }
  const uri = typeof article?.uri === 'string' ? article.uri : message.key?.toString('utf8');
  if (!uri) return undefined;
  const event = headerText(message.headers, 'wd-event') ?? 'created';
  return {
    uri,
    version: String(article.version ?? '1'),
    // the header is the cheap way; without it, any stable hash of the value still dedupes redeliveries
    contentHash:
      headerText(message.headers, 'wd-content-hash') ?? createHash('sha256').update(message.value).digest('hex'),
    canceled: event === 'canceled' || article.pubStatus === 'canceled',
    article,
    event,
    ingestId: headerText(message.headers, 'wd-ingest-id'),
    source: headerText(message.headers, 'wd-source'),
  };
}

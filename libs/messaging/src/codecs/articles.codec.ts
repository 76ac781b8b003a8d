import { ArticleHeader, NINJS_SCHEMA_TAG, WireHeader, type ArticleEvent } from '@wiredesk/contracts';
import { encodeHeaders } from '../headers';
import type { OutboundMessage } from '../outcomes';

/**
 * The articles.normalized codec: one record per article version, key = uri, the ninjs 3.1 document as UTF-8 JSON,
 * the article headers of docs/contracts.md. The enricher (`created`/`canceled`), the archive (its own `updated` and
 * `canceled` events) and the tests build their records here, so every producer writes the same headers.
 */
export interface ArticleRecordFields {
  /** created vs updated is the archive's call (it knows what it holds); a kill is known to every producer */
  event: ArticleEvent;
  uri: string;
  /** the ninjs document, already serialised */
  json: string;
  contentHash: string;
  ingestId?: string;
  source?: string;
  /** beyond the contract's list, for the archive's records and latency figures */
  channel?: string;
  receivedAt?: string;
  /** JSON of the article's source and enrichment details */
  enrichment?: string;
  /** a re-derivation of replayed raw copy: the archive may let it replace the same version's stored content */
  replay?: boolean;
  /** who published it, when not the pipeline (`archive` for the archive's own events) */
  emitter?: string;
}

export function encodeArticleRecord(topic: string, fields: ArticleRecordFields): OutboundMessage {
  return {
    topic,
    key: fields.uri,
    value: Buffer.from(fields.json, 'utf8'),
    // empty values are left out (encodeHeaders)
    headers: encodeHeaders({
      [ArticleHeader.event]: fields.event,
      [ArticleHeader.ingestId]: fields.ingestId,
      [ArticleHeader.source]: fields.source,
      [ArticleHeader.contentHash]: fields.contentHash,
      [ArticleHeader.schema]: NINJS_SCHEMA_TAG,
      [WireHeader.channel]: fields.channel,
      [WireHeader.receivedAt]: fields.receivedAt,
      [ArticleHeader.enrichment]: fields.enrichment,
      [ArticleHeader.replay]: fields.replay ? 'true' : undefined,
      [ArticleHeader.emitter]: fields.emitter,
    }),
  };
}

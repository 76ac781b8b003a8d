import type { Ninjs } from '@wiredesk/ninjs';

/** Where a message came from in Kafka: kept with every stored version for audit and replay. */
export interface KafkaOrigin {
  topic: string;
  partition: number;
  offset: string;
}

/** One article version as the archive received it from `articles.normalized`, ready to store. */
export interface IncomingArticle {
  ninjs: Ninjs;
  /** `wd-content-hash` header, or computed with @wiredesk/ninjs contentHash when absent */
  contentHash: string;
  ingestId?: string;
  source?: string;
  channel?: string;
  /** when the raw copy was received (wd-received-at of the raw message, when known) */
  receivedAt?: Date;
  /** what enrichment knows beyond ninjs (`wd-enrichment` header: mentions with offsets, scores, ...) */
  enrichment?: unknown;
  origin?: KafkaOrigin;
  /** `wd-replay: true`: a re-derivation of replayed raw copy, which may replace the current version's content */
  replay?: boolean;
  /** bytes of the JSON the article and its enrichment arrived as: bounds the stored size without computing it */
  sourceBytes?: number;
}

/** What happened to one incoming article; the consumer publishes events and commits from these. */
export type ArticleOutcomeKind =
  /** first version of a story */
  | 'created'
  /** a higher version replaced the current one */
  | 'updated'
  /** identical content was already stored (replay, the same story through another channel) */
  | 'unchanged'
  /**
   * a replay re-derived the current version (same version, new content hash): its content replaced the stored one,
   * the earlier derivation is kept in the version's `revisions`; an `updated` event must be published
   */
  | 'revised'
  /** a lower or equal version, or a version after a kill: kept in article_versions, the current one untouched */
  | 'stale'
  /** other content under a version number already stored (not a replay, not a kill): dead-letter VERSION_CONFLICT */
  | 'conflict'
  /** a kill marked the story and every version canceled: a `canceled` event must be published */
  | 'canceled'
  /** the store refused the document for good (invalid, too large): dead-letter it, never retry */
  | 'rejected';

export interface ArticleOutcome {
  /** position of the item in the batch given to applyBatch */
  index: number;
  uri: string;
  version: number;
  outcome: ArticleOutcomeKind;
  /** for `rejected`: why, one sentence */
  error?: string;
  /** for `canceled`: the story as it now stands (pubStatus canceled), the value of the event to publish */
  canceledArticle?: Ninjs;
  /** for `canceled`: the content hash of that document */
  canceledContentHash?: string;
}

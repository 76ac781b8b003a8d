/** Kafka header names of docs/contracts.md. */
export const WireHeader = {
  ingestId: 'wd-ingest-id',
  source: 'wd-source',
  channel: 'wd-channel',
  contentType: 'content-type',
  filename: 'wd-filename',
  format: 'wd-format',
  receivedAt: 'wd-received-at',
  /** `true` on stored raw copy re-produced by `wiredesk replay` (the pipeline passes it on to its articles) */
  replay: 'wd-replay',
} as const;

export const ArticleHeader = {
  event: 'wd-event',
  ingestId: 'wd-ingest-id',
  source: 'wd-source',
  contentHash: 'wd-content-hash',
  schema: 'wd-schema',
  // beyond the contract's list
  /** compact JSON of what Wiredesk knows beyond ninjs (source and enrichment details), written by the enricher */
  enrichment: 'wd-enrichment',
  /** `true` when the article is a re-derivation of replayed raw copy: it may replace the same version's content */
  replay: 'wd-replay',
  /** who published an event other than the enricher (`archive`), so no service consumes its own events */
  emitter: 'wd-emitter',
} as const;

/** The `wd-emitter` value of the events the archive publishes. */
export const ARCHIVE_EMITTER = 'archive';

export const DlqHeader = {
  stage: 'wd-error-stage',
  code: 'wd-error-code',
  message: 'wd-error-message',
  originalTopic: 'wd-original-topic',
  originalPartition: 'wd-original-partition',
  originalOffset: 'wd-original-offset',
  attempts: 'wd-attempts',
} as const;

/** How copy arrived; scheduled sources deliver as `rss` (feeds), `http`, `ftp` (ftp, ftps, sftp), `imap`, `folder`. */
export type WireChannel = 'http' | 'folder' | 'kafka' | 'ftp' | 'rss' | 'imap';
export type ArticleEvent = 'created' | 'updated' | 'canceled';
export type ErrorStage = 'ingest' | 'normalize' | 'enrich' | 'store';
export const NINJS_SCHEMA_TAG = 'ninjs/3.1';

/** The headers of one wire.raw message, as ingest writes them and every stage reads them. */
export interface WireMeta {
  ingestId: string;
  source?: string;
  channel?: WireChannel;
  contentType?: string;
  filename?: string;
  format?: string;
  receivedAt: string;
}

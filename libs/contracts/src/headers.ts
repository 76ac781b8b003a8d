/** Kafka header names of DESIGN.md. */
export const WireHeader = {
  ingestId: 'wd-ingest-id',
  source: 'wd-source',
  channel: 'wd-channel',
  contentType: 'content-type',
  filename: 'wd-filename',
  format: 'wd-format',
  receivedAt: 'wd-received-at',
} as const;

export const ArticleHeader = {
  event: 'wd-event',
  ingestId: 'wd-ingest-id',
  source: 'wd-source',
  contentHash: 'wd-content-hash',
  schema: 'wd-schema',
} as const;

export const DlqHeader = {
  stage: 'wd-error-stage',
  code: 'wd-error-code',
  message: 'wd-error-message',
  originalTopic: 'wd-original-topic',
  originalPartition: 'wd-original-partition',
  originalOffset: 'wd-original-offset',
  attempts: 'wd-attempts',
} as const;

export type WireChannel = 'http' | 'folder' | 'kafka' | 'ftp' | 'rss';
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

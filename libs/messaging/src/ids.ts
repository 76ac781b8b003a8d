import { createHash, randomUUID } from 'node:crypto';

/** Namespace of Wiredesk's name-based (RFC 9562 version 5) UUIDs. */
const WIREDESK_NAMESPACE = Buffer.from('6f1c3a52d0e44a4b9d3f5b8e2c7a9e10', 'hex');

/**
 * A UUID derived from a name: the same name always gives the same id. Used where an id must survive a retry, e.g. an
 * HTTP Idempotency-Key, or a raw message written straight to Kafka without wd-ingest-id (named by its position).
 */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(WIREDESK_NAMESPACE).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newIngestId(): string {
  return randomUUID();
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string | undefined): text is string {
  return !!text && UUID_PATTERN.test(text);
}

/**
 * Stable error codes: they appear in wire.dlq headers, HTTP problem+json bodies and CLI stderr.
 * Never rename one; add new ones.
 */
export const ErrorCode = {
  EMPTY_INPUT: 'EMPTY_INPUT',
  TOO_LARGE: 'TOO_LARGE',
  UNKNOWN_FORMAT: 'UNKNOWN_FORMAT',
  BINARY_INPUT: 'BINARY_INPUT',
  UNDECODABLE_TEXT: 'UNDECODABLE_TEXT',
  MALFORMED_XML: 'MALFORMED_XML',
  MALFORMED_JSON: 'MALFORMED_JSON',
  ENTITY_EXPANSION: 'ENTITY_EXPANSION',
  EXTERNAL_ENTITY: 'EXTERNAL_ENTITY',
  NESTING_TOO_DEEP: 'NESTING_TOO_DEEP',
  NO_CONTENT: 'NO_CONTENT',
  NO_HEADLINE: 'NO_HEADLINE',
  /** an e-mail (RFC 5322 / MIME) whose structure cannot be read */
  MALFORMED_EMAIL: 'MALFORMED_EMAIL',
  /** a JPEG, PNG, TIFF or WebP picture cut short or damaged: no image can be read from it */
  MALFORMED_IMAGE: 'MALFORMED_IMAGE',
  /** well-formed input that is no news item at all: a poll list, an API error, a service message */
  NOT_NEWS: 'NOT_NEWS',
  UNSUPPORTED_VERSION: 'UNSUPPORTED_VERSION',
  INVALID_NINJS: 'INVALID_NINJS',
  INVALID_MESSAGE: 'INVALID_MESSAGE',
  ENRICH_FAILED: 'ENRICH_FAILED',
  STORE_REJECTED: 'STORE_REJECTED',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** parsing one raw input ran past PARSE_TIME_LIMIT_MS (its worker thread was stopped) */
  PARSE_TIMEOUT: 'PARSE_TIMEOUT',
  /** enriching one article ran past ENRICH_TIME_LIMIT_MS (its worker thread was stopped) */
  ENRICH_TIMEOUT: 'ENRICH_TIMEOUT',
  /** HTTP 422: an Idempotency-Key sent again with a different body (IETF Idempotency-Key draft) */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** the copy declares a version that is not a whole number from 1 to 1,000,000,000 (`-1`, 20 digits) */
  INVALID_VERSION: 'INVALID_VERSION',
  /** another story is already stored under this source id and version (the archive keeps the first) */
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  /** one delivery holds more stories than MAX_ARTICLES_PER_DELIVERY (a feed or NDJSON backlog in one piece) */
  TOO_MANY_ARTICLES: 'TOO_MANY_ARTICLES',
  /** a drop-folder feed folder whose name is not a valid source (the X-Wire-Source rule) */
  INVALID_SOURCE: 'INVALID_SOURCE',
  /** a drop-folder entry that is not copy: not a regular file, too deeply nested, or an upload left unfinished */
  UNSUPPORTED_FILE: 'UNSUPPORTED_FILE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A permanent failure caused by the input itself: it goes to wire.dlq at once, never retried. */
export class WireError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

export function isWireError(e: unknown): e is WireError {
  return e instanceof WireError;
}

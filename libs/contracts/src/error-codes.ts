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
  /** well-formed input that is no news item at all: a poll list, an API error, a service message */
  NOT_NEWS: 'NOT_NEWS',
  UNSUPPORTED_VERSION: 'UNSUPPORTED_VERSION',
  INVALID_NINJS: 'INVALID_NINJS',
  INVALID_MESSAGE: 'INVALID_MESSAGE',
  ENRICH_FAILED: 'ENRICH_FAILED',
  STORE_REJECTED: 'STORE_REJECTED',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
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

/** A failure of something outside the input (broker, store, network, time): retry later, never dead-letter. */
export class TransientError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

const TRANSIENT_NAMES = new Set([
  'TransientError',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSTimeout',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSStaleTopicMetadataAssignment',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoWriteConcernError',
  'MongooseServerSelectionError',
]);

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether an error is about the environment rather than the input. Unknown errors are not transient: the runner
 * retries them a few times in place and then dead-letters, so a poison message cannot block its partition.
 */
export function isTransientError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    name?: string;
    code?: unknown;
    retriable?: boolean;
    hasErrorLabel?: (label: string) => boolean;
    cause?: unknown;
    originalError?: unknown;
  };
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  // kafkajs marks retriable protocol errors (NOT_LEADER_FOR_PARTITION, REQUEST_TIMED_OUT, ...)
  if (e.name?.startsWith('KafkaJS') && e.retriable === true) return true;
  if (typeof e.hasErrorLabel === 'function') {
    try {
      if (e.hasErrorLabel('RetryableWriteError') || e.hasErrorLabel('TransientTransactionError')) return true;
    } catch {
      // not a MongoError after all
    }
  }
  return isTransientError(e.cause, depth + 1) || isTransientError(e.originalError, depth + 1);
}

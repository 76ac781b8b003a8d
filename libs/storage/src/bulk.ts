import {
  MongoBulkWriteError,
  MongoError,
  MongoServerError,
  MongoWriteConcernError,
  type AnyBulkWriteOperation,
  type Collection,
  type Document,
} from 'mongodb';

export const DUPLICATE_KEY = 11000;

/** Server error codes that mean "try again later", not "this document is bad". */
const TRANSIENT_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  50, // MaxTimeMSExpired
  64, // WriteConcernFailed
  89, // NetworkTimeout
  91, // ShutdownInProgress
  112, // WriteConflict
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/**
 * Is this failure the store being unavailable (retry the whole batch later, never dead-letter) rather than the
 * document being unacceptable or a bug? Driver-level failures (network, server selection, pool cleared, not
 * connected, write concern) are; a server's verdict is only when its code or labels say so.
 */
export function isTransientStoreError(error: unknown): boolean {
  if (error instanceof MongoWriteConcernError) return true;
  if (error instanceof MongoServerError) {
    if (error.hasErrorLabel('RetryableWriteError') || error.hasErrorLabel('TransientTransactionError')) return true;
    return typeof error.code === 'number' && TRANSIENT_CODES.has(error.code);
  }
  if (error instanceof MongoError) return true;
  const name = (error as { name?: unknown })?.name;
  return name === 'MongooseServerSelectionError' || name === 'MongooseError';
}

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown })?.code === DUPLICATE_KEY;
}

/** An op that failed because of what it writes, not because the store is down. */
export interface PermanentFailure {
  code?: number;
  message: string;
}

/**
 * Runs idempotent write operations as one unordered bulk. Duplicate-key errors are expected (replays, guarded
 * upserts losing to a newer version) and ignored. Any other per-operation error is returned, by operation index,
 * for the caller to reject that item; store outages are thrown.
 *
 * FerretDB stops an "unordered" bulk at its first failing operation, so after any bulk error nobody can tell which of
 * the other operations ran: they are all run again one by one. That is safe because every op given here is
 * idempotent (guarded upserts, $setOnInsert, status updates).
 */
export async function bulkWriteIdempotent<T extends Document>(
  collection: Collection<T>,
  ops: AnyBulkWriteOperation<T>[],
): Promise<Map<number, PermanentFailure>> {
  const failures = new Map<number, PermanentFailure>();
  if (ops.length === 0) return failures;
  try {
    await collection.bulkWrite(ops, { ordered: false });
    return failures;
  } catch (error) {
    // outages and timeouts are not bulk errors; a bulk error with no write errors is a write-concern failure
    if (!(error instanceof MongoBulkWriteError) || writeErrorsOf(error).length === 0) throw error;
  }
  for (let index = 0; index < ops.length; index++) {
    const failure = await writeOne(collection, ops[index]);
    if (failure) failures.set(index, failure);
  }
  return failures;
}

/**
 * One op alone. A duplicate-key error is tried once more: two upserts racing to create the same document both see
 * none, one inserts and the other collides; on the second try the loser sees the document and its guard decides
 * (a higher version updates it, anything else collides again: it really is not newer).
 */
async function writeOne<T extends Document>(
  collection: Collection<T>,
  op: AnyBulkWriteOperation<T>,
): Promise<PermanentFailure | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      await collection.bulkWrite([op], { ordered: true });
      return undefined;
    } catch (error) {
      const code = writeErrorCode(error);
      if (code === DUPLICATE_KEY) {
        if (attempt < 2) continue;
        return undefined;
      }
      if (code === undefined || TRANSIENT_CODES.has(code) || isTransientStoreError(error)) throw error;
      return { code, message: writeErrorMessage(error) };
    }
  }
}

interface WriteErrorLike {
  code?: number;
  errmsg?: string;
}

function writeErrorsOf(error: MongoBulkWriteError): WriteErrorLike[] {
  const errors = error.writeErrors as unknown;
  if (Array.isArray(errors)) return errors as WriteErrorLike[];
  return errors ? [errors as WriteErrorLike] : [];
}

function firstWriteError(error: unknown): WriteErrorLike | undefined {
  return error instanceof MongoBulkWriteError ? writeErrorsOf(error)[0] : undefined;
}

function writeErrorCode(error: unknown): number | undefined {
  const writeError = firstWriteError(error);
  if (writeError?.code !== undefined) return writeError.code;
  if (error instanceof MongoServerError && typeof error.code === 'number') return error.code;
  return undefined;
}

function writeErrorMessage(error: unknown): string {
  return firstWriteError(error)?.errmsg ?? (error instanceof Error ? error.message : String(error));
}

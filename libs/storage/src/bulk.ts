import { MongoBulkWriteError, MongoError, MongoServerError, MongoWriteConcernError, type Document } from 'mongodb';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

export const DUPLICATE_KEY = 11000;

/** Every Wiredesk collection keys its documents by a string _id (uri, version id, ingest id). */
export type StoredDocument = Document & { _id: string };

/** A write statement for a model's bulkWrite. */
export type WriteOp = AnyBulkWriteOperation<StoredDocument>;

/**
 * The archive's mongoose models, typed by what the write path stores (the schemas stay the rules: bulkWrite casts
 * its statements through them; documents inserted in bulk were checked against them first, see schema-check.ts).
 */
export type StoreModel = Model<StoredDocument>;

/**
 * Options of every bulk write: unordered; no schema defaults added to upserts (the write path sets every field it
 * means, and a default beside an `$addToSet` of the same array would conflict).
 */
const BULK_OPTIONS = { ordered: false, setDefaultsOnInsert: false } as const;

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

/** An op that failed because of what it writes, not because the store is down. */
export interface PermanentFailure {
  code?: number;
  message: string;
}

/**
 * Runs idempotent write operations as unordered bulks of at most `maxOpsPerCommand` statements. Duplicate-key errors
 * are expected (replays, guarded upserts losing to a newer version) and ignored. Any other per-operation error is returned, by operation index,
 * for the caller to reject that item; store outages are thrown.
 *
 * FerretDB stops an "unordered" bulk at its first failing operation, so after any bulk error nobody can tell which of
 * the other operations ran: they are all run again one by one. That is safe because every op given here is
 * idempotent (guarded upserts, $setOnInsert, status updates).
 */
export async function bulkWriteIdempotent(
  model: StoreModel,
  ops: WriteOp[],
  maxOpsPerCommand = 1000,
): Promise<Map<number, PermanentFailure>> {
  const failures = new Map<number, PermanentFailure>();
  for (let start = 0; start < ops.length; start += maxOpsPerCommand) {
    const chunk = ops.slice(start, start + maxOpsPerCommand);
    try {
      await model.bulkWrite(chunk, BULK_OPTIONS);
      continue;
    } catch (error) {
      // outages and timeouts are not bulk errors; a bulk error with no write errors is a write-concern failure
      if (!(error instanceof MongoBulkWriteError) || writeErrorsOf(error).length === 0) throw error;
    }
    for (let index = 0; index < chunk.length; index++) {
      const failure = await writeOne(model, chunk[index]);
      if (failure) failures.set(start + index, failure);
    }
  }
  return failures;
}

/**
 * Inserts documents, unordered, in commands of at most `maxPerCommand`. A duplicate key means the document is already
 * stored (a replay): reported in `duplicates`, not an error. Other per-document errors are returned by index; store
 * outages are thrown. Inserts are the cheapest write on FerretDB (no scan), hence preferred wherever a document is
 * new in the common case.
 */
export async function insertIgnoringDuplicates(
  model: StoreModel,
  docs: StoredDocument[],
  maxPerCommand = 1000,
): Promise<{ duplicates: Set<number>; failures: Map<number, PermanentFailure> }> {
  const duplicates = new Set<number>();
  const failures = new Map<number, PermanentFailure>();
  for (let start = 0; start < docs.length; start += maxPerCommand) {
    const chunk = docs.slice(start, start + maxPerCommand);
    try {
      // lean: the documents go to the driver as they are, no mongoose document per item (checked beforehand)
      await model.insertMany(chunk, { ordered: false, lean: true });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError) || writeErrorsOf(error).length === 0) throw error;
      for (const writeError of writeErrorsOf(error)) {
        const index = start + (writeError.index ?? writeError.err?.index ?? 0);
        const code = writeError.code ?? writeError.err?.code;
        if (code === DUPLICATE_KEY) duplicates.add(index);
        else if (code !== undefined && TRANSIENT_CODES.has(code)) throw error;
        else
          failures.set(index, {
            code,
            message: writeError.errmsg ?? writeError.err?.errmsg ?? 'The store refused the document.',
          });
      }
    }
  }
  return { duplicates, failures };
}

/**
 * One op alone. A duplicate-key error is tried once more: two upserts racing to create the same document both see
 * none, one inserts and the other collides; on the second try the loser sees the document and its guard decides
 * (a higher version updates it, anything else collides again: it really is not newer).
 */
async function writeOne(model: StoreModel, op: WriteOp): Promise<PermanentFailure | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      await model.bulkWrite([op], { ...BULK_OPTIONS, ordered: true });
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

/**
 * The driver's WriteError reads code, index and errmsg through getters over `err`; mongoose's insertMany re-indexes
 * its write errors as plain copies, which keep `err` and `index` only. Both shapes are read.
 */
interface WriteErrorLike {
  code?: number;
  errmsg?: string;
  index?: number;
  err?: { code?: number; errmsg?: string; index?: number };
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
  const code = writeError?.code ?? writeError?.err?.code;
  if (code !== undefined) return code;
  if (error instanceof MongoServerError && typeof error.code === 'number') return error.code;
  return undefined;
}

function writeErrorMessage(error: unknown): string {
  const writeError = firstWriteError(error);
  return writeError?.errmsg ?? writeError?.err?.errmsg ?? (error instanceof Error ? error.message : String(error));
}

/**
 * What the connected server can do, decided once at start. Wiredesk runs on MongoDB in production and on FerretDB
 * 1.24 (SQLite) in development and CI; FerretDB differs in ways the write path must respect:
 * - only a filter that is exactly `{_id: <string>}` is answered from an index (with the build libs/infra makes, whose
 *   patch lets SQLite use the _id index at all); any other filter, `{_id: {$in: …}}` included, is a scan that decodes
 *   every document in Go. So reads by _id go one query each, and updates and deletes filter on `_id` alone;
 * - an update's filter and write are two steps, not atomic, so version guards in the filter protect nothing across
 *   clients (one writer per story is guaranteed by Kafka partitioning and, within a process, by a lock);
 * - an `update` command with about 100 statements or more deadlocks the server (each statement holds one of its 100
 *   SQLite connections until the command ends), so bulk writes go in small commands.
 */
export interface StoreProfile {
  kind: 'mongodb' | 'ferretdb';
  /** filters like {_id, version: {$lt: n}} are evaluated and applied atomically */
  atomicGuards: boolean;
  /** filters on fields other than `_id` (uri, pubStatus…) are answered from the collection's indexes */
  secondaryIndexes: boolean;
  /** up to this many documents are read by _id one query each rather than with one $in (an index lookup each on
   * FerretDB, where a $in is a full scan) */
  pointReadMax: number;
  /** most write statements sent in one command */
  maxOpsPerCommand: number;
  /** most point reads in flight at once */
  readConcurrency: number;
}

export function storeProfile(kind: StoreProfile['kind']): StoreProfile {
  return kind === 'ferretdb'
    ? {
        kind,
        atomicGuards: false,
        secondaryIndexes: false,
        pointReadMax: Number.POSITIVE_INFINITY,
        maxOpsPerCommand: 25,
        readConcurrency: 8,
      }
    : { kind, atomicGuards: true, secondaryIndexes: true, pointReadMax: 0, maxOpsPerCommand: 1000, readConcurrency: 1 };
}

export const STORE_PROFILE = Symbol('STORE_PROFILE');

import type { StoreProfile } from './store-profile';

export interface StorageOptions {
  /** MONGO_URL; the database named in it is used unless `dbName` is given */
  uri: string;
  /** overrides the URL's database (tests use one per file) */
  dbName?: string;
  /** how long an operation waits for a reachable server before failing (transient error) */
  serverSelectionTimeoutMS?: number;
  /** create the indexes at start (default true); MongoDB and FerretDB treat existing ones as a no-op */
  ensureIndexes?: boolean;
  /** which server to write for; detected from buildInfo when absent */
  serverKind?: StoreProfile['kind'];
  /** the time budget of one API request's store queries (QUERY_TIME_LIMIT_MS) */
  queryTimeLimitMs?: number;
}

export const DEFAULT_QUERY_TIME_LIMIT_MS = 5000;

export const STORAGE_OPTIONS = Symbol('STORAGE_OPTIONS');

import { mapLimited } from '@wiredesk/platform';
import type { Document } from 'mongodb';
import type { StoreModel } from './bulk';

/**
 * How hard to push the connected server, decided once at start. Wiredesk runs on MongoDB in production and on
 * FerretDB 1.24 (SQLite) in development and CI. The statements are the same on both (every filter of the write path
 * and of the point reads is `{_id}`); only their batching differs, because FerretDB:
 * - answers only a filter that is exactly `{_id: <string>}` from an index (with the build libs/infra makes, whose
 *   patch lets SQLite use the _id index at all); any other filter, `{_id: {$in: …}}` included, is a scan that decodes
 *   every document in Go. So documents are read by _id one query each there, several in flight;
 * - deadlocks on an `update` command of about 100 statements or more (each statement holds one of its 100 SQLite
 *   connections until the command ends), so bulk writes go in small commands.
 */
export interface StoreProfile {
  kind: 'mongodb' | 'ferretdb';
  /** up to this many documents are read by _id one query each rather than with one $in */
  pointReadMax: number;
  /** most write statements sent in one command */
  maxOpsPerCommand: number;
  /** most point reads in flight at once */
  readConcurrency: number;
}

export function storeProfile(kind: StoreProfile['kind']): StoreProfile {
  return kind === 'ferretdb'
    ? { kind, pointReadMax: Number.POSITIVE_INFINITY, maxOpsPerCommand: 25, readConcurrency: 8 }
    : { kind, pointReadMax: 1, maxOpsPerCommand: 1000, readConcurrency: 4 };
}

export const STORE_PROFILE = Symbol('STORE_PROFILE');

/**
 * Documents by _id, in no particular order (missing ones left out): one `$in` query, or (FerretDB, or a single id)
 * one query per id. `maxTimeMS`, when given, bounds each query.
 */
export async function readByIds<T>(
  model: StoreModel,
  ids: readonly string[],
  fields: Document,
  profile: StoreProfile,
  maxTimeMS?: () => number,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const projection = { ...fields, _id: 0 };
  const limit = <Q extends { maxTimeMS(ms: number): Q }>(query: Q): Q =>
    maxTimeMS ? query.maxTimeMS(maxTimeMS()) : query;
  if (ids.length > profile.pointReadMax) {
    return limit(model.find({ _id: { $in: [...ids] } }, projection)).lean<T[]>();
  }
  const docs = await mapLimited(ids, profile.readConcurrency, (id) =>
    limit(model.findOne({ _id: id }, projection)).lean<T>(),
  );
  return docs.filter((doc): doc is NonNullable<typeof doc> => doc !== null) as T[];
}

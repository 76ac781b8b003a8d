import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { StoredDocument } from '../bulk';
import { versionId } from '../schemas/article-version.schema';
import type { StoreProfile } from '../store-profile';
import type { ArticleRecord } from './article-record';

export type WriteOp = AnyBulkWriteOperation<StoredDocument>;

/**
 * The write statements of ArticleRepository.applyBatch. Every one is idempotent, so a batch can be replayed or a
 * failed bulk re-run statement by statement. Filters name the document by `_id` (the one lookup FerretDB serves from
 * an index); where the store applies guards atomically (MongoDB) they also carry the version guard.
 */

/** The document of one version in article_versions. */
export function versionDocument(record: ArticleRecord, storyCanceled: boolean, now: Date): Document {
  const canceled = storyCanceled || record.pubStatus === 'canceled';
  return stripUndefined({
    uri: record.uri,
    version: record.version,
    versionLabel: record.versionLabel,
    contentHash: record.contentHash,
    pubStatus: canceled ? 'canceled' : record.pubStatus,
    originalPubStatus: record.pubStatus,
    ninjs: canceled ? { ...record.ninjs, pubStatus: 'canceled' } : record.ninjs,
    versionCreated: record.versionCreated,
    enrichment: record.enrichment,
    ingest: record.ingest,
    canceledAt: canceled ? now : undefined,
    storedAt: now,
  });
}

/** A version to insert (a replay collides with the stored one on _id, and changes nothing). */
export function versionInsertDoc(record: ArticleRecord, storyCanceled: boolean, now: Date): StoredDocument {
  return { _id: versionId(record.uri, record.version), ...versionDocument(record, storyCanceled, now) };
}

/** The (version, content hash) pairs a story document lists, so a batch can be planned from `articles` alone. */
export interface VersionHash {
  v: number;
  h: string;
}

function killFields(record: ArticleRecord, now: Date): Document {
  return record.pubStatus === 'canceled'
    ? { canceledAt: now, canceledByVersion: record.version, cancelEventPending: true }
    : {};
}

/** The document of a story seen for the first time. */
export function newStoryDoc(record: ArticleRecord, versionHashes: VersionHash[], now: Date): StoredDocument {
  return {
    _id: record.uri,
    ...stripUndefined({ ...record }),
    ...killFields(record, now),
    versionHashes,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The new current version of a story. With atomic guards, only if the stored one is lower (and not killed, unless
 * this is a kill): when a newer one won a race the filter matches nothing, the upsert collides with the _id and the
 * duplicate-key error is ignored. Without (FerretDB), the plan made under the story lock decides alone.
 */
export function currentWriteOp(
  record: ArticleRecord,
  now: Date,
  profile: StoreProfile,
  versionHashes: VersionHash[] = [],
): WriteOp {
  const kill = record.pubStatus === 'canceled';
  const filter: Document = { _id: record.uri };
  if (profile.atomicGuards) {
    filter.version = { $lt: record.version };
    if (!kill) filter.pubStatus = { $ne: 'canceled' };
  }
  const update: Document = {
    $set: stripUndefined({ ...record, ...killFields(record, now), updatedAt: now }),
    $setOnInsert: { createdAt: now },
  };
  // one statement instead of two where each statement costs a scan (FerretDB); where a guard may make this one
  // match nothing (MongoDB), the versions are listed by versionHashesOp instead
  if (versionHashes.length > 0) update.$addToSet = { versionHashes: { $each: versionHashes } };
  return { updateOne: { filter, update, upsert: true } };
}

/** Lists versions stored by a batch in their story's document (no upsert: the story exists by then). */
export function versionHashesOp(uri: string, versionHashes: VersionHash[]): WriteOp {
  return {
    updateOne: { filter: { _id: uri }, update: { $addToSet: { versionHashes: { $each: versionHashes } } } },
  };
}

/** A kill: the story keeps its current content and becomes canceled, with its event pending (outbox). */
export function cancelStoryOp(kill: ArticleRecord, now: Date, profile: StoreProfile): WriteOp {
  const filter: Document = { _id: kill.uri };
  if (profile.atomicGuards) filter.pubStatus = { $ne: 'canceled' };
  return {
    updateOne: {
      filter,
      update: {
        $set: {
          pubStatus: 'canceled',
          'ninjs.pubStatus': 'canceled',
          canceledAt: now,
          canceledByVersion: kill.version,
          cancelEventPending: true,
          updatedAt: now,
        },
      },
    },
  };
}

/** Every stored version of a killed story becomes canceled (the version keeps what it said in originalPubStatus). */
export function cancelVersionsOp(uri: string, now: Date): WriteOp {
  return {
    updateMany: {
      filter: { uri, pubStatus: { $ne: 'canceled' } },
      update: { $set: { pubStatus: 'canceled', 'ninjs.pubStatus': 'canceled', canceledAt: now } },
    },
  };
}

export function cancelEventPublishedOp(uri: string, now: Date, profile: StoreProfile): WriteOp {
  const filter: Document = { _id: uri };
  if (profile.atomicGuards) filter.cancelEventPending = true;
  return {
    updateOne: { filter, update: { $set: { cancelEventPending: false, cancelEventPublishedAt: now } } },
  };
}

/** MongoDB stores `undefined` as null; leave such fields out instead. */
export function stripUndefined(doc: Document): Document {
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}

import { BSON, type AnyBulkWriteOperation, type Document } from 'mongodb';
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

/**
 * Every stored version of a killed story becomes canceled (the version keeps what it said in originalPubStatus).
 * Where only `_id` is indexed (FerretDB), a filter on `uri` would scan every version of every story: the versions the
 * story lists are named one by one instead; elsewhere one `updateMany` on the `uri` index also catches any unlisted.
 */
export function cancelVersionsOps(
  uri: string,
  versions: readonly number[],
  now: Date,
  profile: StoreProfile,
): WriteOp[] {
  if (profile.secondaryIndexes) {
    return [
      {
        updateMany: {
          filter: { uri, pubStatus: { $ne: 'canceled' } },
          update: { $set: { pubStatus: 'canceled', 'ninjs.pubStatus': 'canceled', canceledAt: now } },
        },
      },
    ];
  }
  // no guard in the filter (it would not be pushed down): $min keeps the first cancellation time on a replayed kill
  return [...new Set(versions)].map((version) => ({
    updateOne: {
      filter: { _id: versionId(uri, version) },
      update: { $set: { pubStatus: 'canceled', 'ninjs.pubStatus': 'canceled' }, $min: { canceledAt: now } },
    },
  }));
}

export function cancelEventPublishedOp(uri: string, now: Date, profile: StoreProfile): WriteOp {
  const filter: Document = { _id: uri };
  if (profile.atomicGuards) filter.cancelEventPending = true;
  return {
    updateOne: { filter, update: { $set: { cancelEventPending: false, cancelEventPublishedAt: now } } },
  };
}

/**
 * Revisions (a replay re-derived a stored version: see version-plan.ts). `article_versions` keeps one document per
 * (uri, version): the source's version, which a revision does not multiply. Its content is the latest derivation of
 * that version, and every earlier derivation is pushed, as it was stored, onto its `revisions` (oldest first, the
 * newest MAX_REVISIONS kept), each with its content hash, ninjs, enrichment, ingest details, when it was stored and
 * when it was superseded. So what was once served for a version is never lost, only moved; nothing else about a stored
 * version ever changes but the status a kill gives it.
 */
export const MAX_REVISIONS = 10;

/** A stored derivation of a version, as a revision keeps it. */
export interface VersionRevision {
  contentHash: string;
  ninjs?: unknown;
  enrichment?: unknown;
  ingest?: unknown;
  /** when this derivation was stored */
  storedAt?: Date;
  supersededAt: Date;
  /** ninjs and enrichment were left out: the version document would not fit the store's 16 MB limit */
  contentOmitted?: true;
}

/** The fields of a stored version a revision reads. */
export interface StoredDerivation {
  contentHash: string;
  ninjs?: unknown;
  enrichment?: unknown;
  ingest?: unknown;
  storedAt?: Date;
  revisedAt?: Date;
  revisions?: VersionRevision[];
}

/** Optional fields a new derivation may no longer have: left out, they are removed rather than kept from the old. */
const OPTIONAL_RECORD_FIELDS = ['versionLabel', 'firstCreated', 'type', 'language', 'source', 'headline', 'enrichment'];

function unsetAbsent(set: Document, fields: string[]): Document | undefined {
  const absent = fields.filter((f) => set[f] === undefined);
  return absent.length ? Object.fromEntries(absent.map((f) => [f, ''])) : undefined;
}

/** The newest MAX_REVISIONS derivations; the oldest lose their content first when the document would not fit. */
export function boundedRevisions(revisions: VersionRevision[], baseBytes: number, maxBytes: number): VersionRevision[] {
  const kept = revisions.slice(-MAX_REVISIONS).map((r) => ({ ...r }));
  for (const r of kept) {
    if (baseBytes + BSON.calculateObjectSize({ revisions: kept }) <= maxBytes) break;
    delete r.ninjs;
    delete r.enrichment;
    r.contentOmitted = true;
  }
  return kept;
}

/**
 * The version document takes the new derivation of its version; the stored one joins its revisions. Undefined when
 * the document already holds it (a batch re-run after a crash between this write and the story's).
 */
export function reviseVersionOp(
  record: ArticleRecord,
  stored: StoredDerivation,
  now: Date,
  profile: StoreProfile,
  maxBytes: number,
): WriteOp | undefined {
  if (stored.contentHash === record.contentHash) return undefined;
  // the version keeps when it was first stored; revisedAt says when its content last changed
  const content = versionDocument(record, false, now);
  delete content.storedAt;
  const superseded: VersionRevision = stripUndefined({
    contentHash: stored.contentHash,
    ninjs: stored.ninjs,
    enrichment: stored.enrichment,
    ingest: stored.ingest,
    storedAt: stored.revisedAt ?? stored.storedAt,
    supersededAt: now,
  }) as VersionRevision;
  const set: Document = { ...content, revisedAt: now };
  set.revisions = boundedRevisions([...(stored.revisions ?? []), superseded], BSON.calculateObjectSize(set), maxBytes);
  const filter: Document = { _id: versionId(record.uri, record.version) };
  if (profile.atomicGuards) filter.contentHash = stored.contentHash;
  const unset = unsetAbsent(set, ['versionLabel', 'enrichment']);
  return { updateOne: { filter, update: { $set: set, ...(unset ? { $unset: unset } : {}) } } };
}

/**
 * The current document takes the new derivation of its version, with the version list updated to its hash and the
 * `updated` event pending (outbox, cleared by revisionEventPublishedOp). Guarded, where guards are atomic, by the
 * version and content it replaces and the story not being killed.
 */
export function reviseCurrentOp(
  record: ArticleRecord,
  previousHash: string,
  versionHashes: VersionHash[],
  now: Date,
  profile: StoreProfile,
): WriteOp {
  const filter: Document = { _id: record.uri };
  if (profile.atomicGuards) {
    filter.version = record.version;
    filter.contentHash = previousHash;
    filter.pubStatus = { $ne: 'canceled' };
  }
  const set = stripUndefined({
    ...record,
    versionHashes: versionHashes.map((vh) => (vh.v === record.version ? { v: vh.v, h: record.contentHash } : vh)),
    revisionEventPending: record.contentHash,
    revisedAt: now,
    updatedAt: now,
  });
  const unset = unsetAbsent(set, OPTIONAL_RECORD_FIELDS);
  return { updateOne: { filter, update: { $set: set, ...(unset ? { $unset: unset } : {}) } } };
}

export function revisionEventPublishedOp(uri: string, contentHash: string, now: Date, profile: StoreProfile): WriteOp {
  const filter: Document = { _id: uri };
  if (profile.atomicGuards) filter.revisionEventPending = contentHash;
  return {
    updateOne: {
      filter,
      update: { $unset: { revisionEventPending: '' }, $set: { revisionEventPublishedAt: now } },
    },
  };
}

/** MongoDB stores `undefined` as null; leave such fields out instead. */
export function stripUndefined(doc: Document): Document {
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}

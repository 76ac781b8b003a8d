import { BSON, type Document } from 'mongodb';
import type { StoredDocument, WriteOp } from '../bulk';
import { versionId } from '../schemas/article-version.schema';
import type { TimelineRef } from '../timeline/timeline-entry';
import type { ArticleRecord } from './article-record';

export type { WriteOp } from '../bulk';

/**
 * The write statements of ArticleRepository.applyBatch. Every one is idempotent, so a batch can be replayed or a
 * failed bulk re-run statement by statement. Every filter is exactly `{_id}`: the one lookup both MongoDB and
 * FerretDB 1.24 serve from an index (FerretDB evaluates any other filter by decoding every document of the
 * collection). There are no version guards in filters: the plan, made under the story lock from the stored state,
 * decides, and one writer per story is what Kafka's keying gives (see article.repository.ts).
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
export function newStoryDoc(
  record: ArticleRecord,
  versionHashes: VersionHash[],
  now: Date,
  timeline?: TimelineRef,
): StoredDocument {
  return {
    _id: record.uri,
    ...stripUndefined({ ...record }),
    ...killFields(record, now),
    versionHashes,
    ...(timeline ? { timeline } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The new current version of a story, with the versions this batch stored listed in the same statement and its new
 * timeline entry recorded. An upsert: the story may have been created meanwhile (its insert collided).
 */
export function currentWriteOp(
  record: ArticleRecord,
  now: Date,
  versionHashes: VersionHash[] = [],
  timeline?: TimelineRef,
): WriteOp {
  const update: Document = {
    $set: stripUndefined({ ...record, ...killFields(record, now), timeline, updatedAt: now }),
    $setOnInsert: { createdAt: now },
  };
  if (versionHashes.length > 0) update.$addToSet = { versionHashes: { $each: versionHashes } };
  return { updateOne: { filter: { _id: record.uri }, update, upsert: true } };
}

/** Lists versions stored by a batch in their story's document (no upsert: the story exists by then). */
export function versionHashesOp(uri: string, versionHashes: VersionHash[]): WriteOp {
  return {
    updateOne: { filter: { _id: uri }, update: { $addToSet: { versionHashes: { $each: versionHashes } } } },
  };
}

/** A kill: the story keeps its current content and becomes canceled, with its event pending (outbox). */
export function cancelStoryOp(kill: ArticleRecord, now: Date, timeline?: TimelineRef): WriteOp {
  return {
    updateOne: {
      filter: { _id: kill.uri },
      update: {
        $set: {
          ...(timeline ? { timeline } : {}),
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
 * Every stored version of a killed story becomes canceled (the version keeps what it said in originalPubStatus). The
 * versions the story lists are named one by one, by `_id`. No guard in the filter: $min keeps the first cancellation
 * time on a replayed kill.
 */
export function cancelVersionsOps(uri: string, versions: readonly number[], now: Date): WriteOp[] {
  return [...new Set(versions)].map((version) => ({
    updateOne: {
      filter: { _id: versionId(uri, version) },
      update: { $set: { pubStatus: 'canceled', 'ninjs.pubStatus': 'canceled' }, $min: { canceledAt: now } },
    },
  }));
}

/** The kill's `canceled` event is published: a replayed kill no longer reports `canceled`. */
export function cancelEventPublishedOp(uri: string, now: Date): WriteOp {
  return {
    updateOne: { filter: { _id: uri }, update: { $set: { cancelEventPending: false, cancelEventPublishedAt: now } } },
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
  const unset = unsetAbsent(set, ['versionLabel', 'enrichment']);
  return {
    updateOne: {
      filter: { _id: versionId(record.uri, record.version) },
      update: { $set: set, ...(unset ? { $unset: unset } : {}) },
    },
  };
}

/**
 * The current document takes the new derivation of its version, with the version list updated to its hash and the
 * `updated` event pending (outbox, cleared by revisionEventPublishedOp) and its new timeline entry.
 */
export function reviseCurrentOp(
  record: ArticleRecord,
  versionHashes: VersionHash[],
  now: Date,
  timeline?: TimelineRef,
): WriteOp {
  const set = stripUndefined({
    ...record,
    versionHashes: versionHashes.map((vh) => (vh.v === record.version ? { v: vh.v, h: record.contentHash } : vh)),
    revisionEventPending: record.contentHash,
    timeline,
    revisedAt: now,
    updatedAt: now,
  });
  const unset = unsetAbsent(set, OPTIONAL_RECORD_FIELDS);
  return { updateOne: { filter: { _id: record.uri }, update: { $set: set, ...(unset ? { $unset: unset } : {}) } } };
}

/**
 * The revision's `updated` event is published. Only the mark of that very revision is cleared: the filter cannot
 * say so (it is `_id` alone), so the caller passes the revisions whose events it sent, read under the story lock.
 */
export function revisionEventPublishedOp(uri: string, now: Date): WriteOp {
  return {
    updateOne: {
      filter: { _id: uri },
      update: { $unset: { revisionEventPending: '' }, $set: { revisionEventPublishedAt: now } },
    },
  };
}

/** MongoDB stores `undefined` as null; leave such fields out instead. */
export function stripUndefined(doc: Document): Document {
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}

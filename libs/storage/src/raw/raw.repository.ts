import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { GridFSBucket, ObjectId, type Document } from 'mongodb';
import type { Connection } from 'mongoose';
import {
  bulkWriteIdempotent,
  insertIgnoringDuplicates,
  type PermanentFailure,
  type StoreModel,
  type StoredDocument,
} from '../bulk';
import { COUNTER_MODEL, RAW_COPIES_COUNTER } from '../schemas/timeline.schema';
import { KeyedLock } from '../keyed-lock';
import { RAW_COPY_MODEL, RAW_FILES_BUCKET, RAW_INLINE_MAX_BYTES, RawCopySchema } from '../schemas/raw-copy.schema';
import { compileSchemaCheck } from '../schemas/schema-check';
import { STORE_PROFILE, type StoreProfile } from '../store-profile';

const fitsRawCopySchema = compileSchemaCheck(RawCopySchema);

/** One wire.raw message as the archive keeps it. */
export interface IncomingRawCopy {
  ingestId: string;
  /** true when the message carried no wd-ingest-id and `ingestId` was derived from its Kafka position */
  ingestIdDerived?: boolean;
  bytes: Buffer;
  headers: { name: string; value: string }[];
  key?: string;
  receivedAt: Date;
  source?: string;
  channel?: string;
  contentType?: string;
  filename?: string;
  origin?: { topic: string; partition: number; offset: string };
}

export type RawOutcomeKind = 'stored' | 'rejected';

export interface RawOutcome {
  index: number;
  ingestId: string;
  outcome: RawOutcomeKind;
  error?: string;
}

/** Stored metadata of a raw copy (without its bytes). */
export interface RawCopyMeta {
  ingestId: string;
  size: number;
  sha256: string;
  headers: { name: string; value: string }[];
  key?: string;
  receivedAt: Date;
  source?: string;
  channel?: string;
  contentType?: string;
  filename?: string;
  origin?: { topic: string; partition: number; offset: string };
  ingestIdDerived?: boolean;
  storedAt: Date;
  /** where the bytes are: inline in the document, or a GridFS file */
  storage: 'inline' | 'gridfs';
}

export interface RawCopyListing {
  since?: Date;
  until?: Date;
  source?: string;
  /** resume strictly after this (receivedAt, ingestId), oldest first */
  after?: { receivedAt: Date; ingestId: string };
  limit: number;
}

/**
 * The raw copy by ingest id, for audit and replay. Idempotent: the first stored copy of an ingest id wins and replays
 * change nothing. Copies over 8 MB go to the GridFS bucket `raw_files`, the document then points at the file.
 */
@Injectable()
export class RawRepository {
  private readonly bucket: GridFSBucket;
  private readonly counterLock = new KeyedLock();

  constructor(
    @InjectModel(RAW_COPY_MODEL) private readonly raw: StoreModel,
    @InjectModel(COUNTER_MODEL) private readonly counters: StoreModel,
    @InjectConnection() connection: Connection,
    @Inject(STORE_PROFILE) private readonly profile: StoreProfile,
  ) {
    this.bucket = new GridFSBucket(connection.db as never, { bucketName: RAW_FILES_BUCKET });
  }

  async saveBatch(items: readonly IncomingRawCopy[]): Promise<RawOutcome[]> {
    const outcomes: RawOutcome[] = [];
    const small: { doc: StoredDocument; index: number }[] = [];
    let largeStored = 0;
    const now = new Date();
    for (const [index, item] of items.entries()) {
      const doc = { _id: item.ingestId, ...rawDocument(item, now) };
      const problem = fitsRawCopySchema({ ...doc, bytes: item.bytes });
      if (problem) {
        outcomes[index] = { index, ingestId: item.ingestId, outcome: 'rejected', error: problem };
      } else if (item.bytes.length > RAW_INLINE_MAX_BYTES) {
        const { failure, stored } = await this.saveLarge(item, doc);
        if (stored) largeStored += 1;
        outcomes[index] = failure
          ? { index, ingestId: item.ingestId, outcome: 'rejected', error: failure.message }
          : { index, ingestId: item.ingestId, outcome: 'stored' };
      } else {
        small.push({ doc: { ...doc, bytes: item.bytes }, index });
      }
    }
    // inserts: a replay collides on _id and changes nothing (the first copy stored wins)
    const { duplicates, failures } = await insertIgnoringDuplicates(
      this.raw,
      small.map((s) => s.doc),
      this.profile.maxOpsPerCommand,
    );
    await this.count(small.length - duplicates.size - failures.size + largeStored);
    small.forEach(({ index }, i) => {
      const failure = failures.get(i);
      outcomes[index] = failure
        ? { index, ingestId: items[index].ingestId, outcome: 'rejected', error: failure.message }
        : { index, ingestId: items[index].ingestId, outcome: 'stored' };
    });
    return outcomes;
  }

  /**
   * The raw copies counter of GET /v1/stats, raised by the copies this batch stored (a replayed copy collides and is
   * not counted). One process at a time per counter: FerretDB reads, then writes.
   */
  private async count(stored: number): Promise<void> {
    if (stored <= 0) return;
    const release = await this.counterLock.acquire([RAW_COPIES_COUNTER]);
    try {
      await bulkWriteIdempotent(this.counters, [
        { updateOne: { filter: { _id: RAW_COPIES_COUNTER }, update: { $inc: { n: stored } }, upsert: true } },
      ]);
    } finally {
      release();
    }
  }

  /** Upload first, then point at it; when a copy was already stored, it wins and the new upload is removed. */
  private async saveLarge(
    item: IncomingRawCopy,
    doc: StoredDocument,
  ): Promise<{ failure?: PermanentFailure; stored: boolean }> {
    const fileId = new ObjectId();
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket.openUploadStreamWithId(fileId, item.ingestId, {
        metadata: { ingestId: item.ingestId, sha256: doc.sha256 },
      });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(item.bytes);
    });
    const { duplicates, failures } = await insertIgnoringDuplicates(this.raw, [{ ...doc, gridFsId: fileId }]);
    if (duplicates.size > 0 || failures.size > 0) await this.bucket.delete(fileId).catch(() => undefined);
    return { failure: failures.get(0), stored: duplicates.size === 0 && failures.size === 0 };
  }

  async findMeta(ingestId: string): Promise<RawCopyMeta | null> {
    const doc = await this.raw
      .findOne({ _id: ingestId }, { _id: 0, bytes: 0 })
      .lean<Omit<RawCopyMeta, 'storage'> & { gridFsId?: ObjectId }>();
    if (!doc) return null;
    const { gridFsId, ...meta } = doc;
    return { ...meta, storage: gridFsId ? 'gridfs' : 'inline' };
  }

  /** The bytes of a raw copy as a stream (inline or from GridFS), or null when unknown. */
  async openBytes(ingestId: string): Promise<Readable | null> {
    const doc = await this.raw
      .findOne({ _id: ingestId }, { _id: 0, bytes: 1, gridFsId: 1 })
      .lean<{ bytes?: { buffer: Uint8Array } | Buffer; gridFsId?: ObjectId }>();
    if (!doc) return null;
    if (doc.gridFsId) return this.bucket.openDownloadStream(doc.gridFsId);
    return Readable.from([toBuffer(doc.bytes)]);
  }

  async readBytes(ingestId: string): Promise<Buffer | null> {
    const stream = await this.openBytes(ingestId);
    if (!stream) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }

  /** Raw copies in a time range (receivedAt), oldest first, for replay. */
  async list(listing: RawCopyListing): Promise<RawCopyMeta[]> {
    const clauses: Document[] = [];
    const range: Document = {};
    if (listing.since) range.$gte = listing.since;
    if (listing.until) range.$lt = listing.until;
    if (Object.keys(range).length > 0) clauses.push({ receivedAt: range });
    if (listing.source) clauses.push({ source: listing.source });
    if (listing.after) {
      clauses.push({
        $or: [
          { receivedAt: { $gt: listing.after.receivedAt } },
          { receivedAt: listing.after.receivedAt, ingestId: { $gt: listing.after.ingestId } },
        ],
      });
    }
    const docs = await this.raw
      .find(clauses.length ? { $and: clauses } : {}, { _id: 0, bytes: 0 })
      .sort({ receivedAt: 1, ingestId: 1 })
      .limit(listing.limit)
      .lean<(Omit<RawCopyMeta, 'storage'> & { gridFsId?: ObjectId })[]>();
    return docs.map(({ gridFsId, ...meta }) => ({ ...meta, storage: gridFsId ? 'gridfs' : 'inline' }));
  }
}

function rawDocument(item: IncomingRawCopy, now: Date): Document {
  const doc: Document = {
    ingestId: item.ingestId,
    size: item.bytes.length,
    sha256: createHash('sha256').update(item.bytes).digest('hex'),
    headers: item.headers,
    receivedAt: item.receivedAt,
    storedAt: now,
  };
  for (const field of ['key', 'source', 'channel', 'contentType', 'filename', 'origin', 'ingestIdDerived'] as const) {
    if (item[field] !== undefined) doc[field] = item[field];
  }
  return doc;
}

function toBuffer(bytes: { buffer: Uint8Array } | Buffer | undefined): Buffer {
  if (!bytes) return Buffer.alloc(0);
  if (Buffer.isBuffer(bytes)) return bytes;
  return Buffer.from(bytes.buffer);
}

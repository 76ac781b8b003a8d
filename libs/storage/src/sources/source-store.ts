import { createHash } from 'node:crypto';
import type { Collection, Db, Document } from 'mongodb';

/** What is kept about a source between polls (one document per source in `source_state`). */
export interface SourceStateRecord {
  _id: string;
  /** conditional request validators of the last complete poll (feed, http) */
  etag?: string;
  lastModified?: string;
  lastPollAt?: Date;
  lastSuccessAt?: Date;
  lastNewItemAt?: Date;
  /** mean gap between polls that brought new items (ms), learnt as they come */
  usualGapMs?: number;
  itemsToday?: { day: string; count: number };
  itemsTotal?: number;
  /** failed polls in a row; 0 after a success */
  failures?: number;
  lastError?: { kind: string; message: string; at: Date };
  /** enable/disable set through the API; wins over the definition's `enabled` */
  enabledOverride?: boolean;
  /** when the next poll is due (any instance may take it) */
  nextPollAt?: Date;
  /** "poll now" asked through the API on any instance */
  pollRequestedAt?: Date;
  /** what the poller knows of the definition, for readers without the sources file (the archive's monitor) */
  profile?: { kind: string; intervalMs: number; enabled: boolean };
}

/** The collection the poller keeps each source's state in (read by the archive's monitor). */
export const SOURCE_STATE_COLLECTION = 'source_state';

/** A source definition made through the API (only references to secrets, never a secret). */
export interface StoredSourceDefinition {
  _id: string;
  definition: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

interface SeenRecord {
  _id: string;
  sourceId: string;
  key: string;
  at: Date;
}

interface LeaseRecord {
  _id: string;
  sourceId: string;
  generation: number;
  owner: string;
  expiresAt: Date;
}

/** A lease held on one source: only its holder polls it. */
export interface SourceLease {
  sourceId: string;
  generation: number;
  owner: string;
}

const DUPLICATE_KEY = 11000;
const isDuplicate = (e: unknown) => (e as { code?: number })?.code === DUPLICATE_KEY;

/** Longest key kept readable in `source_seen` (the id is a hash of the whole key). */
const MAX_KEY_CHARS = 500;

/**
 * The poller's store: API-made definitions, per-source state, the items each source has delivered ("seen"), and the
 * leases that let several poller instances share the sources without polling one twice at once.
 *
 * Leases are generations, not a compare-and-set on one document: taking a source inserts `<id>#<n+1>`, and the
 * unique `_id` lets exactly one instance win that insert, on MongoDB and on FerretDB alike (FerretDB 1.x on SQLite
 * runs findAndModify's query and update outside one transaction, so a guarded findOneAndUpdate could let two
 * instances both believe they took an expired lease). The holder renews its own generation and checks, before
 * every step that writes, that no newer generation exists.
 */
export class SourceStore {
  readonly definitions: Collection<StoredSourceDefinition>;
  readonly states: Collection<SourceStateRecord>;
  private readonly seen: Collection<SeenRecord>;
  private readonly leases: Collection<LeaseRecord>;

  constructor(db: Db) {
    this.definitions = db.collection<StoredSourceDefinition>('sources');
    this.states = db.collection<SourceStateRecord>(SOURCE_STATE_COLLECTION);
    this.seen = db.collection<SeenRecord>('source_seen');
    this.leases = db.collection<LeaseRecord>('source_leases');
  }

  async ensureIndexes(): Promise<void> {
    await this.seen.createIndex({ sourceId: 1, at: 1 });
    await this.leases.createIndex({ sourceId: 1, generation: -1 });
  }

  // definitions

  listDefinitions(): Promise<StoredSourceDefinition[]> {
    return this.definitions.find({}).sort({ _id: 1 }).toArray();
  }

  getDefinition(id: string): Promise<StoredSourceDefinition | null> {
    return this.definitions.findOne({ _id: id });
  }

  /** false when a source with this id exists already */
  async insertDefinition(id: string, definition: Record<string, unknown>, now = new Date()): Promise<boolean> {
    try {
      await this.definitions.insertOne({ _id: id, definition, createdAt: now, updatedAt: now });
      return true;
    } catch (e) {
      if (isDuplicate(e)) return false;
      throw e;
    }
  }

  /** false when there is no such source */
  async replaceDefinition(id: string, definition: Record<string, unknown>, now = new Date()): Promise<boolean> {
    const result = await this.definitions.updateOne({ _id: id }, { $set: { definition, updatedAt: now } });
    return result.matchedCount > 0;
  }

  // state

  getState(id: string): Promise<SourceStateRecord | null> {
    return this.states.findOne({ _id: id });
  }

  listStates(): Promise<SourceStateRecord[]> {
    return this.states.find({}).toArray();
  }

  async setState(id: string, set: Partial<Omit<SourceStateRecord, '_id'>>, unset: string[] = []): Promise<void> {
    const update: Document = {};
    if (Object.keys(set).length) update.$set = set;
    if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, '']));
    if (!update.$set && !update.$unset) return;
    await this.states.updateOne({ _id: id }, update, { upsert: true });
  }

  // seen items

  private seenId(sourceId: string, key: string): string {
    return `${sourceId}:${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
  }

  /** Which of these keys the source has delivered before. */
  async seenKeys(sourceId: string, keys: string[]): Promise<Set<string>> {
    const byId = new Map(keys.map((k) => [this.seenId(sourceId, k), k]));
    const found = new Set<string>();
    const ids = [...byId.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const docs = await this.seen.find({ _id: { $in: ids.slice(i, i + 500) } }, { projection: { _id: 1 } }).toArray();
      for (const d of docs) found.add(byId.get(d._id)!);
    }
    return found;
  }

  /** Remembers delivered keys; remembering one twice is a no-op. */
  async markSeen(sourceId: string, keys: string[], now = new Date()): Promise<void> {
    if (!keys.length) return;
    const docs = keys.map((key) => ({
      _id: this.seenId(sourceId, key),
      sourceId,
      key: key.slice(0, MAX_KEY_CHARS),
      at: now,
    }));
    try {
      await this.seen.insertMany(docs, { ordered: false });
    } catch (e) {
      const writeErrors = (e as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (!list.length || list.some((w) => w.code !== DUPLICATE_KEY)) {
        if (!isDuplicate(e)) throw e;
      }
    }
  }

  /** Forgets items seen before `before` (feeds drop old entries long before this). Returns how many. */
  async pruneSeen(before: Date): Promise<number> {
    const result = await this.seen.deleteMany({ at: { $lt: before } });
    return result.deletedCount;
  }

  // leases

  private async latestLease(sourceId: string): Promise<LeaseRecord | null> {
    return this.leases.find({ sourceId }).sort({ generation: -1 }).limit(1).next();
  }

  /** Takes the source for `ttlMs` unless another owner holds an unexpired lease; undefined when not taken. */
  async acquireLease(
    sourceId: string,
    owner: string,
    ttlMs: number,
    now = new Date(),
  ): Promise<SourceLease | undefined> {
    const latest = await this.latestLease(sourceId);
    if (latest && latest.owner !== owner && latest.expiresAt.getTime() > now.getTime()) return undefined;
    const generation = (latest?.generation ?? 0) + 1;
    try {
      await this.leases.insertOne({
        _id: `${sourceId}#${generation}`,
        sourceId,
        generation,
        owner,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
    } catch (e) {
      if (isDuplicate(e)) return undefined; // another instance took this generation first
      throw e;
    }
    await this.leases.deleteMany({ sourceId, generation: { $lt: generation } });
    return { sourceId, generation, owner };
  }

  /** Extends the lease; false when a newer generation exists (the lease was lost: stop writing). */
  async renewLease(lease: SourceLease, ttlMs: number, now = new Date()): Promise<boolean> {
    if (!(await this.stillHeld(lease))) return false;
    await this.leases.updateOne(
      { _id: `${lease.sourceId}#${lease.generation}` },
      { $set: { expiresAt: new Date(now.getTime() + ttlMs) } },
    );
    return this.stillHeld(lease);
  }

  /** Whether no other instance has taken the source since. */
  async stillHeld(lease: SourceLease): Promise<boolean> {
    const newer = await this.leases.countDocuments({ sourceId: lease.sourceId, generation: { $gt: lease.generation } });
    return newer === 0;
  }

  /** Ends the lease at once, so another instance may poll the source without waiting for it to expire. */
  async releaseLease(lease: SourceLease, now = new Date()): Promise<void> {
    await this.leases.updateOne({ _id: `${lease.sourceId}#${lease.generation}` }, { $set: { expiresAt: now } });
  }
}

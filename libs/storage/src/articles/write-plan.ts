import type { Document } from 'mongodb';
import type { PermanentFailure, StoredDocument, WriteOp } from '../bulk';
import { versionId } from '../schemas/article-version.schema';
import {
  bucketId,
  decodeEntry,
  directoriesOf,
  encodeEntry,
  entryOf,
  recordedBucket,
  slotOf,
  slotOfBucket,
  type TimelineEntry,
  type TimelineRef,
} from '../timeline/timeline-entry';
import { stampDocumentId, stampField } from '../timeline/bucket-tag-cache';
import type { WrittenDirectorySlots } from '../timeline/written-directory-slots';
import type { ArticleOutcome } from './article-input';
import type { ArticleRecord } from './article-record';
import {
  cancelStoryOp,
  cancelVersionsOps,
  currentWriteOp,
  newStoryDoc,
  reviseCurrentOp,
  reviseVersionOp,
  versionHashesOp,
  versionInsertDoc,
  type StoredDerivation,
  type VersionHash,
} from './article-write-ops';
import type { StoryPlan } from './version-plan';

/**
 * The archive's one write path, as pure functions: planned stories (version-plan.ts, from the stored state) →
 * the ordered steps of statements that carry them out (`buildWriteSteps`) → after the repository has run them,
 * each item's outcome (`reconcileOutcomes`). The same statements on MongoDB and FerretDB: every filter is `{_id}`,
 * every statement idempotent, so a batch re-run after a crash at any point finishes the same way.
 */

/** One item of the batch, checked and turned into its stored record. */
export interface PreparedItem {
  index: number;
  record: ArticleRecord;
  /** marked as a replay (`wd-replay`): may revise the current version */
  replay: boolean;
}

/** What the store holds of a story, as read before planning. */
export interface StoredStoryState {
  contentHash: string;
  canceled: boolean;
  versionHashes: VersionHash[];
  timeline?: TimelineRef;
}

export interface PlannedStory {
  uri: string;
  items: PreparedItem[];
  plan: StoryPlan;
  stored?: StoredStoryState;
}

export type Target = 'articles' | 'versions' | 'timeline';

/** A statement and the batch items it writes for (they are rejected if the store refuses it for good). */
export interface PlannedOp {
  op: WriteOp;
  items: number[];
}

export interface PlannedInsert {
  doc: StoredDocument;
  items: number[];
  /** when the document exists already (another writer created it meanwhile), this statement is run instead */
  fallback?: WriteOp;
}

export type WriteStep =
  { kind: 'insert'; target: Target; docs: PlannedInsert[] } | { kind: 'write'; target: Target; ops: PlannedOp[] };

export interface WriteSteps {
  steps: WriteStep[];
  /** the directory slots the timeline steps add: known to be written once those steps ran without a failure */
  directorySlots: [string, number[]][];
  /** final outcome kind per item where building changed the plan's (a revision with nothing to revise) */
  stale: Set<number>;
}

/** The stored derivation of each version a plan revises, by version _id. */
export type StoredDerivations = ReadonlyMap<string, StoredDerivation>;

/**
 * The statements of a batch, in the order they must run:
 * 1. new versions (inserts; a replay collides on `_id` and changes nothing), then revised versions;
 * 2. the timeline: each story's new entry added and its old one removed, before the story records the new one, so
 *    a crash in between leaves the story's recorded entry to be replaced by the re-run; then the changed buckets'
 *    stamps copied to their days (bucket-tag-cache.ts; the repository runs both timeline steps in one locked section);
 * 3. the stories: revisions, new stories (inserts), new current versions, version lists, kills;
 * 4. kills reach every version of their story, including those this batch stored.
 */
export function buildWriteSteps(
  stories: readonly PlannedStory[],
  derivations: StoredDerivations,
  now: Date,
  maxDocumentBytes: number,
  stamp: string,
  written?: WrittenDirectorySlots,
): WriteSteps {
  const stale = new Set<number>();
  const versionInserts: PlannedInsert[] = [];
  const versionRevisions: PlannedOp[] = [];
  const storyRevisions: PlannedOp[] = [];
  const newStories: PlannedInsert[] = [];
  const updates: PlannedOp[] = [];
  const versionLists: PlannedOp[] = [];
  const cancels: PlannedOp[] = [];
  const versionCancels: PlannedOp[] = [];
  const timeline = new TimelineChanges(stamp, written);

  for (const story of stories) {
    const { plan, items } = story;
    const added: VersionHash[] = [];
    for (const i of plan.insertVersions) {
      const { record, index } = items[i];
      versionInserts.push({ doc: versionInsertDoc(record, story.stored?.canceled ?? false, now), items: [index] });
      added.push({ v: record.version, h: record.contentHash });
    }

    let revised: PreparedItem | undefined;
    if (plan.revise !== undefined && story.stored) {
      const item = items[plan.revise];
      const derivation = derivations.get(versionId(item.record.uri, item.record.version));
      if (derivation) {
        revised = item;
        const versionOp = reviseVersionOp(item.record, derivation, now, maxDocumentBytes);
        if (versionOp) versionRevisions.push({ op: versionOp, items: [item.index] });
      } else {
        // no version document to keep the earlier derivation in: the content is not replaced
        stale.add(item.index);
      }
    }

    const entry = finalEntry(story, revised);
    const ref =
      entry &&
      timeline.move(
        entry,
        story.stored?.timeline,
        story.items.map((i) => i.index),
      );

    if (revised) {
      const op = reviseCurrentOp(revised.record, story.stored?.versionHashes ?? [], now, ref);
      storyRevisions.push({ op, items: [revised.index] });
    }
    if (plan.currentWrite !== undefined) {
      const { record, index } = items[plan.currentWrite];
      const op = currentWriteOp(record, now, added, ref);
      if (story.stored) updates.push({ op, items: [index] });
      else newStories.push({ doc: newStoryDoc(record, added, now, ref), items: [index], fallback: op });
    } else if (added.length > 0) {
      versionLists.push({ op: versionHashesOp(story.uri, added), items: [items[plan.insertVersions[0]].index] });
    }
    if (plan.cancelBy !== undefined) {
      const { record, index } = items[plan.cancelBy];
      cancels.push({ op: cancelStoryOp(record, now, ref), items: [index] });
      const versions = [...(story.stored?.versionHashes ?? []), ...added].map((vh) => vh.v);
      for (const op of cancelVersionsOps(story.uri, versions, now)) versionCancels.push({ op, items: [index] });
    }
  }

  return {
    steps: [
      { kind: 'insert', target: 'versions', docs: versionInserts },
      { kind: 'write', target: 'versions', ops: versionRevisions },
      { kind: 'write', target: 'timeline', ops: timeline.ops() },
      { kind: 'write', target: 'timeline', ops: timeline.stampOps() },
      // story revisions first: a higher version later in the batch must win over them
      { kind: 'write', target: 'articles', ops: storyRevisions },
      { kind: 'insert', target: 'articles', docs: newStories },
      { kind: 'write', target: 'articles', ops: updates },
      { kind: 'write', target: 'articles', ops: versionLists },
      { kind: 'write', target: 'articles', ops: cancels },
      { kind: 'write', target: 'versions', ops: versionCancels },
    ].filter((step) => (step.kind === 'insert' ? step.docs!.length : step.ops!.length) > 0) as WriteStep[],
    directorySlots: timeline.directorySlots(),
    stale,
  };
}

/**
 * The story's timeline entry after this batch, or undefined when it does not change: from the version that becomes
 * current (or the revision), canceled if the batch kills the story; a kill alone cancels the recorded entry.
 */
export function finalEntry(story: PlannedStory, revised?: PreparedItem): TimelineEntry | undefined {
  const { plan, items } = story;
  const killed = plan.cancelBy !== undefined;
  const base = plan.currentWrite !== undefined ? items[plan.currentWrite].record : revised?.record;
  if (base) return entryOf(base, killed ? 'canceled' : base.pubStatus);
  if (killed && story.stored?.timeline) return { ...decodeEntry(story.stored.timeline.m), status: 'canceled' };
  return undefined;
}

/**
 * The timeline statements of a batch, one per bucket or directory (many stories share a slot). `stamp` must differ
 * from every other batch's: it marks the buckets this batch changes (bucket-tag-cache.ts). Directory slots already
 * `written` are left out (written-directory-slots.ts).
 */
export class TimelineChanges {
  private readonly adds = new Map<string, { entries: Set<string>; items: Set<number> }>();
  private readonly pulls = new Map<string, { entries: Set<string>; items: Set<number> }>();
  private readonly directories = new Map<string, { slots: Set<number>; items: Set<number> }>();
  /** changed buckets, with the items they were changed for */
  private readonly changedBuckets = new Map<string, Set<number>>();

  constructor(
    private readonly stamp: string,
    private readonly written?: WrittenDirectorySlots,
  ) {}

  /** Adds a story's new entry (and its slot to the directories), removes the one it recorded; the new ref. */
  move(entry: TimelineEntry, old: TimelineRef | undefined, items: number[]): TimelineRef {
    const ref: TimelineRef = { b: bucketId(slotOf(entry.t)), m: encodeEntry(entry) };
    const oldBucket = old && recordedBucket(old);
    if (old && oldBucket === ref.b && old.m === ref.m) return ref;
    this.add(entry, ref, items);
    if (old && oldBucket) {
      collect(this.pulls, oldBucket, old.m, items);
      this.changed(oldBucket, items);
    }
    return ref;
  }

  /** Puts an entry back exactly as its story recorded it, in the bucket of its slot (rebuilding an older timeline). */
  restore(recorded: TimelineRef): void {
    const entry = decodeEntry(recorded.m);
    this.add(entry, { b: bucketId(slotOf(entry.t)), m: recorded.m }, []);
  }

  private add(entry: TimelineEntry, ref: TimelineRef, items: number[]): void {
    collect(this.adds, ref.b, ref.m, items);
    this.changed(ref.b, items);
    const slot = slotOfBucket(ref.b);
    for (const id of directoriesOf(entry)) {
      if (this.written?.has(id, slot)) continue;
      const dir = this.directories.get(id) ?? { slots: new Set<number>(), items: new Set<number>() };
      dir.slots.add(slot);
      items.forEach((i) => dir.items.add(i));
      this.directories.set(id, dir);
    }
  }

  ops(): PlannedOp[] {
    return [...this.directoryOps(), ...this.bucketOps()];
  }

  directoryOps(): PlannedOp[] {
    return [...this.directories].map(([id, { slots, items }]) =>
      upsert(id, { $addToSet: { b: { $each: [...slots] } } }, items),
    );
  }

  bucketOps(): PlannedOp[] {
    const ops: PlannedOp[] = [];
    for (const [id, { entries, items }] of this.adds) {
      ops.push(upsert(id, { $addToSet: { m: { $each: [...entries] } }, $set: { s: this.stamp } }, items));
    }
    for (const [id, { entries, items }] of this.pulls) {
      const update: Document = { $pullAll: { m: [...entries] }, $set: { s: this.stamp } };
      ops.push({ op: { updateOne: { filter: { _id: id }, update } }, items: [...items] });
    }
    return ops;
  }

  directorySlots(): [string, number[]][] {
    return [...this.directories].map(([id, { slots }]) => [id, [...slots]]);
  }

  /** After `ops()` has run: each changed bucket's stamp, copied into its day's stamp document. */
  stampOps(): PlannedOp[] {
    const days = new Map<string, { set: Document; items: Set<number> }>();
    for (const [bucket, items] of this.changedBuckets) {
      const id = stampDocumentId(bucket);
      const day = days.get(id) ?? { set: {}, items: new Set<number>() };
      day.set[`hs.${stampField(bucket)}`] = this.stamp;
      items.forEach((i) => day.items.add(i));
      days.set(id, day);
    }
    return [...days].map(([id, { set, items }]) => upsert(id, { $set: set }, items));
  }

  private changed(bucket: string, items: number[]): void {
    const forItems = this.changedBuckets.get(bucket) ?? new Set<number>();
    items.forEach((i) => forItems.add(i));
    this.changedBuckets.set(bucket, forItems);
  }
}

function collect(
  into: Map<string, { entries: Set<string>; items: Set<number> }>,
  id: string,
  entry: string,
  items: number[],
): void {
  const bucket = into.get(id) ?? { entries: new Set<string>(), items: new Set<number>() };
  bucket.entries.add(entry);
  items.forEach((i) => bucket.items.add(i));
  into.set(id, bucket);
}

function upsert(id: string, update: Document, items: Set<number>): PlannedOp {
  return { op: { updateOne: { filter: { _id: id }, update, upsert: true } }, items: [...items] };
}

/**
 * Each item's outcome: rejected when a statement written for it was refused for good, else what the plan decided.
 * `canceled` outcomes are completed by the caller with the killed story's content (for the event).
 */
export function reconcileOutcomes(
  stories: readonly PlannedStory[],
  stale: ReadonlySet<number>,
  rejected: ReadonlyMap<number, PermanentFailure>,
  outcomes: ArticleOutcome[],
): void {
  for (const story of stories) {
    story.items.forEach(({ index, record }, i) => {
      const failure = rejected.get(index);
      if (failure) {
        outcomes[index] = {
          index,
          uri: record.uri,
          version: record.version,
          outcome: 'rejected',
          error: failure.message,
        };
        return;
      }
      const outcome = stale.has(index) ? 'stale' : story.plan.outcomes[i];
      outcomes[index] = { index, uri: record.uri, version: record.version, outcome };
    });
  }
}

import type { Document } from 'mongodb';
import { TAG_KINDS, type TagKind } from '../articles/article-record';
import type { StoreModel } from '../bulk';
import type { QueryDeadline } from '../query-deadline';
import type { StoreProfile } from '../store-profile';
import { BucketTagCache, NO_STAMP, stampDocumentId, stampField } from './bucket-tag-cache';
import { inScope, scopeOf, TagTally, type TagCount, type TagWindow } from './tag-counts';
import {
  ALL_STORIES_DIRECTORY,
  bucketId,
  decodeEntry,
  directoryId,
  SLOT_MS,
  slotOfBucket,
  slotsToWalk,
} from './timeline-entry';
import { readTimeline } from './timeline-reads';

/** GET /v1/tags: tag counts over a time window, from the timeline (timeline-entry.ts), whole buckets kept. */
export class TagCountReader {
  private readonly bucketTags = new BucketTagCache();

  constructor(
    private readonly timeline: StoreModel,
    private readonly profile: StoreProfile,
  ) {}

  /**
   * The most frequent people, organisations, places or subjects of the live stories in a time window
   * (versionCreated), from the timeline buckets of the window. Buckets wholly inside the window are counted
   * once and kept (bucket-tag-cache.ts) while their day's stamp shows them unchanged; the buckets the window's edges
   * cut are read each time.
   */
  async count(kind: TagKind, window: TagWindow, deadline: QueryDeadline): Promise<TagCount[]> {
    const scope = scopeOf(window);
    const directory = scope.language
      ? directoryId('language', scope.language)
      : scope.source
        ? directoryId('source', scope.source)
        : ALL_STORIES_DIRECTORY;
    const [dir] = await this.read<{ b?: number[] }>([directory], { b: 1 }, deadline);
    const slots = slotsToWalk([dir?.b ?? []], { since: window.since, until: window.until });
    const since = window.since.getTime();
    const until = window.until.getTime();
    const whole = (bucket: string) => {
      const start = slotOfBucket(bucket) * SLOT_MS;
      return start >= since && start + SLOT_MS <= until;
    };
    const bucketIds = slots.map(bucketId);

    const stampIds = [...new Set(bucketIds.filter(whole).map(stampDocumentId))];
    const days = await this.read<{ _id: string; hs?: Record<string, string> }>(stampIds, { _id: 1, hs: 1 }, deadline);
    const stamps = new Map(days.map((d) => [d._id, d.hs ?? {}]));
    const stampOf = (bucket: string) => stamps.get(stampDocumentId(bucket))?.[stampField(bucket)] ?? NO_STAMP;

    const tally = new TagTally();
    const toRead: string[] = [];
    for (const bucket of bucketIds) {
      const kept = whole(bucket) ? this.bucketTags.get(bucket, stampOf(bucket), kind, scope) : undefined;
      if (kept) tally.addFrozen(kept);
      else toRead.push(bucket);
    }
    const read = await this.read<{ _id: string; m?: string[]; s?: string }>(toRead, { _id: 1, m: 1, s: 1 }, deadline);
    const byId = new Map(read.map((bucket) => [bucket._id, bucket]));
    for (const id of toRead) {
      // a bucket never written is counted (and kept) as empty: its day shows no stamp for it until it is written
      const bucket = byId.get(id);
      const entries = (bucket?.m ?? [])
        .map(decodeEntry)
        .filter((e) => e.t >= since && e.t < until && inScope(e, scope));
      if (!whole(id)) {
        for (const e of entries) tally.addEntry(e, kind);
        continue;
      }
      // every kind, kept: the monitor asks for all four in a row
      for (const other of TAG_KINDS) {
        const bucketTally = new TagTally();
        for (const e of entries) bucketTally.addEntry(e, other);
        const frozen = bucketTally.freeze();
        this.bucketTags.put(id, bucket?.s ?? NO_STAMP, other, scope, frozen);
        if (other === kind) tally.addFrozen(frozen);
      }
    }
    return tally.top(window.limit);
  }

  private read<T>(ids: string[], fields: Document, deadline: QueryDeadline): Promise<T[]> {
    return readTimeline<T>(this.timeline, ids, fields, deadline, this.profile);
  }
}

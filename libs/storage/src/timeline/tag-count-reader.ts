import type { Document } from 'mongodb';
import { TAG_KINDS, type TagKind } from '../articles/article-record';
import type { StoreModel } from '../bulk';
import type { QueryDeadline } from '../query-deadline';
import type { StoreProfile } from '../store-profile';
import { HourTagCache, NO_STAMP, stampDocumentId, stampField } from './hour-tag-cache';
import { inScope, scopeOf, TagTally, type TagCount, type TagWindow } from './tag-counts';
import {
  ALL_STORIES_DIRECTORY,
  bucketId,
  decodeEntry,
  directoryId,
  HOUR_MS,
  hourOfBucket,
  hoursToWalk,
} from './timeline-entry';
import { readTimeline } from './timeline-reads';

/** GET /v1/tags: tag counts over a time window, from the timeline (timeline-entry.ts), whole hours kept. */
export class TagCountReader {
  private readonly hourTags = new HourTagCache();

  constructor(
    private readonly timeline: StoreModel,
    private readonly profile: StoreProfile,
  ) {}

  /**
   * The most frequent people, organisations, places or subjects of the live stories in a time window
   * (versionCreated), from the timeline buckets of the window's hours. Whole hours are counted once and kept
   * (hour-tag-cache.ts) while their day's stamp shows them unchanged; the partial hours at the window's edges are
   * read each time.
   */
  async count(kind: TagKind, window: TagWindow, deadline: QueryDeadline): Promise<TagCount[]> {
    const scope = scopeOf(window);
    const directory = scope.language
      ? directoryId('language', scope.language)
      : scope.source
        ? directoryId('source', scope.source)
        : ALL_STORIES_DIRECTORY;
    const [dir] = await this.read<{ h?: number[] }>([directory], { h: 1 }, deadline);
    const hours = hoursToWalk([dir?.h ?? []], { since: window.since, until: window.until });
    const since = window.since.getTime();
    const until = window.until.getTime();
    const whole = (hour: number) => hour * HOUR_MS >= since && (hour + 1) * HOUR_MS <= until;

    const stampIds = [...new Set(hours.filter(whole).map(stampDocumentId))];
    const days = await this.read<{ _id: string; hs?: Record<string, string> }>(stampIds, { _id: 1, hs: 1 }, deadline);
    const stamps = new Map(days.map((d) => [d._id, d.hs ?? {}]));
    const stampOf = (hour: number) => stamps.get(stampDocumentId(hour))?.[stampField(hour)] ?? NO_STAMP;

    const tally = new TagTally();
    const toRead: number[] = [];
    for (const hour of hours) {
      const kept = whole(hour) ? this.hourTags.get(hour, stampOf(hour), kind, scope) : undefined;
      if (kept) tally.addFrozen(kept);
      else toRead.push(hour);
    }
    const buckets = await this.read<{ _id: string; m?: string[]; s?: string }>(
      toRead.map(bucketId),
      { _id: 1, m: 1, s: 1 },
      deadline,
    );
    for (const bucket of buckets) {
      const hour = hourOfBucket(bucket._id);
      const entries = (bucket.m ?? []).map(decodeEntry).filter((e) => e.t >= since && e.t < until && inScope(e, scope));
      if (!whole(hour)) {
        for (const e of entries) tally.addEntry(e, kind);
        continue;
      }
      // every kind, kept: the monitor asks for all four in a row
      for (const other of TAG_KINDS) {
        const hourTally = new TagTally();
        for (const e of entries) hourTally.addEntry(e, other);
        const frozen = hourTally.freeze();
        this.hourTags.put(hour, bucket.s ?? NO_STAMP, other, scope, frozen);
        if (other === kind) tally.addFrozen(frozen);
      }
    }
    return tally.top(window.limit);
  }

  private read<T>(ids: string[], fields: Document, deadline: QueryDeadline): Promise<T[]> {
    return readTimeline<T>(this.timeline, ids, fields, deadline, this.profile);
  }
}

import type { TagKind } from '../articles/article-record';
import type { FrozenTally, TagScope } from './tag-counts';

/**
 * Bucket stamps. Every statement that changes an hour's bucket also sets the bucket's stamp (`s`, unique per batch);
 * after them, in the same locked section of the write path, the batch copies each stamp into its day's stamp document
 * (`s:<day>`, field `hs.h<hour>`): a small document a reader finds by `_id`. So a reader can keep an hour's tag counts
 * and, for the price of one small read per day, tell whether the hour changed since.
 */
export function stampDocumentId(hour: number): string {
  return `s:${Math.floor(hour / 24)}`;
}

export function stampField(hour: number): string {
  return `h${hour}`;
}

/** Read-side: a bucket written before stamps existed has none, and neither has its day: '' on both sides matches. */
export const NO_STAMP = '';

interface CachedHour {
  stamp: string;
  readAt: number;
  tallies: Map<string, FrozenTally>;
}

/**
 * Tag counts of whole hours, kept between requests by the process that serves them (GET /v1/tags over a week reads
 * 168 buckets otherwise; a bucket holds every story of its hour, tens of kilobytes each). An hour is used only while
 * its day document still shows the stamp it was read under, and for at most `maxAgeMs`: the stamp is written after the
 * bucket, so a reader may hold an hour a moment longer than it is current, and two archive processes writing the same
 * hour at once can leave the day document showing the older batch's stamp; the age limit bounds both. Bounded to
 * `maxHours` hours, least recently used out first.
 */
export class HourTagCache {
  private readonly hours = new Map<number, CachedHour>();

  constructor(
    private readonly maxHours = 24 * 31,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(hour: number, stamp: string, kind: TagKind, scope: TagScope): FrozenTally | undefined {
    const cached = this.hours.get(hour);
    if (!cached) return undefined;
    if (cached.stamp !== stamp || this.clock() - cached.readAt > this.maxAgeMs) {
      this.hours.delete(hour);
      return undefined;
    }
    const tally = cached.tallies.get(tallyKey(kind, scope));
    if (tally) {
      // most recently used last
      this.hours.delete(hour);
      this.hours.set(hour, cached);
    }
    return tally;
  }

  put(hour: number, stamp: string, kind: TagKind, scope: TagScope, tally: FrozenTally): void {
    let cached = this.hours.get(hour);
    if (!cached || cached.stamp !== stamp) cached = { stamp, readAt: this.clock(), tallies: new Map() };
    cached.tallies.set(tallyKey(kind, scope), tally);
    this.hours.delete(hour);
    this.hours.set(hour, cached);
    while (this.hours.size > this.maxHours) this.hours.delete(this.hours.keys().next().value!);
  }
}

function tallyKey(kind: TagKind, scope: TagScope): string {
  return `${kind}\u0000${scope.language ?? ''}\u0000${scope.source ?? ''}`;
}

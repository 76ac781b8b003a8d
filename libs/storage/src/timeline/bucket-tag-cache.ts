import type { TagKind } from '../articles/article-record';
import type { FrozenTally, TagScope } from './tag-counts';
import { slotOfBucket, SLOTS_PER_DAY } from './timeline-entry';

/**
 * Bucket stamps. Every statement that changes a bucket also sets the bucket's stamp (`s`, unique per batch); after
 * them, in the same locked section of the write path, the batch copies each stamp into its day's stamp document
 * (`s:<day>`, field `hs.<bucket>`): a small document a reader finds by `_id`. So a reader can keep a bucket's tag
 * counts and, for the price of one small read per day, tell whether the bucket changed since.
 */
export function stampDocumentId(bucket: string): string {
  return `s:${Math.floor(slotOfBucket(bucket) / SLOTS_PER_DAY)}`;
}

/** `b:2947404` → `b2947404` (a field name cannot hold the colon). */
export function stampField(bucket: string): string {
  return `b${slotOfBucket(bucket)}`;
}

/**
 * A bucket never written has no stamp, and neither has its day: '' on both sides matches, so its (empty) counts are
 * kept too.
 */
export const NO_STAMP = '';

interface CachedBucket {
  stamp: string;
  readAt: number;
  tallies: Map<string, FrozenTally>;
}

/**
 * Tag counts of whole buckets, kept between requests by the process that serves them (GET /v1/tags over a week reads
 * a thousand buckets otherwise). A bucket is used only while its day document still shows the stamp it was read
 * under, and for at most `maxAgeMs`: the stamp is written after the bucket, so a reader may hold a bucket a moment
 * longer than it is current, and two archive processes writing the same bucket at once can leave the day document
 * showing the older batch's stamp; the age limit bounds both. Bounded to `maxBuckets`, least recently used out first.
 */
export class BucketTagCache {
  private readonly buckets = new Map<string, CachedBucket>();

  constructor(
    private readonly maxBuckets = 24 * 31 * 7,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(bucketId: string, stamp: string, kind: TagKind, scope: TagScope): FrozenTally | undefined {
    const cached = this.buckets.get(bucketId);
    if (!cached) return undefined;
    if (cached.stamp !== stamp || this.clock() - cached.readAt > this.maxAgeMs) {
      this.buckets.delete(bucketId);
      return undefined;
    }
    const tally = cached.tallies.get(tallyKey(kind, scope));
    if (tally) {
      // most recently used last
      this.buckets.delete(bucketId);
      this.buckets.set(bucketId, cached);
    }
    return tally;
  }

  put(bucketId: string, stamp: string, kind: TagKind, scope: TagScope, tally: FrozenTally): void {
    let cached = this.buckets.get(bucketId);
    if (!cached || cached.stamp !== stamp) cached = { stamp, readAt: this.clock(), tallies: new Map() };
    cached.tallies.set(tallyKey(kind, scope), tally);
    this.buckets.delete(bucketId);
    this.buckets.set(bucketId, cached);
    while (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

function tallyKey(kind: TagKind, scope: TagScope): string {
  return `${kind}\u0000${scope.language ?? ''}\u0000${scope.source ?? ''}`;
}

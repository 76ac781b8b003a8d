/** The verdict on one request. */
export interface RateDecision {
  allowed: boolean;
  /** whole tokens left after this request */
  remaining: number;
  /** seconds until the next request would be allowed (when refused) */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets in memory, one per client (an API key, or an IP address when no key is known): `burst` tokens at
 * most, refilled at `perMinute` a minute. One process's view only: behind N replicas a client gets up to N times the
 * rate, which is the usual trade-off for a limiter that needs no shared store. The number of buckets is bounded: full
 * buckets are dropped first (a full bucket is the same as no bucket), then the oldest.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    readonly perMinute: number,
    readonly burst: number = perMinute,
    private readonly maxBuckets = 10000,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60000;
  }

  get enabled(): boolean {
    return this.perMinute > 0 && this.burst > 0;
  }

  take(client: string): RateDecision {
    if (!this.enabled) return { allowed: true, remaining: Infinity, retryAfterSeconds: 0 };
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, updatedMs: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updatedMs) * this.refillPerMs);
    bucket.updatedMs = now;
    // re-inserting keeps the Map in least-recently-used order for eviction
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    this.evict();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    if (this.buckets.size <= this.maxBuckets) return;
    const now = this.now();
    for (const [client, bucket] of this.buckets) {
      if (this.buckets.size <= this.maxBuckets) return;
      if (bucket.tokens + (now - bucket.updatedMs) * this.refillPerMs >= this.burst) this.buckets.delete(client);
    }
    while (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}

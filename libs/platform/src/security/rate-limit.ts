import { ThrottlerStorageService } from '@nestjs/throttler';

/** The verdict on one request. */
export interface RateDecision {
  allowed: boolean;
  /** requests left in the window after this one */
  remaining: number;
  /** seconds until the next request would be allowed (when refused) */
  retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;
const THROTTLER = 'per-minute';

/**
 * At most `perMinute` requests per client (an API key, or an IP address when no key is known) in any 60 seconds:
 * @nestjs/throttler's in-memory store counts the hits, each expiring a minute after it was made. One process's view
 * only: behind N replicas a client gets up to N times the rate, the usual trade-off for a limiter without a shared
 * store (a Redis storage plugs into the same interface).
 */
export class RateLimit {
  private readonly store = new ThrottlerStorageService();

  constructor(readonly perMinute: number) {}

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  async take(client: string): Promise<RateDecision> {
    if (!this.enabled) return { allowed: true, remaining: Infinity, retryAfterSeconds: 0 };
    // blockDuration 0: no extra penalty; a refused client may go on as soon as its oldest hit is a minute old
    const record = await this.store.increment(client, WINDOW_MS, this.perMinute, 0, THROTTLER);
    if (!record.isBlocked) {
      return { allowed: true, remaining: Math.max(0, this.perMinute - record.totalHits), retryAfterSeconds: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, record.timeToBlockExpire) };
  }

  /** Stops the store's idle sweep (tests, shutdown). */
  close(): void {
    this.store.onApplicationShutdown();
  }
}

/**
 * Remembers recent Idempotency-Keys so a retried POST answers with the first ingest id instead of producing the copy a
 * second time. In memory and bounded: across restarts the deterministic ingest id and the archive's content hash
 * still make a repeat a no-op.
 */
export class IdempotencyCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expires: number }>();

  constructor(
    private readonly maxEntries = 10000,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Returns the pending or settled result for the key, or starts `work`. A failed attempt is forgotten so the client's
   * retry really retries.
   */
  run(key: string, work: () => Promise<T>): { result: Promise<T>; replayed: boolean } {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return { result: hit.value, replayed: true };
    const value = work();
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.evict();
    return { result: value, replayed: false };
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    // Map keeps insertion order: the oldest entries go first
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/**
 * In-process mutual exclusion per key. Batches touching the same story run one after the other; others in parallel.
 * All keys of one acquisition are queued synchronously, so two acquisitions can never wait on each other (no
 * deadlock): whichever queued first is ahead on every key they share.
 *
 * Why: MongoDB applies a guarded update atomically, FerretDB does not (it reads, then writes), so two writers of one
 * story in the same process could lose an update there. Writers in different processes are kept apart by Kafka:
 * every version of a story has the same key, hence the same partition and consumer.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async acquire(keys: Iterable<string>): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const waits: Promise<void>[] = [];
    const unique = [...new Set(keys)];
    for (const key of unique) {
      const previous = this.tails.get(key);
      if (previous) waits.push(previous);
      const tail = (previous ?? Promise.resolve()).then(() => released);
      this.tails.set(key, tail);
      // `released` never rejects; the handler only keeps the lint's promise that nothing floats honest
      tail.then(
        () => {
          if (this.tails.get(key) === tail) this.tails.delete(key);
        },
        () => undefined,
      );
    }
    await Promise.all(waits);
    return release;
  }

  /** number of keys currently held or waited for (for tests) */
  get size(): number {
    return this.tails.size;
  }
}

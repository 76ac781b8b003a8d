import type { OutboundMessage } from './outcomes';
import { TransientError, isTransientError } from './transient';

export interface SendQueueOptions {
  /** most messages merged into one request */
  maxMessages: number;
  /** most payload bytes merged into one request (a single larger entry still goes alone) */
  maxBytes: number;
  /** a caller waiting longer than this gets a TransientError; the send itself carries on */
  timeoutMs: number;
}

interface Entry {
  records: OutboundMessage[];
  bytes: number;
  settled: boolean;
  timer?: NodeJS.Timeout;
  resolve(): void;
  reject(e: unknown): void;
}

/**
 * Serializes and coalesces producer sends: one request in flight at a time (which keeps the idempotent producer's
 * per-partition sequence numbers in order), and everything that arrived meanwhile goes out in the next request. Idle,
 * a send leaves at once; under load, batches grow by themselves. If a merged request fails for a reason that is not
 * transient, each caller's part is retried alone, so one bad message cannot fail its neighbours.
 */
export class SendQueue {
  private readonly pending: Entry[] = [];
  private inFlight: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly send: (records: OutboundMessage[]) => Promise<void>,
    private readonly options: SendQueueOptions,
  ) {}

  /** Resolves once every record of this call is acknowledged. */
  enqueue(records: OutboundMessage[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const entry: Entry = { records, bytes: sizeOf(records), settled: false, resolve, reject };
      if (this.options.timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          settle(entry, new TransientError(`Kafka did not acknowledge within ${this.options.timeoutMs} ms`));
        }, this.options.timeoutMs);
        entry.timer.unref?.();
      }
      this.pending.push(entry);
      this.pump();
    });
  }

  /** Resolves when nothing is queued or in flight (for graceful shutdown). */
  drained(): Promise<void> {
    if (!this.inFlight && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get size(): number {
    return this.pending.length;
  }

  private pump(): void {
    if (this.inFlight) return;
    const batch = this.takeBatch();
    if (batch.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
      return;
    }
    this.inFlight = this.sendBatch(batch).finally(() => {
      this.inFlight = undefined;
      this.pump();
    });
  }

  private takeBatch(): Entry[] {
    const batch: Entry[] = [];
    let messages = 0;
    let bytes = 0;
    while (this.pending.length) {
      const next = this.pending[0];
      if (next.settled) {
        // timed out before it was sent: its caller already has an answer and will retry; do not send twice
        this.pending.shift();
        continue;
      }
      const fits =
        batch.length === 0 ||
        (messages + next.records.length <= this.options.maxMessages && bytes + next.bytes <= this.options.maxBytes);
      if (!fits) break;
      batch.push(next);
      messages += next.records.length;
      bytes += next.bytes;
      this.pending.shift();
    }
    return batch;
  }

  private async sendBatch(batch: Entry[]): Promise<void> {
    try {
      await this.send(batch.flatMap((e) => e.records));
      batch.forEach((e) => settle(e));
    } catch (error) {
      if (batch.length === 1 || isTransientError(error)) {
        batch.forEach((e) => settle(e, error));
        return;
      }
      for (const entry of batch) {
        try {
          await this.send(entry.records);
          settle(entry);
        } catch (single) {
          settle(entry, single);
        }
      }
    }
  }
}

function settle(entry: Entry, error?: unknown): void {
  if (entry.settled) return;
  entry.settled = true;
  if (entry.timer) clearTimeout(entry.timer);
  if (error === undefined) entry.resolve();
  else entry.reject(error);
}

function sizeOf(records: OutboundMessage[]): number {
  let n = 0;
  for (const r of records)
    n += r.value ? (typeof r.value === 'string' ? Buffer.byteLength(r.value) : r.value.length) : 0;
  return n;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { ItemMessage, ItemReport, ItemTask } from '@wiredesk/contracts';
import { WiredeskMetrics } from '../metrics/metrics';

/** What the pool reports per item: the worker's report, or a timeout (the item ran past the limit every time). */
export type ItemOutcome<R> = ItemReport<R> | { kind: 'timeout'; limitMs: number; attempts: number };

/** "took longer than 10000 ms (PARSE_TIME_LIMIT_MS) twice, …": a timeout in a dead letter's message. */
export function overTimeLimit(outcome: { limitMs: number; attempts: number }, setting: string): string {
  const tries =
    outcome.attempts === 2
      ? 'twice, the second time alone on a fresh worker,'
      : outcome.attempts === 1
        ? 'once'
        : `${outcome.attempts} times`;
  return `took longer than ${outcome.limitMs} ms (${setting}) ${tries}`;
}

/** Where a task stopped: at `next`, done when it is the end; after a timeout, with the fresh worker that replaced it. */
type TaskEnd = { next: number; timedOut?: undefined } | { next: number; timedOut: number; fresh: Worker };

export interface BudgetedPoolOptions {
  /** the worker module without extension: `<name>.js` when compiled (dist), else `<name>.ts` (jest, TS sources) */
  module: string;
  threads: number;
  /** how long one item may run before its worker is terminated (and the item tried again once, alone) */
  itemTimeLimitMs: number;
  /** for thread names */
  name: string;
}

/**
 * The code every worker thread runs: load the module (its default export handles one task, synchronously or not),
 * run its `warmUp` export if it has one (compiling the hot code before any item's clock runs; a failed warm-up only
 * leaves the thread cold), then handle the tasks the pool posts, one at a time, and say when each is done. Inline, so
 * it needs no file of its own in dist.
 */
const WORKER_HOST = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.register) require(workerData.register);
const loaded = require(workerData.module);
const handle = typeof loaded === 'function' ? loaded : loaded.default;
const warm = Promise.resolve()
  .then(() => typeof loaded.warmUp === 'function' && loaded.warmUp())
  .catch(() => undefined);
parentPort.on('message', (task) => {
  warm
    .then(() => handle(task))
    .then(
      () => {
        task.port.close();
        parentPort.postMessage('done');
      },
      (error) => {
        // uncaught on purpose: the thread ends and the pool sees its exit
        setImmediate(() => {
          throw error;
        });
      },
    );
});
`;

const REGISTER_TS = join(__dirname, 'register-ts.js');

/** The compiled worker module (dist), or, running from TypeScript sources (jest), the .ts with a require hook. */
export function workerFile(module: string): { module: string; register?: string } {
  if (existsSync(`${module}.js`)) return { module: `${module}.js` };
  if (existsSync(`${module}.ts`) && existsSync(REGISTER_TS)) return { module: `${module}.ts`, register: REGISTER_TS };
  throw new Error(`No worker module at ${module}(.js|.ts)`);
}

/**
 * CPU work on worker threads with a time limit per item, so a runaway input never blocks the event loop (Kafka
 * heartbeats, HTTP health) and costs at most twice its limit. Items go in batches (one task per run(), so the cost of
 * crossing threads is paid per batch); the worker reports when each item starts and what it gave. The clock runs only
 * while an item runs, never while a task waits for a worker.
 *
 * The limit is wall-clock time (Node 20 cannot read another thread's CPU time), so a machine short of CPU can make a
 * normal item run over it. Hence the rule: an item still running after the limit has its worker terminated and is
 * tried once more, alone, on a fresh worker with the same limit; only if it runs over again is it reported `timeout`.
 * Then the rest of the batch goes on as a new task. A starved item gets a second chance at a moment of its own, a
 * runaway one ends within twice the limit.
 * (Hand-written over worker_threads: piscina's replacement of an aborted worker never took tasks under jest.)
 */
export class BudgetedPool<T, R> {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private readonly workers = new Set<Worker>();
  private readonly limitMs: number;
  private readonly source: { module: string; register?: string };
  private closing = false;

  constructor(private readonly options: BudgetedPoolOptions) {
    this.source = workerFile(options.module);
    this.limitMs = Math.max(1, options.itemTimeLimitMs);
    for (let i = 0; i < Math.max(1, options.threads); i++) this.release(this.spawn());
  }

  /** One outcome per item, in order. Rejects only when a worker dies or the pool is closed, never for an item. */
  async run(items: T[]): Promise<ItemOutcome<R>[]> {
    const outcomes: (ItemOutcome<R> | undefined)[] = new Array(items.length);
    let from = 0;
    while (from < items.length) {
      if (this.closing) throw new Error('the worker pool is closed');
      const end = await this.runFrom(await this.acquire(), items, from, outcomes);
      from = end.next;
      if (end.timedOut !== undefined) outcomes[end.timedOut] = await this.retryAlone(end.fresh, items[end.timedOut]);
    }
    return outcomes as ItemOutcome<R>[];
  }

  /** The second attempt of an item that ran over its limit: alone, on the fresh worker that replaced its own. */
  private async retryAlone(fresh: Worker, item: T): Promise<ItemOutcome<R>> {
    const outcome: (ItemOutcome<R> | undefined)[] = [undefined];
    const end = await this.runFrom(fresh, [item], 0, outcome);
    // finished on the second try: the machine was short of CPU, most likely (an alert worth having)
    WiredeskMetrics.overTimeLimit().inc({
      pool: this.options.name,
      second_try: end.timedOut === undefined ? 'finished' : 'timeout',
    });
    if (end.timedOut === undefined) return outcome[0]!;
    this.release(end.fresh);
    return { kind: 'timeout', limitMs: this.limitMs, attempts: 2 };
  }

  /** true once close() was called: a run() failing from then on failed for that reason, not for its items */
  get closed(): boolean {
    return this.closing;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
  }

  /**
   * Runs items[from…] as one task on `worker` and hands the worker back when done. After a timeout, the worker is
   * terminated and the fresh one started in its place is the caller's to use; the timed-out item has no outcome yet.
   */
  private runFrom(
    worker: Worker,
    items: T[],
    from: number,
    outcomes: (ItemOutcome<R> | undefined)[],
  ): Promise<TaskEnd> {
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    return new Promise<TaskEnd>((resolve, reject) => {
      const settle = (how: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onDone);
        worker.off('exit', onExit);
        port1.close();
        how();
      };
      const onDone = () => {
        // the task returned; its reports may still be in port1's queue: take them, then hand the worker back
        setImmediate(() =>
          settle(() => {
            this.release(worker);
            const missing = outcomes.findIndex((o, i) => i >= from && o === undefined);
            if (missing === -1) resolve({ next: items.length });
            else reject(new Error(`the worker finished without a report for item ${missing}`));
          }),
        );
      };
      const onExit = (code: number) =>
        settle(() => {
          const fresh = this.replace(worker);
          if (fresh) this.release(fresh);
          reject(new Error(`a ${this.options.name} worker exited (code ${code}) while handling a batch`));
        });
      port1.on('message', (message: ItemMessage<R>) => {
        if (settled) return;
        const index = from + message.i;
        clearTimeout(timer);
        if ('started' in message) {
          timer = setTimeout(
            () =>
              settle(() => {
                const fresh = this.replace(worker);
                if (fresh) resolve({ next: index + 1, timedOut: index, fresh });
                else reject(new Error('the worker pool is closed'));
              }),
            this.limitMs,
          );
          return;
        }
        outcomes[index] = message.report;
      });
      worker.on('message', onDone);
      worker.once('exit', onExit);
      const task: ItemTask<T, MessagePort> = { items: items.slice(from), port: port2 };
      worker.postMessage(task, [port2]);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_HOST, {
      eval: true,
      workerData: this.source,
      name: `${this.options.name}-worker`,
    });
    this.workers.add(worker);
    // an error inside the host (a module that fails to load) ends the thread: 'exit' follows and is handled there
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      this.workers.delete(worker);
      // died while idle (it could not load its module, say): replaced after a pause, so a broken module cannot spin
      const idle = this.idle.indexOf(worker);
      if (idle === -1 || this.closing) return;
      this.idle.splice(idle, 1);
      setTimeout(() => !this.closing && this.release(this.spawn()), 1000).unref();
    });
    worker.unref();
    return worker;
  }

  /** Stops a worker (a runaway item, or one that died) and starts a fresh one in its place (none once closing). */
  private replace(worker: Worker): Worker | undefined {
    this.workers.delete(worker);
    worker.terminate().catch(() => undefined);
    return this.closing ? undefined : this.spawn();
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }
}

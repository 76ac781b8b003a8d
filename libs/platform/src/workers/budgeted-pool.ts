import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { ItemMessage, ItemReport, ItemTask } from '@wiredesk/contracts';

/** What the pool reports per item: the worker's report, or a timeout (the item ran past the limit). */
export type ItemOutcome<R> = ItemReport<R> | { kind: 'timeout'; limitMs: number };

export interface BudgetedPoolOptions {
  /** the worker module without extension: `<name>.js` when compiled (dist), else `<name>.ts` (jest, TS sources) */
  module: string;
  threads: number;
  /** how long one item may run before its worker is terminated and the item reported as a timeout */
  itemTimeLimitMs: number;
  /** for thread names */
  name: string;
}

/**
 * The code every worker thread runs: load the module (its default export handles one task, synchronously or not),
 * then handle the tasks the pool posts, one at a time, and say when each is done. Inline, so it needs no file of its own in dist.
 */
const WORKER_HOST = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.register) require(workerData.register);
const loaded = require(workerData.module);
const handle = typeof loaded === 'function' ? loaded : loaded.default;
parentPort.on('message', (task) => {
  Promise.resolve()
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
 * heartbeats, HTTP health) and costs at most its limit. Items go in batches (one task per run(), so the cost of
 * crossing threads is paid per batch); the worker reports when each item starts and what it gave. An item still
 * running after the limit has its worker terminated and replaced, is reported `timeout`, and the rest of the batch
 * goes to a worker as a new task. The clock runs only while an item runs, never while a task waits for a worker.
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
      const worker = await this.acquire();
      from = await this.runFrom(worker, items, from, outcomes);
    }
    return outcomes as ItemOutcome<R>[];
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

  /** Runs items[from…] as one task on `worker`; resolves with where the next task starts (items.length: done). */
  private runFrom(worker: Worker, items: T[], from: number, outcomes: (ItemOutcome<R> | undefined)[]): Promise<number> {
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    return new Promise<number>((resolve, reject) => {
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
            if (missing === -1) resolve(items.length);
            else reject(new Error(`the worker finished without a report for item ${missing}`));
          }),
        );
      };
      const onExit = (code: number) =>
        settle(() => {
          this.replace(worker);
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
                outcomes[index] = { kind: 'timeout', limitMs: this.limitMs };
                this.replace(worker);
                resolve(index + 1);
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

  /** Stops a worker (a runaway item, or one that died) and puts a fresh one in its place. */
  private replace(worker: Worker): void {
    this.workers.delete(worker);
    worker.terminate().catch(() => undefined);
    if (!this.closing) this.release(this.spawn());
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

/**
 * Between a service's worker pool (libs/platform/src/workers/budgeted-pool.ts) and its worker threads
 * (libs/pipeline/src/workers): what a worker reports per item on the task's port.
 */
export type ItemReport<R> =
  | { kind: 'ok'; value: R }
  /** the input's own failure: a WireError's code and message */
  | { kind: 'wire-error'; code: string; message: string }
  | { kind: 'error'; message: string };

/** Sent when item i starts (the pool's clock for it starts then) and when it is done. */
export type ItemMessage<R> = { i: number; started: true } | { i: number; report: ItemReport<R> };

/** Where a worker posts its ItemMessages (a worker_threads MessagePort). */
export interface ItemPort {
  postMessage(message: unknown): void;
}

/** The task a worker module's default export receives. */
export interface ItemTask<T, Port extends ItemPort = ItemPort> {
  items: T[];
  port: Port;
}

import { isWireError, type ItemMessage, type ItemReport, type ItemTask } from '@wiredesk/contracts';

/**
 * The worker side of a budgeted pool: runs `handle` on each item in order and reports on the task's port when an
 * item starts (the pool's clock for it) and what it gave. An input's own failure (WireError) and any other error are
 * reports, never a failed task, so one bad item costs only itself.
 */
export async function runItems<T, R>(task: ItemTask<T>, handle: (item: T) => R | Promise<R>): Promise<number> {
  const { items, port } = task;
  for (let i = 0; i < items.length; i++) {
    port.postMessage({ i, started: true } satisfies ItemMessage<R>);
    let report: ItemReport<R>;
    try {
      report = { kind: 'ok', value: await handle(items[i]) };
    } catch (e) {
      report = isWireError(e)
        ? { kind: 'wire-error', code: e.code, message: e.message }
        : { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage({ i, report } satisfies ItemMessage<R>);
  }
  return items.length;
}

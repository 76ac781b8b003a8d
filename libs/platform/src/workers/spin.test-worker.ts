// A worker for budgeted-pool.spec.ts: each item spins the CPU for `ms` (forever with -1), then answers or throws.
import { threadId } from 'node:worker_threads';
import type { ItemTask } from '@wiredesk/contracts';

export interface SpinItem {
  ms: number;
  fail?: 'wire' | 'bug' | 'exit';
  id: string;
  /** spins this long on its first attempt instead (a machine short of CPU, say); `tries` counts the attempts */
  firstMs?: number;
  /** one Int32 on a SharedArrayBuffer, shared by every thread the item is sent to */
  tries?: Int32Array;
  /** answer with the worker thread's id too */
  sayThread?: boolean;
  /** answer whether the thread's warm-up ran */
  sayWarm?: boolean;
}

/** How long the warm-up spins: longer than the spec's short time limit, which must not count it. */
export const WARM_UP_MS = 300;
let warm = false;

export function warmUp(): void {
  const until = Date.now() + WARM_UP_MS;
  while (Date.now() < until) {
    // compiling a parser, say
  }
  warm = true;
}

export default function spin(task: ItemTask<SpinItem>): number {
  task.items.forEach((item, i) => {
    task.port.postMessage({ i, started: true });
    const attempt = item.tries ? Atomics.add(item.tries, 0, 1) : 0;
    const ms = attempt === 0 && item.firstMs !== undefined ? item.firstMs : item.ms;
    const until = ms < 0 ? Infinity : Date.now() + ms;
    while (Date.now() < until) {
      // a runaway parse
    }
    if (item.fail === 'exit') throw new RangeError('out of memory, say'); // uncaught in the host: the thread ends
    const report =
      item.fail === 'wire'
        ? { kind: 'wire-error', code: 'MALFORMED_XML', message: `bad ${item.id}` }
        : item.fail === 'bug'
          ? { kind: 'error', message: `bug on ${item.id}` }
          : { kind: 'ok', value: answer(item) };
    task.port.postMessage({ i, report });
  });
  return task.items.length;
}

function answer(item: SpinItem): string {
  if (item.sayThread) return `done ${item.id} on ${threadId}`;
  if (item.sayWarm) return `done ${item.id} ${warm ? 'warm' : 'cold'}`;
  return `done ${item.id}`;
}

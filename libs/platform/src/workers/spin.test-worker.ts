// A worker for budgeted-pool.spec.ts: each item spins the CPU for `ms` (forever with -1), then answers or throws.
import type { ItemTask } from '@wiredesk/contracts';

export interface SpinItem {
  ms: number;
  fail?: 'wire' | 'bug' | 'exit';
  id: string;
}

export default function spin(task: ItemTask<SpinItem>): number {
  task.items.forEach((item, i) => {
    task.port.postMessage({ i, started: true });
    const until = item.ms < 0 ? Infinity : Date.now() + item.ms;
    while (Date.now() < until) {
      // a runaway parse
    }
    if (item.fail === 'exit') throw new RangeError('out of memory, say'); // uncaught in the host: the thread ends
    const report =
      item.fail === 'wire'
        ? { kind: 'wire-error', code: 'MALFORMED_XML', message: `bad ${item.id}` }
        : item.fail === 'bug'
          ? { kind: 'error', message: `bug on ${item.id}` }
          : { kind: 'ok', value: `done ${item.id}` };
    task.port.postMessage({ i, report });
  });
  return task.items.length;
}

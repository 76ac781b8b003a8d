import type { OutboundMessage } from './outcomes';
import { SendQueue } from './send-queue';
import { TransientError } from './transient';

const rec = (value: string, topic = 't'): OutboundMessage => ({ topic, value });

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SendQueue', () => {
  const options = { maxMessages: 100, maxBytes: 1_000_000, timeoutMs: 0 };

  it('sends at once when idle and merges what arrives while a request is in flight', async () => {
    const calls: string[][] = [];
    const gates = [deferred(), deferred()];
    const q = new SendQueue((records) => {
      calls.push(records.map((r) => String(r.value)));
      return gates[calls.length - 1].promise;
    }, options);
    const a = q.enqueue([rec('a')]);
    const b = q.enqueue([rec('b')]);
    const c = q.enqueue([rec('c1'), rec('c2')]);
    expect(calls).toEqual([['a']]);
    gates[0].resolve();
    await a;
    await Promise.resolve();
    expect(calls).toEqual([['a'], ['b', 'c1', 'c2']]);
    gates[1].resolve();
    await Promise.all([b, c]);
    await q.drained();
  });

  it('respects the message limit per request', async () => {
    const calls: number[] = [];
    const gate = deferred();
    const q = new SendQueue(
      async (records) => {
        calls.push(records.length);
        if (calls.length === 1) await gate.promise;
      },
      { ...options, maxMessages: 3 },
    );
    const first = q.enqueue([rec('x')]);
    const rest = [q.enqueue([rec('1'), rec('2')]), q.enqueue([rec('3')]), q.enqueue([rec('4')])];
    gate.resolve();
    await Promise.all([first, ...rest]);
    expect(calls).toEqual([1, 3, 1]);
  });

  it('isolates a caller whose records are rejected permanently', async () => {
    const q = new SendQueue(async (records) => {
      if (records.some((r) => r.value === 'bad'))
        throw Object.assign(new Error('MESSAGE_TOO_LARGE'), { retriable: false });
    }, options);
    const gate = q.enqueue([rec('first')]);
    const good = q.enqueue([rec('good')]);
    const bad = q.enqueue([rec('bad')]);
    await gate;
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow('MESSAGE_TOO_LARGE');
  });

  it('fails every caller of a merged request on a transient error', async () => {
    let n = 0;
    const q = new SendQueue(async () => {
      n++;
      if (n === 2) throw new TransientError('broker down');
    }, options);
    const first = q.enqueue([rec('a')]);
    const b = q.enqueue([rec('b')]);
    const c = q.enqueue([rec('c')]);
    await first;
    await expect(b).rejects.toThrow('broker down');
    await expect(c).rejects.toThrow('broker down');
    expect(n).toBe(2);
  });

  it('answers a caller with a TransientError when the broker does not acknowledge in time', async () => {
    const never = deferred();
    const q = new SendQueue(() => never.promise, { ...options, timeoutMs: 10 });
    await expect(q.enqueue([rec('a')])).rejects.toBeInstanceOf(TransientError);
    never.resolve();
    await q.drained();
  });
});

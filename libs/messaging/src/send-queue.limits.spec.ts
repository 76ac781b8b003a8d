import type { OutboundMessage } from './outcomes';
import { SendQueue } from './send-queue';
import { TransientError } from './transient';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A queue whose first request hangs until released, so what follows piles up and shows how it is merged. */
function gatedQueue(options: { maxMessages: number; maxBytes: number; timeoutMs?: number }) {
  const calls: string[][] = [];
  const first = deferred();
  const q = new SendQueue(
    (records) => {
      calls.push(records.map((r) => (r.value === null ? 'null' : String(r.value))));
      return calls.length === 1 ? first.promise : Promise.resolve();
    },
    { timeoutMs: 0, ...options },
  );
  return { q, calls, release: first.resolve };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('SendQueue limits, exactly at the boundary', () => {
  it('merges up to maxBytes of payload and starts a new request past it (bytes as UTF-8)', async () => {
    const { q, calls, release } = gatedQueue({ maxMessages: 100, maxBytes: 6 });
    const all = [
      q.enqueue([{ topic: 't', value: 'first' }]),
      q.enqueue([{ topic: 't', value: 'ab' }]),
      q.enqueue([{ topic: 't', value: 'é' }]), // 2 bytes: 4 in all
      q.enqueue([{ topic: 't', value: Buffer.from('cd') }]), // 6: exactly the limit
      q.enqueue([{ topic: 't', value: 'e' }]), // 7: next request
    ];
    release();
    await Promise.all(all);
    expect(calls).toEqual([['first'], ['ab', 'é', 'cd'], ['e']]);
  });

  it('counts records without a value as no bytes', async () => {
    const { q, calls, release } = gatedQueue({ maxMessages: 100, maxBytes: 2 });
    const all = [
      q.enqueue([{ topic: 't', value: 'x' }]),
      q.enqueue([{ topic: 't', value: 'ab' }]),
      q.enqueue([{ topic: 't', value: null }]),
      q.enqueue([{ topic: 't', value: 'c' }]),
    ];
    release();
    await Promise.all(all);
    expect(calls).toEqual([['x'], ['ab', 'null'], ['c']]);
  });

  it('sends an entry larger than maxBytes alone rather than never', async () => {
    const { q, calls, release } = gatedQueue({ maxMessages: 100, maxBytes: 3 });
    const all = [q.enqueue([{ topic: 't', value: 'x' }]), q.enqueue([{ topic: 't', value: 'toolarge' }])];
    release();
    await Promise.all(all);
    expect(calls).toEqual([['x'], ['toolarge']]);
  });

  it('merges up to maxMessages records', async () => {
    const { q, calls, release } = gatedQueue({ maxMessages: 3, maxBytes: 1000 });
    const rec = (v: string): OutboundMessage => ({ topic: 't', value: v });
    const all = [q.enqueue([rec('0')]), q.enqueue([rec('a'), rec('b')]), q.enqueue([rec('c')]), q.enqueue([rec('d')])];
    release();
    await Promise.all(all);
    expect(calls).toEqual([['0'], ['a', 'b', 'c'], ['d']]);
  });

  it('resolves an empty call at once without a request', async () => {
    const send = jest.fn(async () => undefined);
    const q = new SendQueue(send, { maxMessages: 10, maxBytes: 10, timeoutMs: 0 });
    await q.enqueue([]);
    expect(send).not.toHaveBeenCalled();
    expect(q.size).toBe(0);
  });
});

describe('SendQueue timeouts and draining', () => {
  it('does not send an entry whose caller already timed out, and says how long it waited', async () => {
    const { q, calls, release } = gatedQueue({ maxMessages: 100, maxBytes: 1000, timeoutMs: 20 });
    const first = q.enqueue([{ topic: 't', value: 'first' }]);
    const late = q.enqueue([{ topic: 't', value: 'late' }]);
    first.catch(() => undefined);
    expect(q.size).toBe(1);
    await expect(late).rejects.toEqual(new TransientError('Kafka did not acknowledge within 20 ms'));
    await expect(late).rejects.toBeInstanceOf(TransientError);
    release();
    await q.drained();
    expect(calls).toEqual([['first']]);
  });

  it('a caller answered in time is not failed later by its timer', async () => {
    const q = new SendQueue(async () => undefined, { maxMessages: 10, maxBytes: 100, timeoutMs: 10 });
    await q.enqueue([{ topic: 't', value: 'a' }]);
    await new Promise((r) => setTimeout(r, 30)); // an uncleared timer would settle (and reject) it now: no effect
    await expect(q.enqueue([{ topic: 't', value: 'b' }])).resolves.toBeUndefined();
  });

  it('never times out with timeoutMs 0', async () => {
    const gate = deferred();
    const q = new SendQueue(() => gate.promise, { maxMessages: 10, maxBytes: 100, timeoutMs: 0 });
    let settled = false;
    const p = q.enqueue([{ topic: 't', value: 'a' }]).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    gate.resolve();
    await p;
  });

  it('drained waits for what is in flight and queued, every waiter once', async () => {
    const { q, release } = gatedQueue({ maxMessages: 1, maxBytes: 1000 });
    await q.drained(); // idle: at once
    const sends = [q.enqueue([{ topic: 't', value: 'a' }]), q.enqueue([{ topic: 't', value: 'b' }])];
    let drained = 0;
    const waiters = [q.drained().then(() => drained++), q.drained().then(() => drained++)];
    await flush();
    expect(drained).toBe(0);
    release();
    await Promise.all([...sends, ...waiters]);
    expect(drained).toBe(2);
    await q.drained();
  });

  it('fails a lone entry with its own error, without a second try', async () => {
    const send = jest.fn(async () => {
      throw new Error('INVALID_RECORD');
    });
    const q = new SendQueue(send, { maxMessages: 10, maxBytes: 100, timeoutMs: 0 });
    await expect(q.enqueue([{ topic: 't', value: 'a' }])).rejects.toThrow('INVALID_RECORD');
    expect(send).toHaveBeenCalledTimes(1);
  });
});

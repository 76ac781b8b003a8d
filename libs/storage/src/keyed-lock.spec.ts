import { KeyedLock } from './keyed-lock';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('KeyedLock', () => {
  it('runs holders of the same key one after the other', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const releaseA = await lock.acquire(['x']);
    const b = lock.acquire(['x']).then((release) => {
      order.push('b');
      release();
    });
    await tick();
    expect(order).toEqual([]);
    order.push('a');
    releaseA();
    await b;
    expect(order).toEqual(['a', 'b']);
  });

  it('lets holders of different keys run at once', async () => {
    const lock = new KeyedLock();
    const releaseA = await lock.acquire(['x']);
    const releaseB = await lock.acquire(['y']);
    releaseA();
    releaseB();
  });

  it('never deadlocks on overlapping key sets taken in different orders', async () => {
    const lock = new KeyedLock();
    const results = await Promise.all(
      [
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c', 'a'],
      ].map(async (keys) => {
        const release = await lock.acquire(keys);
        await tick();
        release();
        return keys.length;
      }),
    );
    expect(results).toEqual([2, 2, 3]);
    await tick();
    expect(lock.size).toBe(0);
  });
});

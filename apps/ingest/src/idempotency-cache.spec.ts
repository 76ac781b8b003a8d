import { IdempotencyCache } from './idempotency-cache';

describe('IdempotencyCache', () => {
  it('runs the work once per key and replays the result', async () => {
    const cache = new IdempotencyCache<string>();
    let runs = 0;
    const work = async () => `id-${++runs}`;
    const first = cache.run('k', work);
    const second = cache.run('k', work);
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    await expect(second.result).resolves.toBe('id-1');
    expect(runs).toBe(1);
  });

  it('forgets a failed attempt so the retry runs again', async () => {
    const cache = new IdempotencyCache<string>();
    await expect(cache.run('k', async () => Promise.reject(new Error('down'))).result).rejects.toThrow('down');
    await Promise.resolve();
    const retry = cache.run('k', async () => 'ok');
    expect(retry.replayed).toBe(false);
    await expect(retry.result).resolves.toBe('ok');
  });

  it('expires entries and keeps at most maxEntries', () => {
    let now = 0;
    const cache = new IdempotencyCache<string>(2, 100, () => now);
    cache.run('a', async () => 'a');
    cache.run('b', async () => 'b');
    cache.run('c', async () => 'c');
    expect(cache.size).toBe(2);
    now = 1000;
    expect(cache.run('b', async () => 'b2').replayed).toBe(false);
  });
});

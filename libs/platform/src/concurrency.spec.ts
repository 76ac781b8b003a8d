import { mapLimited } from './concurrency';
import { setTimeout as sleep } from 'node:timers/promises';

describe('mapLimited', () => {
  it('never runs more than the limit at once, and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await sleep(n);
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('takes an empty list', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});

import { join } from 'node:path';
import { BudgetedPool } from './budgeted-pool';
import type { SpinItem } from './spin.test-worker';

/** Real worker threads: the TypeScript worker is loaded through ts-worker.js, as every worker is under jest. */
describe('BudgetedPool', () => {
  let pool: BudgetedPool<SpinItem, string>;

  beforeAll(() => {
    pool = new BudgetedPool({
      module: join(__dirname, 'spin.test-worker'),
      name: 'spin',
      threads: 1,
      itemTimeLimitMs: 1500,
    });
  });
  afterAll(() => pool.close());

  it('runs a batch and reports every item, failures included, in order', async () => {
    const outcomes = await pool.run([
      { id: 'a', ms: 0 },
      { id: 'b', ms: 0, fail: 'wire' },
      { id: 'c', ms: 0, fail: 'bug' },
      { id: 'd', ms: 0 },
    ]);
    expect(outcomes).toEqual([
      { kind: 'ok', value: 'done a' },
      { kind: 'wire-error', code: 'MALFORMED_XML', message: 'bad b' },
      { kind: 'error', message: 'bug on c' },
      { kind: 'ok', value: 'done d' },
    ]);
  });

  it('stops a runaway item at its time limit and goes on with the rest of the batch on a new worker', async () => {
    const outcomes = await pool.run([
      { id: 'a', ms: 0 },
      { id: 'runaway', ms: -1 },
      { id: 'c', ms: 0 },
    ]);
    expect(outcomes).toEqual([
      { kind: 'ok', value: 'done a' },
      { kind: 'timeout', limitMs: 1500 },
      { kind: 'ok', value: 'done c' },
    ]);
    // and the pool still works
    expect(await pool.run([{ id: 'after', ms: 0 }])).toEqual([{ kind: 'ok', value: 'done after' }]);
  }, 30_000);

  it('gives the time limit to each item, not to the batch', async () => {
    // four items of 0.6 s each: 2.4 s in all, over the 1.5 s limit, and every one within it
    const outcomes = await pool.run(['a', 'b', 'c', 'd'].map((id) => ({ id, ms: 600 })));
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'ok', 'ok']);
  }, 30_000);

  it('rejects when the worker itself dies, and keeps working afterwards', async () => {
    await expect(pool.run([{ id: 'boom', ms: 0, fail: 'exit' }])).rejects.toThrow();
    expect(await pool.run([{ id: 'next', ms: 0 }])).toEqual([{ kind: 'ok', value: 'done next' }]);
  }, 30_000);
});

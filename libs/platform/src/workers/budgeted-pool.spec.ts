import { join } from 'node:path';
import { WiredeskMetrics } from '../metrics/metrics';
import { BudgetedPool, overTimeLimit, type ItemOutcome } from './budgeted-pool';
import { WARM_UP_MS, type SpinItem } from './spin.test-worker';

/** Real worker threads: the TypeScript worker is loaded through ts-worker.js, as every worker is under jest. */
/** wiredesk_item_time_limit_total of the spin pool, by how the second try ended */
async function secondTries(ended: 'finished' | 'timeout'): Promise<number> {
  const { values } = await WiredeskMetrics.overTimeLimit().get();
  return values.find((v) => v.labels.pool === 'spin' && v.labels.second_try === ended)?.value ?? 0;
}

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

  it('stops a runaway item at its time limit, tries it once more alone, then goes on with the rest of the batch', async () => {
    const tries = new Int32Array(new SharedArrayBuffer(4));
    const outcomes = await pool.run([
      { id: 'a', ms: 0 },
      { id: 'runaway', ms: -1, tries },
      { id: 'c', ms: 0 },
    ]);
    expect(outcomes).toEqual([
      { kind: 'ok', value: 'done a' },
      { kind: 'timeout', limitMs: 1500, attempts: 2 },
      { kind: 'ok', value: 'done c' },
    ]);
    expect(tries[0]).toBe(2);
    expect(await secondTries('timeout')).toBe(1);
    // and the pool still works
    expect(await pool.run([{ id: 'after', ms: 0 }])).toEqual([{ kind: 'ok', value: 'done after' }]);
  }, 30_000);

  it('gives an item that ran over its limit once (a starved machine, say) a second try, alone on a fresh worker', async () => {
    const tries = new Int32Array(new SharedArrayBuffer(4));
    const outcomes = await pool.run([
      { id: 'a', ms: 0, sayThread: true },
      { id: 'starved', ms: 0, firstMs: -1, tries, sayThread: true },
      { id: 'c', ms: 0, sayThread: true },
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'ok']);
    expect(tries[0]).toBe(2);
    expect(await secondTries('finished')).toBe(1);
    const threadOf = (o: ItemOutcome<string>) => (o.kind === 'ok' ? o.value.split(' on ')[1] : undefined);
    const [first, retried, rest] = outcomes.map(threadOf);
    // the first attempt's worker was stopped: the second ran on another thread, and so did the rest of the batch
    expect(retried).not.toBe(first);
    expect(rest).not.toBe(first);
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

describe('BudgetedPool warm-up', () => {
  it("runs the worker module's warmUp before its first item, outside the item's time limit", async () => {
    // the warm-up spins longer than this limit: charged to the item, it would be a timeout
    const short = new BudgetedPool<SpinItem, string>({
      module: join(__dirname, 'spin.test-worker'),
      name: 'spin-short',
      threads: 1,
      itemTimeLimitMs: WARM_UP_MS / 2,
    });
    try {
      expect(await short.run([{ id: 'first', ms: 0, sayWarm: true }])).toEqual([
        { kind: 'ok', value: 'done first warm' },
      ]);
    } finally {
      await short.close();
    }
  }, 30_000);
});

describe('overTimeLimit', () => {
  it('says how many times the item ran over its limit', () => {
    expect(overTimeLimit({ limitMs: 10000, attempts: 2 }, 'PARSE_TIME_LIMIT_MS')).toBe(
      'took longer than 10000 ms (PARSE_TIME_LIMIT_MS) twice, the second time alone on a fresh worker,',
    );
  });
});

import { RESTART_BACKOFF, restartDelay } from './supervisor';

describe('restartDelay', () => {
  it('waits 1 s before the first restart, doubling up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => restartDelay(n))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(RESTART_BACKOFF.stableMs).toBe(60_000);
  });
});

import { countToday, failureDelay, isSilent, nextPollDelay, updateUsualGap } from './schedule';

describe('schedule', () => {
  const every5m = { intervalMs: 300000, jitterMs: 30000 };

  it('waits the interval plus a share of the jitter', () => {
    expect(nextPollDelay(every5m, () => 0)).toBe(300000);
    expect(nextPollDelay(every5m, () => 0.5)).toBe(315000);
  });

  it('backs off exponentially from the interval, up to an hour', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => failureDelay(every5m, n, () => 0));
    expect(delays).toEqual([600000, 1200000, 2400000, 3600000, 3600000, 3600000]);
    expect(failureDelay({ intervalMs: 1000 }, 1, () => 1)).toBe(2200);
    // a daily source is never polled more often because it failed
    expect(failureDelay({ intervalMs: 86400000 }, 3, () => 0)).toBe(86400000);
  });

  it('learns the usual gap and marks a source silent for longer than that', () => {
    let gap = updateUsualGap(undefined, 600000);
    gap = updateUsualGap(gap, 900000);
    expect(gap).toBe(700000);
    const last = new Date('2026-01-01T10:00:00Z');
    expect(isSilent(last, gap, 60000, new Date('2026-01-01T10:30:00Z'))).toBe(false);
    expect(isSilent(last, gap, 60000, new Date('2026-01-01T10:40:00Z'))).toBe(true);
    expect(isSilent(last, gap, 3600000, new Date('2026-01-01T10:40:00Z'))).toBe(false);
    expect(isSilent(undefined, undefined, 60000, new Date())).toBe(false);
  });

  it('counts items per UTC day', () => {
    const t = new Date('2026-01-01T23:00:00Z');
    const today = countToday(countToday(undefined, 3, t), 2, t);
    expect(today).toEqual({ day: '2026-01-01', count: 5 });
    expect(countToday(today, 1, new Date('2026-01-02T00:01:00Z'))).toEqual({ day: '2026-01-02', count: 1 });
  });
});

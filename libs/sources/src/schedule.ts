/** When a source is polled next, after success and after failure, and when its silence is worth a mark. */

export interface Schedule {
  intervalMs: number;
  jitterMs?: number;
}

/** The next poll after a successful one: the interval plus a random share of the jitter (spreads many sources). */
export function nextPollDelay(schedule: Schedule, random: () => number = Math.random): number {
  return Math.round(schedule.intervalMs + random() * (schedule.jitterMs ?? 0));
}

/** Longest wait between two attempts of a failing source. */
export const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * The wait after `failures` failed polls in a row (1 = the first failure): the interval doubled per failure, never
 * less than the interval nor more than an hour (or the interval, if that is longer), with up to 10 % random on top
 * so sources that failed together do not retry together.
 */
export function failureDelay(schedule: Schedule, failures: number, random: () => number = Math.random): number {
  const ceiling = Math.max(schedule.intervalMs, MAX_BACKOFF_MS);
  const base = Math.min(ceiling, schedule.intervalMs * 2 ** Math.max(0, Math.min(failures, 30)));
  return Math.round(base + random() * base * 0.1);
}

/**
 * The usual gap between new items, as an exponentially weighted mean: each gap seen moves it a third of the way, so
 * a source's rhythm is learnt in a few items and follows slow changes.
 */
export function updateUsualGap(previousMs: number | undefined, gapMs: number): number {
  if (previousMs === undefined || !Number.isFinite(previousMs)) return gapMs;
  return Math.round(previousMs + (gapMs - previousMs) / 3);
}

/**
 * Whether a source has been silent for longer than usual: no new item for more than three usual gaps, and for more
 * than two poll intervals (a source polled hourly cannot be late after five minutes). Undefined rhythm: not marked.
 */
export function isSilent(
  lastNewItemAt: Date | undefined,
  usualGapMs: number | undefined,
  intervalMs: number,
  now: Date,
): boolean {
  if (!lastNewItemAt || !usualGapMs) return false;
  const silence = now.getTime() - lastNewItemAt.getTime();
  return silence > 3 * usualGapMs && silence > 2 * intervalMs;
}

/** Items today: a counter that starts again at midnight UTC. */
export function countToday(
  previous: { day: string; count: number } | undefined,
  added: number,
  now: Date,
): { day: string; count: number } {
  const day = now.toISOString().slice(0, 10);
  return { day, count: (previous?.day === day ? previous.count : 0) + added };
}

import { formatProgress } from './progress';

describe('formatProgress', () => {
  it.each([
    [
      'counted: the rate gives the estimate',
      { label: 'compiling', elapsedMs: 60_000, done: 240, total: 480, typicalMs: 300_000 },
      'compiling: 240/480 (50 %), 1 min 00 s so far, about 1 min 00 s left',
    ],
    [
      'counted, too early for a rate: the typical duration',
      { label: 'compiling', elapsedMs: 3_000, done: 2, total: 480, typicalMs: 90_000 },
      'compiling: 2/480 (0 %), 3 s so far, about 1 min 27 s left',
    ],
    [
      'nothing to count',
      { label: 'downloading', elapsedMs: 12_000, typicalMs: 40_000 },
      'downloading: 12 s so far, about 28 s left',
    ],
    [
      'past the typical duration',
      { label: 'downloading', elapsedMs: 50_000, typicalMs: 40_000 },
      'downloading: 50 s so far, taking longer than usual, still working',
    ],
  ])('%s', (_name, state, line) => {
    expect(formatProgress(state)).toBe(line);
  });
});

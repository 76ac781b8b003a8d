import { sourceStatusRows } from './source-status.controller';

describe('sourceStatusRows', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const profile = { kind: 'feed', intervalMs: 60000, enabled: true };

  it('marks a source silent for longer than its usual gap, and shows failures with their kind', () => {
    const rows = sourceStatusRows(
      [
        {
          _id: 'quiet',
          profile,
          lastNewItemAt: new Date('2026-06-01T10:00:00Z'),
          usualGapMs: 10 * 60000,
          itemsToday: { day: '2026-06-01', count: 7 },
        },
        { _id: 'busy', profile, lastNewItemAt: new Date('2026-06-01T11:58:00Z'), usualGapMs: 10 * 60000 },
        {
          _id: 'broken',
          profile,
          failures: 3,
          lastError: { kind: 'auth', message: '530 Login incorrect.', at: now },
          itemsToday: { day: '2026-05-31', count: 4 },
        },
        { _id: 'unknown-to-the-poller' },
      ],
      now,
    );
    expect(rows.map((r) => [r.id, r.silent, r.failures, r.itemsToday])).toEqual([
      ['broken', false, 3, 0],
      ['busy', false, 0, 0],
      ['quiet', true, 0, 7],
    ]);
    expect(rows[0].lastError).toMatchObject({ kind: 'auth' });
  });
});

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { withLock } from './lock';
import { setTimeout as sleep } from 'node:timers/promises';

const quiet = { timeoutMs: 5000, log: () => undefined, pollMs: 20 };

describe('withLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wd-lock-'));

  it('runs callers one at a time and removes the lock afterwards', async () => {
    const path = join(dir, 'serial.lock');
    const events: string[] = [];
    const task = (name: string) =>
      withLock(
        path,
        name,
        async () => {
          events.push(`${name} in`);
          await sleep(30);
          events.push(`${name} out`);
        },
        quiet,
      );
    await Promise.all([task('a'), task('b')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(path)).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    const path = join(dir, 'fail.lock');
    await expect(withLock(path, 'x', () => Promise.reject(new Error('boom')), quiet)).rejects.toThrow('boom');
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock whose owner is gone', async () => {
    const path = join(dir, 'stale.lock');
    const dead = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim(); // a pid that has exited
    writeFileSync(path, JSON.stringify({ pid: Number(dead), since: '2020-01-01T00:00:00Z', purpose: 'crashed' }));
    await expect(withLock(path, 'x', async () => 'ran', quiet)).resolves.toBe('ran');
  });

  it('waits for a live owner and gives up with a clear error', async () => {
    const path = join(dir, 'live.lock');
    writeFileSync(path, JSON.stringify({ pid: process.ppid, since: 'now', purpose: 'infra up' }));
    const messages: string[] = [];
    await expect(
      withLock(path, 'x', async () => 'ran', { timeoutMs: 100, pollMs: 20, log: (m) => messages.push(m) }),
    ).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
    expect(messages).toEqual([`waiting for pid ${process.ppid} (infra up) to finish…`]);
  });
});

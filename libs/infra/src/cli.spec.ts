import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInfraCli, type CliIo } from './cli';

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('runInfraCli', () => {
  it('prints usage and exits 2 without a command, 0 for --help', async () => {
    const io = capture();
    expect(await runInfraCli([], io)).toBe(2);
    expect(io.lines.join('\n')).toContain('usage: wiredesk infra <up|down|status>');
    expect(await runInfraCli(['--help'], capture())).toBe(0);
  });

  it('rejects an unknown command with exit 2', async () => {
    const io = capture();
    expect(await runInfraCli(['start'], io)).toBe(2);
    expect(io.errors[0]).toBe('wiredesk infra: unknown arguments "start"');
  });

  it('status of a stack that is not running: both stopped, exit 3', async () => {
    const saved = { ...process.env };
    const dir = mkdtempSync(join(tmpdir(), 'wd-cli-'));
    // a clean slate: the caller's own stack (WIREDESK_DATA, ports, external servers) must not leak in
    for (const name of Object.keys(process.env)) if (name.startsWith('WIREDESK_')) delete process.env[name];
    Object.assign(process.env, { WIREDESK_CACHE: dir, WIREDESK_KAFKA_PORT: '1', WIREDESK_MONGO_PORT: '2' });
    delete process.env.KAFKA_BROKERS;
    delete process.env.MONGO_URL;
    try {
      const io = capture();
      expect(await runInfraCli(['status'], io)).toBe(3);
      expect(io.lines[0]).toMatch(/^kafka\s+127\.0\.0\.1:1\s+stopped/);
      expect(io.lines[1]).toMatch(/^mongo\s+mongodb:\/\/127\.0\.0\.1:2\/wiredesk\s+stopped/);
      expect(io.lines[2]).toBe(`data   ${join(dir, 'data')}`);
    } finally {
      process.env = saved;
    }
  });
});

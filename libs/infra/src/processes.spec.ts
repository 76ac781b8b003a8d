import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isOurProcess,
  isProcessAlive,
  readPidRecord,
  startServer,
  stopProcessGroup,
  writePidRecord,
} from './processes';
import { setTimeout as sleep } from 'node:timers/promises';

const spec = (dir: string, script: string, attached = false) => ({
  name: 'probe',
  command: 'sh',
  args: ['-c', script, 'wd-probe-marker'],
  cwd: dir,
  env: process.env,
  logFile: join(dir, 'logs', 'probe.log'),
  marker: 'wd-probe-marker',
  address: 'nowhere',
  attached,
});

describe('server processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wd-proc-'));

  it('starts a server in its own process group with output in its log file, and stops the whole group', async () => {
    // the "server" forks a child: stopping must take both
    const server = startServer(spec(dir, 'echo hello-from-server; sleep 60 & wait'));
    const pid = server.record.pid;
    expect(pid).toBeGreaterThan(0);
    await sleep(200);
    expect(isOurProcess(server.record)).toBe(true);
    expect(readFileSync(server.record.logFile, 'utf8')).toContain('hello-from-server');

    expect(await stopProcessGroup(pid, 5000)).toBe('terminated');
    expect(isProcessAlive(pid)).toBe(false);
    expect(() => process.kill(-pid, 0)).toThrow(); // no process of its group is left
    expect(await server.exited).toMatch(/killed by SIGTERM|exited/);
  });

  it('SIGKILLs a server that ignores SIGTERM', async () => {
    const server = startServer(spec(dir, "trap '' TERM; while true; do sleep 0.1; done"));
    await sleep(200);
    expect(await stopProcessGroup(server.record.pid, 300)).toBe('killed');
    expect(isProcessAlive(server.record.pid)).toBe(false);
  });

  it('reports how a server that dies at once ended', async () => {
    const server = startServer(spec(dir, 'exit 7'));
    expect(await server.exited).toBe('exited with code 7');
  });

  it('does not take a reused pid for our server', () => {
    const runDir = join(dir, 'run');
    writePidRecord(runDir, { ...startServerRecord(), pid: process.pid, marker: 'not-in-my-command-line' });
    const record = readPidRecord(runDir, 'probe');
    expect(record?.pid).toBe(process.pid);
    expect(isOurProcess(record!)).toBe(false);
  });
});

function startServerRecord() {
  return {
    name: 'probe',
    pid: 1,
    marker: 'x',
    command: ['x'],
    address: 'nowhere',
    logFile: '/dev/null',
    attached: false,
    startedAt: new Date().toISOString(),
  };
}

import { PassThrough } from 'node:stream';
import { prefixer, startService, stopService, type RunningService } from './service-runner';
import { setTimeout as sleep } from 'node:timers/promises';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A stand-in service: a node process running `script`. */
function nodeService(name: string, script: string, lines: string[]): RunningService {
  return startService(
    { name, command: process.execPath, args: ['-e', script], env: process.env, cwd: process.cwd() },
    (line) => lines.push(line),
  );
}

const waitFor = async (check: () => boolean) => {
  while (!check()) await sleep(20);
};

describe('service runner', () => {
  it('prefixes every line of a service with its name, coloured only when asked', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    prefixer(out, false)('ingest', 0)('listening on 8080');
    prefixer(out, true)('archive', 1)('ready');
    expect(text).toBe('[ingest] listening on 8080\n\u001b[33m[archive]\u001b[0m ready\n');
  });

  it("renders the services' JSON log lines one readable line each", () => {
    let text = '';
    const out = { write: (s: string) => (text += s) } as unknown as NodeJS.WritableStream;
    const line = {
      level: 'warn',
      time: '2026-12-06T11:50:00.123Z',
      service: 'ingest',
      msg: 'slow broker',
      partition: 2,
    };
    prefixer(out, false)('ingest', 0)(JSON.stringify(line));
    expect(text).toMatch(/^\[ingest\] \[\d\d:50:00\.123\] WARN: slow broker \{"partition":2\}\n$/);
  });

  it('passes stdout and stderr lines on, and stops a service with SIGTERM', async () => {
    const lines: string[] = [];
    const service = nodeService(
      'svc',
      `process.on('SIGTERM', () => { console.log('bye'); process.exit(0); }); console.log('up'); console.error('warn'); setInterval(() => {}, 1000);`,
      lines,
    );
    await waitFor(() => lines.includes('up') && lines.includes('warn'));
    expect(await stopService(service, 5000)).toBe('terminated');
    expect(await service.exited).toBe('exited with code 0');
    await waitFor(() => lines.includes('bye'));
    expect(isAlive(service.child.pid!)).toBe(false);
  });

  it('kills a service that ignores SIGTERM, and whatever it forked with it', async () => {
    const lines: string[] = [];
    const script = `
      const { spawn } = require('node:child_process');
      const grandchild = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      process.on('SIGTERM', () => {}); // before the line the test waits for: a SIGTERM must find it ignored
      console.log('grandchild ' + grandchild.pid);
      setInterval(() => {}, 1000);`;
    const service = nodeService('stubborn', script, lines);
    await waitFor(() => lines.some((l) => l.startsWith('grandchild ')));
    const grandchild = Number(lines.find((l) => l.startsWith('grandchild '))!.split(' ')[1]);
    expect(await stopService(service, 300)).toBe('killed');
    await waitFor(() => !isAlive(grandchild));
    expect(isAlive(service.child.pid!)).toBe(false);
  });

  it('reports a service that cannot start', async () => {
    const service = startService(
      { name: 'ghost', command: '/nonexistent/binary', args: [], env: { PATH: '' }, cwd: process.cwd() },
      () => undefined,
    );
    expect(await service.exited).toMatch(/could not be started|exited with code/);
  });
});

/**
 * `wiredesk up` supervises (issue 15, point 6): a service killed under it is started again with a backoff and the
 * terminal says so; the rest of the stack keeps running. Before, the first service to exit stopped the whole stack.
 * Runs the built CLI (dist) against the e2e Kafka and store (KAFKA_BROKERS / MONGO_URL: no servers of its own).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mongoose';
import { freePort } from './faults/stack';
import { e2eEnv } from './support/e2e-config';
import { eventually } from './support/wait';

const CLI = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');

async function ready(port: number): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) });
    await r.arrayBuffer();
    return r.ok;
  } catch {
    return false;
  }
}

/** pid of the child of `parent` running the service's main.js. */
function servicePid(parent: number, service: string): number | undefined {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.includes(`apps/${service}/src/main.js`));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

describe('wiredesk up restarts a service that dies', () => {
  let up: ChildProcess | undefined;
  let stderr = '';
  const ports: Record<string, number> = {};
  const { env, suffix } = e2eEnv('up');
  const mongoUrl = `${env.MONGO_URL!.replace(/\/[^/?]*(\?.*)?$/, '')}/wd_up_${suffix.replace(/\W/g, '_')}`;

  beforeAll(async () => {
    for (const name of ['ingest', 'archive', 'normalizer', 'enricher']) ports[name] = await freePort();
    up = spawn(process.execPath, [CLI, 'up'], {
      env: {
        ...env,
        MONGO_URL: mongoUrl,
        INGEST_PORT: String(ports.ingest),
        ARCHIVE_PORT: String(ports.archive),
        NORMALIZER_PORT: String(ports.normalizer),
        ENRICHER_PORT: String(ports.enricher),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    up.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    for (const name of Object.keys(ports)) await eventually(() => ready(ports[name]), 150_000, `${name} ready`);
  }, 180_000);

  afterAll(async () => {
    if (up && up.exitCode === null) {
      const exited = new Promise((resolve) => up!.once('exit', resolve));
      up.kill('SIGINT');
      await exited;
    }
    const connection = await createConnection(mongoUrl).asPromise();
    await connection.db?.dropDatabase().catch(() => undefined);
    await connection.close();
  }, 90_000);

  it('says so, restarts the archive, and keeps the other services running', async () => {
    const archivePid = servicePid(up!.pid!, 'archive');
    const ingestPid = servicePid(up!.pid!, 'ingest');
    expect(archivePid).toBeDefined();
    process.kill(archivePid!, 'SIGKILL');

    await eventually(
      () => /archive stopped by SIGKILL; restarting it in \d+ s \(restart 1\)/.test(stderr),
      20_000,
      'the terminal saying so',
    );
    await eventually(() => /archive restarted/.test(stderr), 20_000, 'the restart');
    await eventually(() => ready(ports.archive), 120_000, 'the archive ready again');
    expect(servicePid(up!.pid!, 'archive')).not.toBe(archivePid);
    expect(servicePid(up!.pid!, 'ingest')).toBe(ingestPid);
    expect(up!.exitCode).toBeNull();
    expect(await ready(ports.ingest)).toBe(true);
  });
});

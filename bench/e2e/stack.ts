/**
 * The real services as child processes, as `wiredesk up` runs them (node dist/apps/<svc>/src/main.js), with the
 * benchmark's topics, consumer groups, database and ports in their environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const BENCH_SERVICES = ['archive', 'enricher', 'normalizer'] as const;
export type BenchService = (typeof BENCH_SERVICES)[number];

export interface StartedService {
  name: BenchService;
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
  /** the last lines it logged, shown when it fails */
  tail: string[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const PORT_VARIABLE: Record<BenchService, string> = {
  archive: 'ARCHIVE_PORT',
  enricher: 'ENRICHER_PORT',
  normalizer: 'NORMALIZER_PORT',
};

export async function startServices(
  root: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[],
  services: readonly BenchService[] = BENCH_SERVICES,
): Promise<StartedService[]> {
  const ports = await Promise.all(services.map(() => freePort()));
  const portEnv = Object.fromEntries(services.map((s, i) => [PORT_VARIABLE[s], String(ports[i])]));
  return services.map((name, i) => {
    const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', name, 'src', 'main.js')], {
      cwd: root,
      env: { ...env, ...portEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${line}\n`);
      });
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return { name, child, port: ports[i], exited, tail };
  });
}

export async function waitReady(services: StartedService[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const s of services) {
    for (;;) {
      if (s.child.exitCode !== null) {
        throw new Error(`${s.name} exited during start:\n${s.tail.join('\n')}`);
      }
      try {
        const r = await fetch(`http://127.0.0.1:${s.port}/health/ready`, { signal: AbortSignal.timeout(2000) });
        await r.arrayBuffer();
        if (r.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${s.name} not ready within ${timeoutMs} ms:\n${s.tail.join('\n')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** SIGTERM (graceful Nest shutdown, which also writes --cpu-prof profiles), SIGKILL after the timeout. */
export async function stopServices(services: StartedService[], timeoutMs = 20000): Promise<void> {
  await Promise.all(
    services.map(async (s) => {
      if (s.child.exitCode !== null || s.child.signalCode !== null) return;
      s.child.kill('SIGTERM');
      const timer = setTimeout(() => s.child.kill('SIGKILL'), timeoutMs);
      await s.exited;
      clearTimeout(timer);
    }),
  );
}

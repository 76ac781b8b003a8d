/**
 * The fault test's stack: a private Kafka and store (own data dir and free ports, so restarting them never disturbs
 * anyone else's run) or external ones from KAFKA_BROKERS / MONGO_URL, and the four real services as child processes
 * (node dist/apps/<svc>/src/main.js), each of which can be SIGKILLed and started again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { infraDown, infraUp, type InfraOptions } from '@wiredesk/infra';
import { setTimeout as sleep } from 'node:timers/promises';

export const SERVICES = ['archive', 'enricher', 'normalizer', 'ingest'] as const;
export type ServiceName = (typeof SERVICES)[number];

const PORT_VARIABLE: Record<ServiceName, string> = {
  archive: 'ARCHIVE_PORT',
  enricher: 'ENRICHER_PORT',
  normalizer: 'NORMALIZER_PORT',
  ingest: 'INGEST_PORT',
};

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

/** Kafka and the store, restartable when we manage them. */
export class FaultInfra {
  kafkaBrokers: string[] = [];
  /** without a database name */
  mongoBase = '';
  managed = { kafka: false, mongo: false };
  private options: InfraOptions = {};

  constructor(
    private readonly runDir: string,
    private readonly log: (line: string) => void,
  ) {}

  async up(): Promise<void> {
    const env = { ...process.env };
    // one of them may be external; the other is then ours
    const [kafkaPort, kafkaControllerPort, mongoPort] = await Promise.all([freePort(), freePort(), freePort()]);
    this.options = {
      env,
      dataDir: join(this.runDir, 'infra'),
      kafkaPort,
      kafkaControllerPort,
      mongoPort,
      attached: true, // dies with this process even if jest is killed
      readyTimeoutMs: 120_000,
      log: (m) => this.log(`[infra] ${m}`),
    };
    const endpoints = await infraUp(this.options);
    this.kafkaBrokers = endpoints.kafkaBrokers;
    this.mongoBase = endpoints.mongoUrl.replace(/\/[^/?]*(\?.*)?$/, '');
    this.managed = endpoints.managed;
  }

  /** SIGTERM (the broker flushes and closes its logs), then started again on the same data and port. */
  async restart(name: 'kafka' | 'mongo', downMs: number): Promise<void> {
    await infraDown({ ...this.options, only: { kafka: name === 'kafka', mongo: name === 'mongo' } });
    await sleep(downMs);
    await infraUp(this.options);
  }

  async down(): Promise<void> {
    if (this.managed.kafka || this.managed.mongo) await infraDown({ ...this.options, only: this.managed });
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

const SETPRIV = process.platform === 'linux' ? findOnPath('setpriv') : undefined;

/** One service process; `kill()` is SIGKILL, `start()` runs a new process; exits we did not cause are recorded. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private expectingExit = false;
  private readonly logFile: WriteStream;
  readonly tail: string[] = [];
  /** exits we did not cause: after having been ready (crash) or before (start failure) */
  readonly crashes: string[] = [];
  readonly startFailures: string[] = [];
  private ready = false;
  starts = 0;
  private autoRestart = true;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
  ) {
    mkdirSync(logDir, { recursive: true });
    this.logFile = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    this.starts++;
    this.ready = false;
    this.expectingExit = false;
    const main = join(this.root, 'dist', 'apps', this.name, 'src', 'main.js');
    // --pdeathsig: the kernel kills the service if the test process dies, so no run leaves orphans behind
    const [command, args] = SETPRIV
      ? [SETPRIV, ['--pdeathsig', 'KILL', '--', process.execPath, main]]
      : [process.execPath, [main]];
    const child = spawn(command, args, {
      cwd: this.root,
      env: { ...this.env, [PORT_VARIABLE[this.name]]: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.logFile.write(`--- start #${this.starts} pid ${child.pid} at ${new Date().toISOString()}\n`);
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        this.logFile.write(chunk);
        for (const line of chunk.toString('utf8').split('\n')) {
          if (!line) continue;
          this.tail.push(line.slice(0, 500));
          if (this.tail.length > 40) this.tail.shift();
        }
      });
    }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        const how = signal ? `signal ${signal}` : `code ${code}`;
        this.logFile.write(`--- exit (${how}) at ${new Date().toISOString()}\n`);
        if (!this.expectingExit) {
          (this.ready ? this.crashes : this.startFailures).push(`${how} at ${new Date().toISOString()}`);
          // a supervisor (compose, systemd, k8s) starts a service that stopped on its own again
          if (this.autoRestart) setTimeout(() => this.start(), 1000).unref();
        }
        resolve();
      });
    });
  }

  /** SIGKILL: no shutdown hook runs, in-flight batches are cut off wherever they are. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.expectingExit = true;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** Graceful stop at the end of the run (SIGTERM, SIGKILL after the timeout). */
  async stop(timeoutMs = 20_000): Promise<void> {
    this.autoRestart = false;
    if (!this.running) return;
    this.expectingExit = true;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
    this.logFile.end();
  }

  /** /health/ready answers 200 (Kafka and, where used, the store answer). */
  async isReady(): Promise<boolean> {
    try {
      const r = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.ok) this.ready = true;
      return r.ok;
    } catch {
      return false;
    }
  }

  async waitReady(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.running && (await this.isReady())) return true;
      await sleep(250);
    }
    return false;
  }
}

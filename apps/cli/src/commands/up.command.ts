import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { contentTypeForFile } from '@wiredesk/formats';
import { parseArgs } from 'node:util';
import { loadConfig } from '@wiredesk/platform';
import { isInfraError, startInfraAttached, type AttachedInfra } from '@wiredesk/infra';
import { Exit, processStreams, writeLine, type CliStreams } from '../io';
import { prefixer } from './service-runner';
import { SupervisedService } from './supervisor';

export const UP_USAGE = `usage: wiredesk up [--ingest-samples]

Starts the whole stack on this machine in one terminal: the local Kafka and MongoDB-compatible store (unless
KAFKA_BROKERS / MONGO_URL name existing ones), then ingest, normalizer, enricher and archive, with their logs
prefixed. A service that exits on its own is started again with a backoff (1 s, doubling to 30 s), and the terminal
says so; the rest of the stack goes on. Ctrl-C stops everything (and the servers it started).

  --ingest-samples  once ingest is ready, POST the sample copy (the seed and one fixture per format) to it
  -h, --help        this text`;

/** The services, in start order (consumers before the producer that feeds them). */
export const SERVICES = ['archive', 'enricher', 'normalizer', 'ingest'] as const;

/** The package root: the nearest folder above this file whose package.json is wiredesk's (from dist/ or source). */
export const PACKAGE_ROOT = findPackageRoot(__dirname);
const DIST_ROOT = join(PACKAGE_ROOT, 'dist');

function findPackageRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'wiredesk') {
        return dir;
      }
    } catch {
      // no package.json here
    }
  }
  return process.cwd();
}

/** The sample copy --ingest-samples POSTs: the seed, then one test fixture per format (provenance beside each). */
export const SAMPLE_FILES = [
  'test/fixtures/seed/afp-us-nato-cyber.txt',
  'test/fixtures/nitf/ap-style-writethru.xml',
  'test/fixtures/newsml-g2/afp-style-newsitem-xhtml.xml',
  'test/fixtures/newsml1/afp-style-newsml12.xml',
  'test/fixtures/iptc7901/dpa-style-stream.txt',
  'test/fixtures/anpa1312/ap-style-stream.anpa',
  'test/fixtures/feed/rss-agency-feed.xml',
  'test/fixtures/html/newsarticle-jsonld.html',
  'test/fixtures/ninjs/ninjs-3x-versions.ndjson',
  'test/fixtures/text/reuters-markets-scraped.txt',
  'test/fixtures/text/efe-honduras-es.txt',
  'test/fixtures/email/photo-attachment.eml',
  'test/fixtures/images/photo-full.jpg',
];

const SERVICE_STOP_TIMEOUT_MS = 15_000;
const READY_TIMEOUT_MS = 120_000;

export function serviceEntry(name: string): string {
  return join(DIST_ROOT, 'apps', name, 'src', 'main.js');
}

/** `wiredesk up`; resolves with the exit code once everything is stopped. */
export async function upCommand(args: string[], io: CliStreams = processStreams()): Promise<number> {
  let ingestSamples: boolean;
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { 'ingest-samples': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      await writeLine(io.stdout, UP_USAGE);
      return Exit.ok;
    }
    ingestSamples = values['ingest-samples'];
  } catch (e) {
    await writeLine(io.stderr, `wiredesk up: ${(e as Error).message}`);
    await writeLine(io.stderr, UP_USAGE);
    return Exit.usage;
  }

  const say = (line: string) => io.stderr.write(`[up] ${line}\n`);
  const missing = SERVICES.map(serviceEntry).filter((entry) => !existsSync(entry));
  if (missing.length) {
    say(`not built: ${missing.map((m) => relative(PACKAGE_ROOT, m)).join(', ')}. Run "npm run build" first.`);
    return Exit.failed;
  }

  const shutdown = new ShutdownSignal();
  const infra = await startInfra(io, say, shutdown);
  if (typeof infra === 'number') return infra;

  const env: NodeJS.ProcessEnv = {
    // everything shares this machine's cores with the broker: compressing batches would only cost CPU
    KAFKA_COMPRESSION: 'none',
    ...process.env,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
  };
  const config = loadConfig(env);
  const colour = Boolean((io.stdout as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR;
  const logFor = prefixer(io.stdout, colour);
  const services: SupervisedService[] = [];
  let exitCode: number = Exit.ok;

  try {
    if (!shutdown.requested) {
      // supervised: a service that dies is restarted with a backoff, like compose's restart policy, and the stack
      // stays up (one bad request must not take everything down)
      SERVICES.forEach((name, i) => {
        const spec = { name, command: process.execPath, args: [serviceEntry(name)], env, cwd: PACKAGE_ROOT };
        services.push(new SupervisedService(spec, logFor(name, i), say));
      });
      say(`started ${SERVICES.join(', ')}; Ctrl-C stops everything`);
    }
    if (ingestSamples && !shutdown.requested) {
      postSamplesWhenReady(config.ports.ingest, config.ports.archive, say, shutdown.abort.signal).catch((e: unknown) =>
        say(`samples not sent: ${(e as Error).message}`),
      );
    }
    await shutdown.promise;
    const restarts = services.filter((s) => s.restarts > 0).map((s) => `${s.name} ${s.restarts}`);
    if (restarts.length) say(`restarts during this run: ${restarts.join(', ')}`);
  } finally {
    shutdown.onSecondSignal(() => {
      say('second interrupt: killing everything now');
      services.forEach((s) => s.kill());
    });
    exitCode = await stopStack(services, infra, say, shutdown);
  }
  return exitCode;
}

/** The local Kafka and store (started or reused), or the exit code when they do not come up. */
async function startInfra(
  io: CliStreams,
  say: (line: string) => void,
  shutdown: ShutdownSignal,
): Promise<AttachedInfra | number> {
  try {
    return await startInfraAttached({ log: (m) => io.stderr.write(`[infra] ${m}\n`), signal: shutdown.abort.signal });
  } catch (e) {
    shutdown.dispose();
    if (shutdown.requested) return Exit.ok;
    say(`infrastructure did not come up: ${isInfraError(e) ? e.message : (e as Error).message}`);
    if (isInfraError(e) && e.detail) io.stderr.write(e.detail.replace(/^/gm, '  | ') + '\n');
    return Exit.failed;
  }
}

/** Stops the services in reverse order of start (producers flush, consumers leave their groups), then the servers. */
async function stopStack(
  services: SupervisedService[],
  infra: AttachedInfra,
  say: (line: string) => void,
  shutdown: ShutdownSignal,
): Promise<number> {
  let exitCode: number = Exit.ok;
  for (const service of [...services].reverse()) {
    const how = await service.stop(SERVICE_STOP_TIMEOUT_MS);
    if (how === 'killed') say(`${service.name} did not stop within ${SERVICE_STOP_TIMEOUT_MS / 1000} s: killed`);
  }
  try {
    await infra.stop();
  } catch (e) {
    say(`stopping the infrastructure: ${(e as Error).message}`);
    exitCode = Exit.failed;
  }
  shutdown.dispose();
  say('stopped');
  return exitCode;
}

/** SIGINT / SIGTERM / SIGHUP handling for the life of `wiredesk up`. */
class ShutdownSignal {
  readonly abort = new AbortController();
  requested = false;
  readonly promise: Promise<void>;
  private second?: () => void;
  private readonly handler = () => {
    if (this.requested) {
      this.second?.();
      return;
    }
    this.requested = true;
    this.abort.abort();
    this.resolve();
  };
  private resolve!: () => void;

  constructor() {
    this.promise = new Promise((resolve) => (this.resolve = resolve));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, this.handler);
  }

  onSecondSignal(fn: () => void): void {
    this.second = fn;
  }

  dispose(): void {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, this.handler);
  }
}

/** Waits for ingest's /health/ready, then POSTs every sample file; says where to look. */
export async function postSamplesWhenReady(
  ingestPort: number,
  archivePort: number,
  say: (line: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const base = `http://127.0.0.1:${ingestPort}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answersReady(`${base}/health/ready`, signal))) {
    if (signal.aborted) return;
    if (Date.now() > deadline) {
      say(`ingest did not become ready within ${READY_TIMEOUT_MS / 1000} s; samples not sent`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const files = await sampleFiles();
  let sent = 0;
  for (const file of files) {
    if (signal.aborted) return;
    try {
      const body = await readFile(file);
      const response = await fetch(`${base}/v1/wire`, {
        method: 'POST',
        body,
        headers: {
          'content-type': contentTypeForFile(file),
          'x-wire-source': 'samples',
          // the same sample posted on every start is one delivery, not a new one each time
          'idempotency-key': createHash('sha256').update(body).digest('hex').slice(0, 32),
        },
        signal,
      });
      const answer = await response.text();
      if (response.ok) sent++;
      say(`POST ${relative(PACKAGE_ROOT, file)} → ${response.status} ${answer.trim().slice(0, 200)}`);
    } catch (e) {
      if (signal.aborted) return;
      say(`POST ${relative(PACKAGE_ROOT, file)} failed: ${(e as Error).message}`);
    }
  }
  say(
    `${sent} of ${files.length} sample files ingested. Watch them arrive at http://127.0.0.1:${archivePort}/ (the wire monitor); the API is at http://127.0.0.1:${archivePort}/v1/articles`,
  );
}

async function answersReady(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function sampleFiles(): Promise<string[]> {
  const files = SAMPLE_FILES.map((f) => join(PACKAGE_ROOT, f));
  const present = await Promise.all(
    files.map((f) =>
      access(f).then(
        () => true,
        () => false,
      ),
    ),
  );
  return files.filter((_, i) => present[i]);
}

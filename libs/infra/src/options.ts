import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const KAFKA_VERSION = '3.9.2';
export const FERRETDB_VERSION = '1.24.2';
/**
 * Which of Wiredesk's source patches (store.ts, FERRETDB_PATCHES) the FerretDB build carries: part of the build's
 * directory name, so a build without them is never reused.
 */
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-wd1`;
/** The database every service uses (docs/contracts.md, Storage). */
export const DATABASE_NAME = 'wiredesk';

export type StoreKind = 'external' | 'mongod' | 'ferretdb';

export interface InfraOptions {
  /** environment to read WIREDESK_* / KAFKA_BROKERS / MONGO_URL from; default process.env */
  env?: NodeJS.ProcessEnv;
  /** where provisioned servers are cached (default $WIREDESK_CACHE or ~/.cache/wiredesk) */
  cacheDir?: string;
  /** where server data, logs and pid files live (default $WIREDESK_DATA or <cache>/data) */
  dataDir?: string;
  kafkaPort?: number;
  kafkaControllerPort?: number;
  mongoPort?: number;
  /**
   * true: servers started by this call are tied to this process (they get SIGTERM when it dies, even by SIGKILL, and
   * when it exits normally) — for `wiredesk up` and the jest global setup.
   * false (default): servers are detached and outlive this process until `infraDown` — for `wiredesk infra up`.
   */
  attached?: boolean;
  /** how long to wait for a started server to answer (default 90 s) */
  readyTimeoutMs?: number;
  /** progress messages (default: stderr, prefixed "[infra]") */
  log?: (message: string) => void;
  /** aborting stops a running `infraUp`: downloads/builds are killed, servers it started are stopped */
  signal?: AbortSignal;
}

/** Options with every default applied and the environment read once. */
export interface ResolvedOptions {
  cacheDir: string;
  dataDir: string;
  host: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  mongoPort: number;
  /** set when KAFKA_BROKERS points at an existing Kafka: nothing is managed */
  externalKafkaBrokers?: string[];
  /** set when MONGO_URL points at an existing server: nothing is managed */
  externalMongoUrl?: string;
  attached: boolean;
  readyTimeoutMs: number;
  log: (message: string) => void;
  signal?: AbortSignal;
  env: NodeJS.ProcessEnv;
}

function port(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new Error(`${name} must be a TCP port (1-65535), got "${value}"`);
  return n;
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

function splitBrokers(value: string | undefined): string[] | undefined {
  const brokers = (value ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  return brokers.length > 0 ? brokers : undefined;
}

const stderrLog = (message: string): void => {
  process.stderr.write(`[infra] ${message}\n`);
};

export function resolveOptions(opts: InfraOptions = {}): ResolvedOptions {
  const env = opts.env ?? process.env;
  const cacheDir = resolve(expandHome(opts.cacheDir ?? (env.WIREDESK_CACHE || join(homedir(), '.cache', 'wiredesk'))));
  const dataDir = resolve(expandHome(opts.dataDir ?? (env.WIREDESK_DATA || join(cacheDir, 'data'))));
  return {
    cacheDir,
    dataDir,
    // Loopback only: these are development servers without authentication.
    host: '127.0.0.1',
    kafkaPort: opts.kafkaPort ?? port(env.WIREDESK_KAFKA_PORT, 'WIREDESK_KAFKA_PORT', 9092),
    kafkaControllerPort:
      opts.kafkaControllerPort ?? port(env.WIREDESK_KAFKA_CONTROLLER_PORT, 'WIREDESK_KAFKA_CONTROLLER_PORT', 9093),
    mongoPort: opts.mongoPort ?? port(env.WIREDESK_MONGO_PORT, 'WIREDESK_MONGO_PORT', 27017),
    externalKafkaBrokers: splitBrokers(env.KAFKA_BROKERS),
    externalMongoUrl: env.MONGO_URL?.trim() || undefined,
    attached: opts.attached ?? false,
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    log: opts.log ?? stderrLog,
    signal: opts.signal,
    env,
  };
}

/** Where everything lives; one function so that up, down and status agree. */
export function layout(o: Pick<ResolvedOptions, 'cacheDir' | 'dataDir'>) {
  const kafkaHome = join(o.cacheDir, `kafka-${KAFKA_VERSION}`);
  const ferretHome = join(o.cacheDir, `ferretdb-${FERRETDB_BUILD}`);
  return {
    provisionLock: join(o.cacheDir, 'provision.lock'),
    kafkaHome,
    kafkaLibs: join(kafkaHome, 'libs'),
    kafkaPom: join(kafkaHome, 'pom.xml'),
    kafkaReadyMarker: join(kafkaHome, '.provisioned'),
    ferretHome,
    ferretBinary: join(ferretHome, 'bin', 'ferretdb'),
    ferretReadyMarker: join(ferretHome, '.provisioned'),
    runDir: join(o.dataDir, 'run'),
    upLock: join(o.dataDir, 'run', 'up.lock'),
    logsDir: join(o.dataDir, 'logs'),
    kafkaConfigDir: join(o.dataDir, 'kafka-config'),
    kafkaDataDir: join(o.dataDir, 'kafka'),
    ferretDataDir: join(o.dataDir, 'ferretdb'),
    mongodDataDir: join(o.dataDir, 'mongod'),
  };
}
export type Layout = ReturnType<typeof layout>;

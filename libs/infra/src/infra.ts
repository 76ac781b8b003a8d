import { readFileSync } from 'node:fs';
import { InfraError } from './errors';
import {
  checkJava,
  kafkaAnswers,
  kafkaIsProvisioned,
  kafkaStartSpec,
  prepareKafka,
  provisionKafka,
  requireMaven,
} from './kafka';
import { withLock } from './lock';
import { portAnswers, waitUntil } from './net';
import {
  FERRETDB_VERSION,
  KAFKA_VERSION,
  layout,
  resolveOptions,
  type InfraOptions,
  type Layout,
  type ResolvedOptions,
  type StoreKind,
} from './options';
import {
  isOurProcess,
  readPidRecord,
  removePidRecord,
  startServer,
  stopProcessGroup,
  writePidRecord,
  type PidRecord,
  type StartSpec,
  type StartedServer,
} from './processes';
import {
  chooseStore,
  ferretdbIsProvisioned,
  ferretdbStartSpec,
  localMongoUrl,
  mongoAnswers,
  mongodStartSpec,
  provisionFerretdb,
  requireGo,
} from './store';
import { findOnPath, tail } from './tools';

export type ServerName = 'kafka' | 'mongo';

export interface InfraEndpoints {
  kafkaBrokers: string[];
  mongoUrl: string;
  /** true when wiredesk runs that server itself (false: KAFKA_BROKERS / MONGO_URL named an existing one) */
  managed: { kafka: boolean; mongo: boolean };
  /** true when this call started it (false: it was already running, or it is external) — stop only those */
  started: { kafka: boolean; mongo: boolean };
  /** which MongoDB-compatible server answers at mongoUrl */
  store: StoreKind;
}

export interface ServerStatus {
  name: ServerName;
  /** what runs there */
  kind: 'kafka' | StoreKind;
  managed: boolean;
  /** running: answers; not-answering: our process is alive but does not answer; stopped: none of ours */
  state: 'running' | 'not-answering' | 'stopped' | 'unreachable';
  address: string;
  pid?: number;
  logFile?: string;
  /** set when nothing of ours runs but something else holds the port */
  portTakenByOther?: boolean;
}

export interface InfraStatus {
  kafka: ServerStatus;
  mongo: ServerStatus;
  cacheDir: string;
  dataDir: string;
  provisioned: { kafka: boolean; ferretdb: boolean };
}

export interface InfraDownOptions extends InfraOptions {
  /** stop only these (default both) — e.g. what `infraUp` reported in `started` */
  only?: Partial<Record<ServerName, boolean>>;
}

/** How long a server gets to shut down after SIGTERM before SIGKILL (Kafka flushes and closes its logs). */
const TERM_TIMEOUT_MS: Record<ServerName, number> = { kafka: 30_000, mongo: 10_000 };
const UP_LOCK_TIMEOUT_MS = 40 * 60_000; // a cold provisioning (Maven + Go build) may hold it for minutes
const DOWN_LOCK_TIMEOUT_MS = 2 * 60_000;

function aborted(signal: AbortSignal | undefined): Promise<string> | undefined {
  if (!signal) return undefined;
  return new Promise((r) => {
    if (signal.aborted) r('interrupted');
    else signal.addEventListener('abort', () => r('interrupted'), { once: true });
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new InfraError('ABORTED', 'interrupted: servers started by this run were stopped.');
}

function logTail(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return tail(readFileSync(path, 'utf8'), 20);
  } catch {
    return undefined;
  }
}

const answers: Record<ServerName, (address: string) => Promise<boolean>> = {
  kafka: (address) => kafkaAnswers([address]),
  mongo: (address) => mongoAnswers(address),
};

/** A live server of ours from its pid file; a stale pid file (process gone or pid reused) is removed. */
function runningRecord(L: Layout, name: ServerName, log?: (m: string) => void): PidRecord | undefined {
  const record = readPidRecord(L.runDir, name);
  if (!record) return undefined;
  if (isOurProcess(record)) return record;
  removePidRecord(L.runDir, name);
  log?.(`removed stale pid file of ${name} (pid ${record.pid} is gone)`);
  return undefined;
}

async function waitReady(name: ServerName, address: string, o: ResolvedOptions, died?: Promise<string>): Promise<void> {
  const abort = Promise.race([died, aborted(o.signal)].filter((p): p is Promise<string> => p !== undefined));
  const problem = await waitUntil(() => answers[name](address), {
    timeoutMs: o.readyTimeoutMs,
    intervalMs: 300,
    abort: abort,
  });
  if (problem) throw new InfraError('NOT_READY', `${name} at ${address} ${problem}.`);
}

/** Reuse a server of ours if it is already up; else make sure its port is free for the one we will start. */
async function reuseOrCheckPort(
  L: Layout,
  o: ResolvedOptions,
  name: ServerName,
  address: string,
  port: number,
): Promise<boolean> {
  const record = runningRecord(L, name, o.log);
  if (record) {
    try {
      await waitReady(name, address, { ...o, readyTimeoutMs: Math.min(o.readyTimeoutMs, 30_000) });
    } catch {
      throw new InfraError(
        'NOT_READY',
        `${name} (pid ${record.pid}) is running but does not answer at ${address}; see ${record.logFile}, or run \`wiredesk infra down\` and retry.`,
        logTail(record.logFile),
      );
    }
    o.log(`${name} already running (pid ${record.pid}) at ${address}`);
    return true;
  }
  if (await portAnswers(o.host, port)) {
    const variable = name === 'kafka' ? 'WIREDESK_KAFKA_PORT' : 'WIREDESK_MONGO_PORT';
    throw new InfraError(
      'PORT_IN_USE',
      `port ${port} (${name}) is in use by a process wiredesk did not start; stop it, or set ${variable} (or ${name === 'kafka' ? 'KAFKA_BROKERS' : 'MONGO_URL'} to use it).`,
    );
  }
  return false;
}

/** Starts one server, records its pid, waits until it answers; on failure stops it and explains with its log. */
async function startAndWait(L: Layout, o: ResolvedOptions, name: ServerName, spec: StartSpec): Promise<StartedServer> {
  const server = startServer(spec);
  if (server.record.pid < 0) {
    throw new InfraError('START_FAILED', `${name} ${await server.exited} (${spec.command}).`);
  }
  writePidRecord(L.runDir, server.record);
  o.log(`${name} starting (pid ${server.record.pid}), log ${spec.logFile}`);
  try {
    await waitReady(
      name,
      spec.address,
      o,
      server.exited.then((why) => `${why} before answering`),
    );
  } catch (e) {
    await stopProcessGroup(server.record.pid, TERM_TIMEOUT_MS[name]);
    removePidRecord(L.runDir, name);
    o.log(`${name} stopped (pid ${server.record.pid})`);
    throwIfAborted(o.signal);
    const message = e instanceof Error ? e.message : String(e);
    throw new InfraError('START_FAILED', `${message.replace(/\.$/, '')}; see ${spec.logFile}.`, logTail(spec.logFile));
  }
  return server;
}

async function upLocked(o: ResolvedOptions, L: Layout, store: StoreKind): Promise<InfraEndpoints> {
  const kafkaAddress = `${o.host}:${o.kafkaPort}`;
  const mongoUrl = localMongoUrl(o);
  const manageKafka = !o.externalKafkaBrokers;
  const manageMongo = store !== 'external';
  const reuseKafka = manageKafka && (await reuseOrCheckPort(L, o, 'kafka', kafkaAddress, o.kafkaPort));
  const reuseMongo = manageMongo && (await reuseOrCheckPort(L, o, 'mongo', mongoUrl, o.mongoPort));
  const startKafka = manageKafka && !reuseKafka;
  const startMongo = manageMongo && !reuseMongo;

  // Tools first, so a missing one is reported before minutes of downloading the other server.
  const java = startKafka ? await checkJava(o.env) : undefined;
  const mongod = startMongo && store === 'mongod' ? findOnPath('mongod', o.env) : undefined;
  const needsKafkaJars = startKafka && !kafkaIsProvisioned(L);
  const needsFerretdb = startMongo && store === 'ferretdb' && !ferretdbIsProvisioned(L);
  if (needsKafkaJars) requireMaven(o.env);
  if (needsFerretdb) requireGo(o.env);
  if (needsKafkaJars || needsFerretdb) {
    await withLock(
      L.provisionLock,
      'provisioning',
      async () => {
        // Maven mostly waits on the network, the Go build on the CPU: side by side is faster.
        const results = await Promise.allSettled([
          needsKafkaJars ? provisionKafka(L, o, o.signal) : undefined,
          needsFerretdb ? provisionFerretdb(L, o, o.signal) : undefined,
        ]);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      },
      { timeoutMs: UP_LOCK_TIMEOUT_MS, log: o.log },
    );
  }
  throwIfAborted(o.signal);

  const kafkaSpec = startKafka && java ? kafkaStartSpec(L, o, java, await prepareKafka(L, o, java)) : undefined;
  const mongoSpec = !startMongo ? undefined : mongod ? mongodStartSpec(L, o, mongod) : ferretdbStartSpec(L, o);
  const results = await Promise.allSettled([
    kafkaSpec ? startAndWait(L, o, 'kafka', kafkaSpec) : undefined,
    mongoSpec ? startAndWait(L, o, 'mongo', mongoSpec) : undefined,
  ]);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    // Leave nothing half-up: stop the one that did start.
    await stopNamed(L, o, {
      kafka: kafkaSpec !== undefined && results[0].status === 'fulfilled',
      mongo: mongoSpec !== undefined && results[1].status === 'fulfilled',
    });
    throw failure.reason;
  }

  const endpoints: InfraEndpoints = {
    kafkaBrokers: o.externalKafkaBrokers ?? [kafkaAddress],
    mongoUrl: o.externalMongoUrl ?? mongoUrl,
    managed: { kafka: manageKafka, mongo: manageMongo },
    started: { kafka: startKafka, mongo: startMongo },
    store,
  };
  return endpoints;
}

/**
 * Brings up Kafka and the MongoDB-compatible store (provisioning them into the cache the first time) and resolves
 * once both really answer. Idempotent: servers of ours already running are reused. KAFKA_BROKERS / MONGO_URL name
 * existing servers instead: those are only waited for, never started or stopped.
 */
export async function infraUp(opts: InfraOptions = {}): Promise<InfraEndpoints> {
  const o = resolveOptions(opts);
  const L = layout(o);
  const store = chooseStore(o);
  // External servers first: they answer at once or the configuration is wrong, and nothing is started meanwhile.
  await Promise.all([
    o.externalKafkaBrokers && waitExternal('kafka', o.externalKafkaBrokers, o),
    o.externalMongoUrl && waitExternal('mongo', o.externalMongoUrl, o),
  ]);
  let endpoints: InfraEndpoints;
  if (o.externalKafkaBrokers && o.externalMongoUrl) {
    endpoints = {
      kafkaBrokers: o.externalKafkaBrokers,
      mongoUrl: o.externalMongoUrl,
      managed: { kafka: false, mongo: false },
      started: { kafka: false, mongo: false },
      store,
    };
  } else {
    try {
      endpoints = await withLock(L.upLock, 'infra up', () => upLocked(o, L, store), {
        timeoutMs: UP_LOCK_TIMEOUT_MS,
        log: o.log,
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throwIfAborted(o.signal);
      throw e;
    }
  }
  const storeName = store === 'ferretdb' ? `FerretDB ${FERRETDB_VERSION}` : store;
  const kafkaName = endpoints.managed.kafka ? `Kafka ${KAFKA_VERSION}` : 'external';
  o.log(`ready: kafka ${endpoints.kafkaBrokers.join(',')} (${kafkaName}), mongo ${endpoints.mongoUrl} (${storeName})`);
  return endpoints;
}

async function waitExternal(name: ServerName, target: string | string[], o: ResolvedOptions): Promise<void> {
  const variable = name === 'kafka' ? 'KAFKA_BROKERS' : 'MONGO_URL';
  const address = Array.isArray(target) ? target.join(',') : target;
  const probe = Array.isArray(target) ? () => kafkaAnswers(target) : () => mongoAnswers(target);
  const problem = await waitUntil(probe, { timeoutMs: Math.min(o.readyTimeoutMs, 30_000), abort: aborted(o.signal) });
  if (problem) throw new InfraError('NOT_READY', `${name} at ${address} (from ${variable}) ${problem}.`);
}

async function stopNamed(L: Layout, o: ResolvedOptions, which: Partial<Record<ServerName, boolean>>): Promise<void> {
  const names = (['kafka', 'mongo'] as const).filter((n) => which[n] !== false);
  await Promise.all(
    names.map(async (name) => {
      const record = runningRecord(L, name, o.log);
      if (!record) return;
      const how = await stopProcessGroup(record.pid, TERM_TIMEOUT_MS[name]);
      removePidRecord(L.runDir, name);
      o.log(`${name} stopped (pid ${record.pid}${how === 'killed' ? ', killed after the SIGTERM timeout' : ''})`);
    }),
  );
}

/** Stops the servers wiredesk started (pid files in the data dir). External servers are never touched. */
export async function infraDown(opts: InfraDownOptions = {}): Promise<void> {
  const o = resolveOptions(opts);
  const L = layout(o);
  const which = opts.only ?? { kafka: true, mongo: true };
  await withLock(L.upLock, 'infra down', () => stopNamed(L, o, which), { timeoutMs: DOWN_LOCK_TIMEOUT_MS, log: o.log });
}

/** What runs where, without changing anything (a stale pid file is tidied away). */
export async function infraStatus(opts: InfraOptions = {}): Promise<InfraStatus> {
  const o = resolveOptions(opts);
  const L = layout(o);
  const store = chooseStore(o);
  const [kafka, mongo] = await Promise.all([
    serverStatus(
      L,
      o,
      'kafka',
      'kafka',
      o.externalKafkaBrokers?.join(',') ?? `${o.host}:${o.kafkaPort}`,
      o.kafkaPort,
      !o.externalKafkaBrokers,
    ),
    serverStatus(L, o, 'mongo', store, o.externalMongoUrl ?? localMongoUrl(o), o.mongoPort, store !== 'external'),
  ]);
  return {
    kafka,
    mongo,
    cacheDir: o.cacheDir,
    dataDir: o.dataDir,
    provisioned: { kafka: kafkaIsProvisioned(L), ferretdb: ferretdbIsProvisioned(L) },
  };
}

async function serverStatus(
  L: Layout,
  o: ResolvedOptions,
  name: ServerName,
  kind: ServerStatus['kind'],
  address: string,
  port: number,
  managed: boolean,
): Promise<ServerStatus> {
  const probe = name === 'kafka' ? () => kafkaAnswers(address.split(',')) : () => mongoAnswers(address);
  if (!managed) return { name, kind, managed, address, state: (await probe()) ? 'running' : 'unreachable' };
  const record = runningRecord(L, name);
  if (!record) {
    return { name, kind, managed, address, state: 'stopped', portTakenByOther: await portAnswers(o.host, port) };
  }
  const recordKind = name === 'kafka' ? 'kafka' : record.marker === 'mongod' ? 'mongod' : 'ferretdb';
  return {
    name,
    kind: recordKind,
    managed,
    address: record.address,
    pid: record.pid,
    logFile: record.logFile,
    state: (await probe()) ? 'running' : 'not-answering',
  };
}

/** Servers tied to this process, and a way to stop exactly those. */
export interface AttachedInfra extends InfraEndpoints {
  /** stops what this call started (nothing if it reused running servers or they are external) */
  stop(): Promise<void>;
}

/**
 * For `wiredesk up` and tests: like `infraUp`, but servers it starts die with this process (SIGTERM on exit, and by
 * the kernel if this process is killed), so Ctrl-C never leaves orphans. Call `stop()` for an orderly shutdown.
 */
export async function startInfraAttached(opts: InfraOptions = {}): Promise<AttachedInfra> {
  const endpoints = await infraUp({ ...opts, attached: true });
  return {
    ...endpoints,
    stop: () =>
      endpoints.started.kafka || endpoints.started.mongo
        ? infraDown({ ...opts, only: endpoints.started })
        : Promise.resolve(),
  };
}

import { isInfraError } from './errors';
import { infraDown, infraStatus, infraUp, type InfraStatus, type ServerStatus } from './infra';
import { FERRETDB_VERSION, KAFKA_VERSION } from './options';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Exit codes: 0 done / all running, 1 failed, 2 usage, 3 (`status`) not everything is running. */
export const EXIT = { ok: 0, failed: 1, usage: 2, notRunning: 3 } as const;

const USAGE = `usage: wiredesk infra <up|down|status>

  up      provision (first run: Kafka ${KAFKA_VERSION} jars with Maven, FerretDB ${FERRETDB_VERSION} with Go) and start
          Kafka and the MongoDB-compatible store in the background; waits until both answer and prints their addresses
  down    stop the servers \`up\` started
  status  show what runs where (exit 3 if something is not running)

environment: WIREDESK_CACHE (~/.cache/wiredesk), WIREDESK_DATA (<cache>/data), WIREDESK_KAFKA_PORT (9092),
  WIREDESK_KAFKA_CONTROLLER_PORT (9093), WIREDESK_MONGO_PORT (27017); KAFKA_BROKERS / MONGO_URL use existing servers.`;

function describe(s: ServerStatus): string {
  const kind = {
    kafka: `Kafka ${KAFKA_VERSION}`,
    ferretdb: `FerretDB ${FERRETDB_VERSION}`,
    mongod: 'mongod',
    external: 'external',
  }[s.kind];
  const what = s.managed ? kind : 'external (not managed)';
  const state =
    s.state === 'stopped' && s.portTakenByOther
      ? 'stopped (port in use by another process)'
      : s.state.replace('-', ' ');
  const pid = s.pid ? `, pid ${s.pid}` : '';
  const log = s.logFile ? `, log ${s.logFile}` : '';
  return `${s.name.padEnd(5)}  ${s.address.padEnd(40)}  ${state} — ${what}${pid}${log}`;
}

function printStatus(status: InfraStatus, io: CliIo): void {
  io.out(describe(status.kafka));
  io.out(describe(status.mongo));
  io.out(`data   ${status.dataDir}`);
}

/** `wiredesk infra up|down|status`; returns the exit code. */
export async function runInfraCli(args: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (rest.length > 0 || !['up', 'down', 'status'].includes(command)) {
    io.err(`wiredesk infra: unknown arguments "${args.join(' ')}"`);
    io.err(USAGE);
    return EXIT.usage;
  }
  const log = (m: string) => io.err(`[infra] ${m}`);
  try {
    if (command === 'up') {
      const started = Date.now();
      // Ctrl-C while provisioning or waiting: stop what this run started instead of leaving it half up.
      const abort = new AbortController();
      const onSignal = () => abort.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await infraUp({ attached: false, log, signal: abort.signal });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      const status = await infraStatus({ log });
      printStatus(status, io);
      io.out(`export KAFKA_BROKERS=${status.kafka.address} MONGO_URL=${status.mongo.address}`);
      io.err(`[infra] up in ${((Date.now() - started) / 1000).toFixed(1)} s; stop with: wiredesk infra down`);
      return EXIT.ok;
    }
    if (command === 'down') {
      await infraDown({ log });
      const status = await infraStatus({ log });
      printStatus(status, io);
      return EXIT.ok;
    }
    const status = await infraStatus({ log });
    printStatus(status, io);
    return status.kafka.state === 'running' && status.mongo.state === 'running' ? EXIT.ok : EXIT.notRunning;
  } catch (e) {
    if (isInfraError(e)) {
      io.err(`wiredesk infra ${command}: ${e.message}`);
      if (e.detail) io.err(e.detail.replace(/^/gm, '  | '));
      return EXIT.failed;
    }
    io.err(`wiredesk infra ${command}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.failed;
  }
}

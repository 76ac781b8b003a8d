import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { humanLogLines } from '../log-format';

/** ANSI colours for the log prefixes, one per service, cycling. */
const COLOURS = [36, 33, 35, 32, 34, 31];

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface RunningService {
  name: string;
  child: ChildProcess;
  /** resolves with the exit code (or signal name) once the process has exited */
  exited: Promise<string>;
  exitedAlready: boolean;
}

/**
 * A log sink that prefixes each line with the service's name, coloured when the terminal shows colours, and renders
 * the services' JSON log lines readable (apps/cli/src/log-format.ts).
 */
export function prefixer(out: NodeJS.WritableStream, colour: boolean) {
  const human = humanLogLines(colour);
  return (name: string, index: number) => {
    const tag = colour ? `\u001b[${COLOURS[index % COLOURS.length]}m[${name}]\u001b[0m` : `[${name}]`;
    return (line: string) => out.write(`${tag} ${human(line)}\n`);
  };
}

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** If this process exits for any reason while services still run, they get SIGTERM (no time is left to wait). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) signalGroup(child, 'SIGTERM');
  });
}

/**
 * Starts a service in its own process group, so a Ctrl-C in the terminal reaches only `wiredesk up`, which then
 * stops each service once and in order (a second signal would cut a NestJS shutdown short). On Linux the kernel also
 * sends it SIGTERM if `wiredesk up` itself dies (`setpriv --pdeathsig`), so not even a SIGKILL leaves orphans.
 */
export function startService(spec: ServiceSpec, log: (line: string) => void): RunningService {
  const setpriv = process.platform === 'linux' ? findOnPath('setpriv', spec.env) : undefined;
  const [command, args] = setpriv
    ? [setpriv, ['--pdeathsig', 'TERM', '--', spec.command, ...spec.args]]
    : [spec.command, spec.args];
  const child = spawn(command, args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  installExitHook();
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', log);
  }
  const service: RunningService = { name: spec.name, child, exitedAlready: false, exited: Promise.resolve('') };
  service.exited = new Promise((resolve) => {
    child.once('error', (e) => {
      running.delete(child);
      service.exitedAlready = true;
      resolve(`could not be started: ${e.message}`);
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      service.exitedAlready = true;
      resolve(signal ? `stopped by ${signal}` : `exited with code ${code}`);
    });
  });
  return service;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal); // the whole group: the service and anything it forked
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** SIGTERM, then SIGKILL if the service has not exited within `timeoutMs`. */
export async function stopService(service: RunningService, timeoutMs: number): Promise<'terminated' | 'killed'> {
  if (service.exitedAlready) return 'terminated';
  signalGroup(service.child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([service.exited, timedOut]);
  clearTimeout(timer);
  if (outcome !== 'timeout') return 'terminated';
  signalGroup(service.child, 'SIGKILL');
  await service.exited;
  return 'killed';
}

export function killService(service: RunningService): void {
  if (!service.exitedAlready) signalGroup(service.child, 'SIGKILL');
}

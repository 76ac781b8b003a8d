import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findOnPath } from './tools';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a pid file records about a server we started. */
export interface PidRecord {
  name: string;
  pid: number;
  /** a word of the command line (e.g. "kafka.Kafka"), checked before signalling so a reused pid is never killed */
  marker: string;
  command: string[];
  address: string;
  logFile: string;
  attached: boolean;
  startedAt: string;
}

export function pidFile(runDir: string, name: string): string {
  return join(runDir, `${name}.pid.json`);
}

export function readPidRecord(runDir: string, name: string): PidRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(pidFile(runDir, name), 'utf8')) as PidRecord;
    return Number.isInteger(record.pid) && record.pid > 0 ? record : undefined;
  } catch {
    return undefined;
  }
}

export function writePidRecord(runDir: string, record: PidRecord): void {
  mkdirSync(runDir, { recursive: true });
  writeFileSync(pidFile(runDir, record.name), JSON.stringify(record, null, 2) + '\n');
}

export function removePidRecord(runDir: string, name: string): void {
  try {
    unlinkSync(pidFile(runDir, name));
  } catch {
    // already gone
  }
}

/** Linux process state letter from /proc, or undefined when /proc is not available. */
function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/** True if the process exists and is not a zombie (an exited child not yet reaped still answers kill 0). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = procState(pid);
  return state !== 'Z' && state !== 'X';
}

/** True if the live process `pid` is the server the record describes (guards against pid reuse). */
export function isOurProcess(record: PidRecord): boolean {
  if (!isProcessAlive(record.pid)) return false;
  try {
    const cmdline = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8');
    return cmdline.split('\0').some((arg) => arg.includes(record.marker));
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

export interface StartSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  marker: string;
  address: string;
  attached: boolean;
}

export interface StartedServer {
  record: PidRecord;
  child: ChildProcess;
  /** resolves with a description when the process exits (used to fail fast while waiting for it to answer) */
  exited: Promise<string>;
}

const attachedPids = new Set<number>();
let exitHookInstalled = false;

/** On a normal exit of this process, servers started attached get SIGTERM (there is no time to wait for them). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of attachedPids) signalGroup(pid, 'SIGTERM');
  });
}

/**
 * Starts a server in its own process group (so it and anything it forks can be signalled together), output appended
 * to its log file. Attached servers also get SIGTERM from the kernel if this process dies (`setpriv --pdeathsig`,
 * Linux), so even a SIGKILLed parent leaves no orphans.
 */
export function startServer(spec: StartSpec): StartedServer {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const out = openSync(spec.logFile, 'a');
  const setpriv = spec.attached && process.platform === 'linux' ? findOnPath('setpriv', spec.env) : undefined;
  const [command, args] = setpriv
    ? [setpriv, ['--pdeathsig', 'TERM', '--', spec.command, ...spec.args]]
    : [spec.command, spec.args];
  let child: ChildProcess;
  try {
    writeFileSync(out, `\n==== ${new Date().toISOString()} starting: ${[spec.command, ...spec.args].join(' ')}\n`);
    child = spawn(command, args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', out, out], detached: true });
  } finally {
    closeSync(out);
  }
  const exited = new Promise<string>((resolveExit) => {
    child.once('error', (e) => resolveExit(`could not be started: ${e.message}`));
    child.once('exit', (code, signal) => resolveExit(signal ? `was killed by ${signal}` : `exited with code ${code}`));
  });
  if (child.pid === undefined) {
    // spawn failed synchronously-ish (ENOENT arrives as an 'error' event); report through `exited`
    return { record: recordFor(spec, -1), child, exited };
  }
  if (spec.attached) {
    attachedPids.add(child.pid);
    installExitHook();
    const pid = child.pid;
    child.once('exit', () => attachedPids.delete(pid));
  } else {
    child.unref();
  }
  return { record: recordFor(spec, child.pid), child, exited };
}

function recordFor(spec: StartSpec, pid: number): PidRecord {
  return {
    name: spec.name,
    pid,
    marker: spec.marker,
    command: [spec.command, ...spec.args],
    address: spec.address,
    logFile: spec.logFile,
    attached: spec.attached,
    startedAt: new Date().toISOString(),
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the whole process group (the server is its leader)
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** SIGTERM to the server's process group, SIGKILL if it is still there after `termTimeoutMs`. */
export async function stopProcessGroup(pid: number, termTimeoutMs: number): Promise<'terminated' | 'killed'> {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + termTimeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid) && !groupAlive(pid)) return 'terminated';
    await sleep(100);
  }
  signalGroup(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5000;
  while (isProcessAlive(pid) && Date.now() < killDeadline) await sleep(50);
  attachedPids.delete(pid);
  return 'killed';
}

/** True while any process of group `pgid` remains (signal 0 to the group). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

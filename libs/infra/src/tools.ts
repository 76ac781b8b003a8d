import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { InfraError } from './errors';

/** Absolute path of an executable found on PATH, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const INSTALL_HINTS: Record<string, string> = {
  java: 'install a Java 17 runtime (e.g. apt-get install openjdk-17-jre-headless)',
  mvn: 'install Apache Maven (e.g. apt-get install maven)',
  go: 'install Go 1.24 or newer from https://go.dev/dl/',
};

/** The tool's path, or an InfraError whose message is the one line the user needs. */
export function requireTool(name: string, why: string, alternative: string, env?: NodeJS.ProcessEnv): string {
  const path = findOnPath(name, env);
  if (path) return path;
  const hint = INSTALL_HINTS[name] ?? `install ${name}`;
  throw new InfraError('MISSING_TOOL', `${name} not found on PATH: it is needed ${why}; ${hint}, or ${alternative}.`);
}

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, capturing its output (kept to the last 64 KiB of each stream). */
export function runCommand(
  command: string,
  args: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    signal?: AbortSignal;
    /** called with each complete line of output (either stream), for progress */
    onLine?: (line: string) => void;
  } = {},
): Promise<CommandResult> {
  return new Promise((resolveResult, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal, // aborting (Ctrl-C during `infra up`) kills a long Maven or Go run
      killSignal: 'SIGTERM',
    });
    const keep = (acc: string, chunk: Buffer) => (acc + chunk.toString('utf8')).slice(-65536);
    let stdout = '';
    let stderr = '';
    const lines = (onLine: (line: string) => void) => {
      let partial = '';
      return (chunk: Buffer) => {
        const text = partial + chunk.toString('utf8');
        const complete = text.split('\n');
        partial = complete.pop() ?? '';
        for (const line of complete) onLine(line);
      };
    };
    child.stdout.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
    child.stderr.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
    if (options.onLine) {
      child.stdout.on('data', lines(options.onLine));
      child.stderr.on('data', lines(options.onLine));
    }
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolveResult({ code, signal, stdout, stderr });
    });
  });
}

/** Last lines of a text, for error details. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Major version from `java -version` output (`openjdk version "17.0.15"`, `java version "1.8.0_392"`). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

/** [major, minor] from `go version` output (`go version go1.26.8 linux/amd64`). */
export function parseGoVersion(versionOutput: string): [number, number] | undefined {
  const m = /go(\d+)\.(\d+)/.exec(versionOutput.replace(/^go version /, ''));
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InfraError } from './errors';
import { isProcessAlive } from './processes';
import { setTimeout as sleep } from 'node:timers/promises';

interface LockOwner {
  pid: number;
  since: string;
  purpose: string;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  try {
    // 'wx' fails if the file exists: creating it is the atomic "take the lock".
    writeFileSync(path, JSON.stringify(owner), { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function isOlderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** Removes a stale lock unless someone replaced it since we read it (two processes taking over at once). */
function removeIfUnchanged(path: string, seen: LockOwner | undefined): void {
  const now = readOwner(path);
  if (now?.pid !== seen?.pid || now?.since !== seen?.since) return;
  try {
    unlinkSync(path);
  } catch {
    // someone else removed it first
  }
}

/**
 * Runs `fn` holding an exclusive lock file, so two concurrent `infra up`s do not both provision or start servers.
 * A lock left by a process that no longer exists is taken over; a live owner is waited for (with one message).
 */
export async function withLock<T>(
  path: string,
  purpose: string,
  fn: () => Promise<T>,
  options: { timeoutMs: number; log: (m: string) => void; pollMs?: number },
): Promise<T> {
  // Calls from this same process queue up here: the pid in the file cannot tell them apart.
  const previous = queues.get(path) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withFileLock(path, purpose, fn, options));
  queues.set(path, run);
  try {
    return await run;
  } finally {
    if (queues.get(path) === run) queues.delete(path);
  }
}

const queues = new Map<string, Promise<unknown>>();

async function withFileLock<T>(
  path: string,
  purpose: string,
  fn: () => Promise<T>,
  options: { timeoutMs: number; log: (m: string) => void; pollMs?: number },
): Promise<T> {
  mkdirSync(dirname(path), { recursive: true });
  const me: LockOwner = { pid: process.pid, since: new Date().toISOString(), purpose };
  const deadline = Date.now() + options.timeoutMs;
  let announced = false;
  while (!tryCreate(path, me)) {
    const owner = readOwner(path);
    if (owner?.pid === process.pid) throw new Error(`lock ${path} is already held by this process`);
    if (owner ? !isProcessAlive(owner.pid) : isOlderThan(path, 5000)) {
      // Left by a process that died (or never finished writing it): take it over.
      removeIfUnchanged(path, owner);
      continue;
    }
    if (!owner) {
      await sleep(50); // being written right now
      continue;
    }
    if (Date.now() > deadline) {
      throw new InfraError(
        'LOCK_TIMEOUT',
        `another wiredesk process (pid ${owner.pid}, ${owner.purpose} since ${owner.since}) holds ${path}; stop it or remove the file.`,
      );
    }
    if (!announced) {
      options.log(`waiting for pid ${owner.pid} (${owner.purpose}) to finish…`);
      announced = true;
    }
    await sleep(options.pollMs ?? 500);
  }
  try {
    return await fn();
  } finally {
    if (readOwner(path)?.pid === process.pid) unlinkSync(path);
  }
}

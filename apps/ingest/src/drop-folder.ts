import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { ErrorCode } from '@wiredesk/contracts';
import { SOURCE_RULE, isValidSource } from './wire-record';

/** Folders inside the drop folder that hold handled files; never scanned for new copy. */
export const PROCESSED_DIR = 'processed';
export const FAILED_DIR = 'failed';

/** A file waiting in the drop folder. */
export interface DroppedFile {
  path: string;
  /** path relative to the drop folder, with '/' separators */
  relativePath: string;
  /** the feed, named by the subfolder the file was dropped in (drop/afp-en/story.xml → afp-en) */
  source?: string;
  size: number;
  mtimeMs: number;
  /** set when the file cannot be taken as copy: it goes to failed/ with this reason once it has stopped changing */
  refusal?: { code: string; message: string };
  /** a name writers use while still writing (or a hidden file): taken only once abandoned (ABANDONED_MS) */
  unfinished?: boolean;
}

/** Folders below a feed folder (drop/afp-en/2024/04/story.xml) are read this deep; deeper files go to failed/. */
export const MAX_FOLDER_DEPTH = 8;
/** An "unfinished" file (`.part`, hidden…) untouched this long was left behind: it goes to failed/, not ignored. */
export const ABANDONED_MS = 60 * 60 * 1000;

/** Names writers use while a file is still being written, and hidden files: not copy yet. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    /\.(tmp|part|partial|crdownload|swp|filepart|error\.json)$/i.test(name)
  );
}

/**
 * Every file in the drop folder, oldest first, except processed/ and failed/. The first folder level names the feed
 * (drop/afp-en/… → source afp-en) and must pass the same check as `X-Wire-Source`; deeper folders (dates, say) are
 * read too, up to MAX_FOLDER_DEPTH. Nothing is skipped for good: a file under a folder name that is not a valid
 * source, too deep, or not a regular file (a symbolic link, a pipe) is listed with its `refusal`, and an unfinished
 * name with `unfinished`, so the watcher moves it to failed/ with the reason instead of leaving it forever.
 */
export async function listDroppedFiles(dropDir: string): Promise<DroppedFile[]> {
  const files: DroppedFile[] = [];
  const visit = async (dir: string, source: string | undefined, depth: number, inherited?: DroppedFile['refusal']) => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // removed meanwhile
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth === 0 && (entry.name === PROCESSED_DIR || entry.name === FAILED_DIR)) continue;
        const feed = depth === 0 ? entry.name : source;
        let refusal = inherited;
        if (depth === 0 && !isValidSource(entry.name)) {
          refusal = {
            code: ErrorCode.INVALID_SOURCE,
            message: `The folder name ${JSON.stringify(entry.name)} is not a source name (${SOURCE_RULE}), as X-Wire-Source must be.`,
          };
        } else if (depth + 1 > MAX_FOLDER_DEPTH) {
          refusal = {
            code: ErrorCode.UNSUPPORTED_FILE,
            message: `The file is more than ${MAX_FOLDER_DEPTH} folders deep in the drop folder.`,
          };
        }
        await visit(path, feed, depth + 1, refusal);
        continue;
      }
      try {
        // lstat: a symbolic link is refused, never followed (it could point anywhere on the machine)
        const st = await fs.lstat(path);
        const file: DroppedFile = {
          path,
          relativePath: relative(dropDir, path).split(sep).join('/'),
          source,
          size: st.size,
          mtimeMs: st.mtimeMs,
        };
        if (inherited) file.refusal = inherited;
        else if (!st.isFile())
          file.refusal = {
            code: ErrorCode.UNSUPPORTED_FILE,
            message: 'Not a regular file (a symbolic link, a pipe or a device): only files are read.',
          };
        if (isIgnoredName(entry.name)) file.unfinished = true;
        files.push(file);
      } catch {
        // gone between readdir and stat
      }
    }
  };
  await visit(dropDir, undefined, 0);
  return files.sort((a, b) => a.mtimeMs - b.mtimeMs);
}

/**
 * Decides when a file is complete: its size and mtime must stay the same for `stableMs` across scans. Writers
 * that write in place (scp, ftp servers) give no other signal.
 */
export class StabilityTracker {
  private readonly seen = new Map<string, { size: number; mtimeMs: number; since: number }>();

  constructor(private readonly stableMs: number) {}

  /** Returns the files that have been unchanged long enough; forgets files that disappeared. */
  stable(files: DroppedFile[], now: number): DroppedFile[] {
    const present = new Set(files.map((f) => f.path));
    for (const path of this.seen.keys()) if (!present.has(path)) this.seen.delete(path);
    const ready: DroppedFile[] = [];
    for (const f of files) {
      const prev = this.seen.get(f.path);
      if (!prev || prev.size !== f.size || prev.mtimeMs !== f.mtimeMs) {
        this.seen.set(f.path, { size: f.size, mtimeMs: f.mtimeMs, since: now });
        if (this.stableMs <= 0) ready.push(f);
        continue;
      }
      if (now - prev.since >= this.stableMs) ready.push(f);
    }
    return ready;
  }

  forget(path: string): void {
    this.seen.delete(path);
  }
}

/**
 * Moves a handled file to processed/ or failed/ under the same relative path. Never overwrites: a name already
 * taken gets a time suffix. Returns the new path.
 */
export async function moveAside(dropDir: string, file: DroppedFile, folder: string, now = new Date()): Promise<string> {
  let target = join(dropDir, folder, file.relativePath);
  await fs.mkdir(dirname(target), { recursive: true });
  if (await exists(target)) {
    const ext = extname(target);
    const stem = basename(target, ext);
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    target = join(dirname(target), `${stem}.${stamp}-${process.pid}${ext}`);
  }
  await fs.rename(file.path, target);
  return target;
}

/** Writes `<failed file>.error.json` beside a failed file, saying why it failed. */
export async function writeErrorReport(
  failedPath: string,
  report: { code: string; message: string; ingestId?: string; source?: string },
  now = new Date(),
): Promise<void> {
  const body = { ...report, file: basename(failedPath), failedAt: now.toISOString() };
  await fs.writeFile(`${failedPath}.error.json`, JSON.stringify(body, null, 2) + '\n');
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}

import { createHash } from 'node:crypto';

/** A file as a listing shows it (FTP, SFTP, a folder). */
export interface ListedFile {
  name: string;
  size: number;
  /** modification time as the server gives it: ms since the epoch, or the listing's own text (FTP LIST) */
  mtime?: number | string;
}

/**
 * The identity of one version of a remote file: name, size and time. A file rewritten under the same name is a new
 * item; the same file listed again is not.
 */
export function fileKey(file: ListedFile): string {
  return `file:${file.name}|${file.size}|${file.mtime ?? ''}`;
}

/**
 * The files that may be fetched: those that looked the same in two listings taken a moment apart. A file whose size
 * or time changed between the looks is still being written and waits for a later poll; an empty file waits too
 * (writers create the file before they fill it).
 */
export function settledFiles(first: ListedFile[], second: ListedFile[]): { ready: ListedFile[]; growing: string[] } {
  const before = new Map(first.map((f) => [f.name, f]));
  const ready: ListedFile[] = [];
  const growing: string[] = [];
  for (const f of second) {
    const prev = before.get(f.name);
    if (!prev) continue; // appeared between the looks: next poll
    if (prev.size !== f.size || prev.mtime !== f.mtime || f.size === 0) growing.push(f.name);
    else ready.push(f);
  }
  return { ready, growing };
}

/** Names writers use while a file is incomplete, and hidden files: never copy. */
export function isTemporaryName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(tmp|part|partial|filepart|crdownload|swp)$/i.test(name);
}

/** A shell-style glob ("*.xml", "AFP_??_*.txt", "{*.xml,*.txt}") as a test on a file name. */
export function globMatcher(pattern: string | undefined): (name: string) => boolean {
  if (!pattern) return () => true;
  const alternatives = /^\{(.*)\}$/.exec(pattern)?.[1].split(',') ?? [pattern];
  const regexes = alternatives.map(
    (alt) =>
      new RegExp(
        '^' +
          alt
            .split('')
            .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
            .join('') +
          '$',
        'i',
      ),
  );
  return (name) => regexes.some((r) => r.test(name));
}

/** A short stable digest for keys and ids (sha-256, hex). */
export function digest(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

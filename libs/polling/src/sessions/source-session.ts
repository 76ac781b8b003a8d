import {
  fileKey,
  globMatcher,
  isTemporaryName,
  settledFiles,
  type ListedFile,
  type SourceDefinition,
} from '@wiredesk/sources';
import type { SourceStateRecord } from '@wiredesk/storage';
import type { SecretReader } from '../secrets';

/** One thing a source offers in this poll: a feed entry, a remote file, a mail message. */
export interface Candidate {
  /** identity for "seen": the same item always gives the same key */
  key: string;
  /** file name (wd-filename) */
  name?: string;
  /** set when the listing already carried the bytes (feeds, API answers) */
  body?: Buffer;
  contentType?: string;
  /** the adapter's own handle (remote path, IMAP uid) */
  ref?: string | number;
  /** size in bytes as listed, when known before fetching */
  size?: number;
}

/** A connection to one source for one poll. */
export interface SourceSession {
  /** what the source offers now, in delivery order */
  list(): Promise<Candidate[]>;
  /** the bytes of a candidate the listing did not carry */
  fetch(candidate: Candidate): Promise<Buffer>;
  /** the after-fetch action (move, delete, flag), once the copy is acknowledged by Kafka and remembered */
  finish?(candidate: Candidate): Promise<void>;
  /** conditional-request validators to keep once every new item of this poll is delivered */
  checkpoint?(): Pick<SourceStateRecord, 'etag' | 'lastModified'>;
  close(): Promise<void>;
}

export interface SessionContext {
  source: SourceDefinition;
  state: SourceStateRecord | null;
  signal: AbortSignal;
  secrets: SecretReader;
  /** pause between the two listings that tell a finished file from one still being written */
  settleMs: number;
  /** largest item accepted (MAX_BODY_BYTES) */
  maxBytes: number;
  /** which of these keys the source has delivered before */
  alreadySeen(keys: string[]): Promise<Set<string>>;
}

/** Waits, unless the poll is cut off meanwhile. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Joins a remote folder and a name with one '/'. */
export function remotePath(folder: string | undefined, name: string): string {
  if (!folder) return name;
  return `${folder.replace(/\/+$/, '')}/${name}`;
}

/**
 * The files of a folder-like source that may be fetched now: matching the pattern, not temporary, and, when any is
 * new, unchanged across two listings `settleMs` apart (a file still being written waits for a later poll). Files
 * delivered before are offered too, so an interrupted after-fetch action is finished.
 */
export async function settledListing(ctx: SessionContext, listOnce: () => Promise<ListedFile[]>): Promise<Candidate[]> {
  const wanted = globMatcher(ctx.source.pattern);
  const listFiltered = async () => (await listOnce()).filter((f) => wanted(f.name) && !isTemporaryName(f.name));
  const first = await listFiltered();
  const seen = await ctx.alreadySeen(first.map(fileKey));
  let files = first;
  if (first.some((f) => !seen.has(fileKey(f))) && ctx.settleMs > 0) {
    await pause(ctx.settleMs, ctx.signal);
    const second = await listFiltered();
    files = settledFiles(first, second).ready;
  }
  return files.map((f) => ({ key: fileKey(f), name: f.name, ref: f.name, size: f.size }));
}

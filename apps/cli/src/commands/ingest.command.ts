import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { contentTypeForFile } from '@wiredesk/formats';
import { parseArgs } from 'node:util';
import { loadConfig, mapLimited } from '@wiredesk/platform';
import { Exit, oneLine, processStreams, writeLine, type CliStreams } from '../io';
import { Progress } from '../progress';
import { backoffDelay, type BackoffPolicy } from '@wiredesk/messaging';

export const INGEST_USAGE = `usage: wiredesk ingest <folder|file>… [options]

Pushes a backlog of wire copy through the ingest HTTP API (POST /v1/wire), one request per file, and says which files
were accepted and which were refused, and why. Folders are read recursively; hidden files (.name) are skipped.

  --url U           the ingest service (default http://127.0.0.1:<INGEST_PORT, 8080>)
  --source S        X-Wire-Source of every file (the feed name, e.g. afp-en)
  --format F        X-Wire-Format override of every file (e.g. nitf); by default ingest detects the format
  --concurrency N   requests in flight at once (default 4)
  --api-key K       sent as "Authorization: Bearer K" (default: WIREDESK_API_KEY)
  --retries N       retries of one file on 429, 503 or a dropped connection (default 6), honouring Retry-After,
                    else exponential backoff
  --timeout S       seconds one request may take (default 120)
  --json            one JSON line per file on stdout ({"file","status","ingestId"|"code","message"}), then the summary

Every request carries X-Wire-Filename (the path inside the folder), a Content-Type guessed from the extension and an
Idempotency-Key: the sha256 of the file's absolute path and its content. Running the same backlog again therefore
sends the same keys and gets the same ingest ids, and the archive keeps one copy of each story (content hash).

Progress (count, rate, ETA) goes to stderr, redrawn in place on a terminal and as plain lines otherwise; a refused
file is reported there as "<file>: <CODE>: <message>" (CODE from the problem+json answer, e.g. EMPTY_INPUT, TOO_LARGE).
Exit status: 0 every file accepted, 1 any file refused, 2 wrong command line or a path that does not exist.`;

/** The same file (path and bytes) always gets the same key, so a re-run is recognised as a retry. */
export function idempotencyKeyFor(absolutePath: string, content: Buffer): string {
  return createHash('sha256').update(absolutePath, 'utf8').update('\0').update(content).digest('hex');
}

/** Retry-After as seconds or an HTTP date → ms to wait; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** How long the CLI waits before trying a refused upload again (the pipeline's backoff, from half a second). */
export const INGEST_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30000 };

/** One file to send: where it is and the name it travels under. */
export interface BacklogFile {
  path: string;
  /** X-Wire-Filename: the path inside the folder given, or the file's name */
  name: string;
}

/** The files of the arguments, in a stable order: folders walked recursively (hidden entries skipped). */
export async function collectFiles(args: string[]): Promise<BacklogFile[]> {
  const out: BacklogFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, name: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, name });
  };
  const walk = async (root: string, dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = resolve(dir, entry.name);
      const info = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
      if (info?.isDirectory()) await walk(root, path);
      else if (info?.isFile()) add(path, relative(root, path).split(sep).join('/'));
    }
  };
  for (const arg of args) {
    const path = resolve(arg);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new Error(`${arg}: no such file or folder`);
    if (info.isDirectory()) await walk(path, path);
    else add(path, basename(path));
  }
  return out;
}

export type FileResult =
  | { file: string; status: 'accepted'; ingestId: string; replayed: boolean; attempts: number }
  | { file: string; status: 'rejected'; code: string; message: string; httpStatus?: number; attempts: number };

export interface SendOptions {
  url: string;
  source?: string;
  format?: string;
  apiKey?: string;
  retries: number;
  timeoutMs: number;
  /** injected by tests; the real one waits */
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

/** Reads one problem+json answer: its stable code and detail, or something a person can still act on. */
function problemOf(status: number, text: string): { code: string; message: string } {
  try {
    const body = JSON.parse(text) as { code?: unknown; detail?: unknown; title?: unknown };
    const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
    const message =
      typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    return { code, message: oneLine(message) };
  } catch {
    return { code: `HTTP_${status}`, message: oneLine(text).slice(0, 200) || `HTTP ${status}` };
  }
}

/** POSTs one file, retrying what the server (or the network) says is temporary. Never throws. */
export async function sendFile(file: BacklogFile, options: SendOptions): Promise<FileResult> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const doFetch = options.fetchImpl ?? fetch;
  let body: Buffer;
  try {
    body = await readFile(file.path);
  } catch (e) {
    return {
      file: file.name,
      status: 'rejected',
      code: 'UNREADABLE',
      message: oneLine((e as Error).message),
      attempts: 0,
    };
  }
  const headers: Record<string, string> = {
    'Content-Type': contentTypeForFile(file.path),
    'X-Wire-Filename': file.name,
    'Idempotency-Key': idempotencyKeyFor(file.path, body),
  };
  if (options.source) headers['X-Wire-Source'] = options.source;
  if (options.format) headers['X-Wire-Format'] = options.format;
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  const endpoint = `${options.url.replace(/\/+$/, '')}/v1/wire`;

  for (let attempt = 1; ; attempt++) {
    let failure: { code: string; message: string; httpStatus?: number; waitMs?: number };
    try {
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await res.text();
      if (res.status === 202 || res.status === 200 || res.status === 201) {
        let ingestId = '';
        try {
          ingestId = String((JSON.parse(text) as { ingestId?: unknown }).ingestId ?? '');
        } catch {
          // accepted all the same; the id is only informative
        }
        const replayed = res.headers.get('idempotent-replayed') === 'true';
        return { file: file.name, status: 'accepted', ingestId, replayed, attempts: attempt };
      }
      failure = { ...problemOf(res.status, text), httpStatus: res.status };
      if (!RETRIED_STATUSES.has(res.status))
        return { file: file.name, status: 'rejected', ...failure, attempts: attempt };
      failure.waitMs = retryAfterMs(res.headers.get('retry-after'));
    } catch (e) {
      const error = e as Error & { cause?: { code?: string; message?: string } };
      const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError';
      failure = {
        code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
        message: oneLine(
          timedOut
            ? `no answer within ${options.timeoutMs / 1000} s`
            : `${error.message}${error.cause?.code ? ` (${error.cause.code})` : ''}`,
        ),
      };
    }
    if (attempt > options.retries) {
      const { waitMs: _waitMs, ...rest } = failure;
      return { file: file.name, status: 'rejected', ...rest, attempts: attempt };
    }
    // Retry-After is the server's word; cap it so a bad value cannot stall the backlog for hours
    await sleep(Math.min(failure.waitMs ?? backoffDelay(attempt, INGEST_BACKOFF), 120000));
  }
}

interface IngestFlags {
  paths: string[];
  url: string;
  source?: string;
  format?: string;
  concurrency: number;
  apiKey?: string;
  retries: number;
  timeoutMs: number;
  json: boolean;
}

function wholeNumber(text: string | undefined, name: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
  return n;
}

export function parseIngestFlags(args: string[], env: NodeJS.ProcessEnv = process.env): IngestFlags | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      source: { type: 'string' },
      format: { type: 'string' },
      concurrency: { type: 'string' },
      'api-key': { type: 'string' },
      retries: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new Error('name at least one folder or file');
  const url = values.url ?? `http://127.0.0.1:${loadConfig(env).ports.ingest}`;
  if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new Error(`--url must be an http(s) URL, not "${url}"`);
  if (values.source !== undefined && !/^[\w.@:+-]{1,100}$/.test(values.source)) {
    throw new Error('--source may hold letters, digits and . _ @ : + - (at most 100)');
  }
  return {
    paths: positionals,
    url,
    source: values.source,
    format: values.format,
    concurrency: wholeNumber(values.concurrency, 'concurrency', 4, 1),
    apiKey: values['api-key'] ?? (env.WIREDESK_API_KEY || undefined),
    retries: wholeNumber(values.retries, 'retries', 6, 0),
    timeoutMs: wholeNumber(values.timeout, 'timeout', 120, 1) * 1000,
    json: values.json,
  };
}

export interface IngestSummary {
  files: number;
  accepted: number;
  /** accepted earlier already: the server answered with the first ingest id (Idempotent-Replayed) */
  alreadyKnown: number;
  rejected: number;
  /** rejected files by problem code */
  codes: Record<string, number>;
}

export function summarizeResults(results: FileResult[]): IngestSummary {
  const summary: IngestSummary = { files: results.length, accepted: 0, alreadyKnown: 0, rejected: 0, codes: {} };
  for (const r of results) {
    if (r.status === 'accepted') {
      summary.accepted++;
      if (r.replayed) summary.alreadyKnown++;
    } else {
      summary.rejected++;
      summary.codes[r.code] = (summary.codes[r.code] ?? 0) + 1;
    }
  }
  return summary;
}

/** `wiredesk ingest …`; returns the exit code. */
export async function ingestCommand(
  args: string[],
  io: CliStreams = processStreams(),
  env: NodeJS.ProcessEnv = process.env,
  options: Pick<SendOptions, 'sleep' | 'fetchImpl'> = {},
): Promise<number> {
  let flags: IngestFlags | 'help';
  let files: BacklogFile[];
  try {
    flags = parseIngestFlags(args, env);
    if (flags === 'help') {
      await writeLine(io.stdout, INGEST_USAGE);
      return Exit.ok;
    }
    files = await collectFiles(flags.paths);
  } catch (e) {
    await writeLine(io.stderr, `wiredesk ingest: ${oneLine((e as Error).message)}`);
    await writeLine(io.stderr, 'usage: wiredesk ingest <folder|file>… [options]   (--help says more)');
    return Exit.usage;
  }
  const run = flags;
  const progress = new Progress(io.stderr, { unit: 'files', total: files.length });
  const results = await mapLimited(files, run.concurrency, async (file) => {
    const result = await sendFile(file, { ...run, ...options });
    if (result.status === 'rejected') {
      progress.clear();
      await writeLine(io.stderr, `${result.file}: ${result.code}: ${result.message}`);
    }
    if (run.json) await writeLine(io.stdout, JSON.stringify(result));
    progress.tick(1, file.name);
    return result;
  });
  progress.finish();
  const summary = summarizeResults(results);
  if (run.json) {
    await writeLine(io.stdout, JSON.stringify({ summary }));
  } else {
    const codes = Object.entries(summary.codes)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    await writeLine(
      io.stdout,
      `${summary.files} files: ${summary.accepted} accepted` +
        (summary.alreadyKnown ? ` (${summary.alreadyKnown} already sent before)` : '') +
        `, ${summary.rejected} rejected${codes ? ` (${codes})` : ''} — ${run.url}`,
    );
  }
  return summary.rejected > 0 ? Exit.failed : Exit.ok;
}

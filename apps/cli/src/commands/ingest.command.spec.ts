import { contentTypeForFile } from '@wiredesk/formats';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  INGEST_BACKOFF,
  collectFiles,
  idempotencyKeyFor,
  ingestCommand,
  parseIngestFlags,
  retryAfterMs,
} from './ingest.command';
import { backoffDelay } from '@wiredesk/messaging';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for the ingest service: answers by file name, so each case tests one behaviour of the client. */
function fakeIngest(): Promise<{ server: Server; url: string; received: Received[]; attempts: Map<string, number> }> {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const name = String(req.headers['x-wire-filename']);
      const n = (attempts.get(name) ?? 0) + 1;
      attempts.set(name, n);
      received.push({ headers: req.headers, body });
      const problem = (status: number, code: string, detail: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
        res.end(JSON.stringify({ type: 'about:blank', title: 'x', status, code, detail }));
      };
      if (body.length === 0) return problem(400, 'EMPTY_INPUT', 'The request body is empty.');
      if (name.includes('busy') && n < 3) return problem(503, 'UNAVAILABLE', 'Kafka is slow.', { 'retry-after': '0' });
      if (name.includes('limited') && n < 2) return problem(429, 'RATE_LIMITED', 'Slow down.', { 'retry-after': '1' });
      if (name.includes('down')) return problem(503, 'UNAVAILABLE', 'Kafka is down.');
      res.writeHead(202, { 'content-type': 'application/json', ...(n > 1 ? { 'idempotent-replayed': 'true' } : {}) });
      res.end(JSON.stringify({ ingestId: `id-${name}` }));
    });
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, attempts }),
    ),
  );
}

async function run(args: string[], sleeps: number[] = []) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
  const code = await ingestCommand(
    args,
    { stdin: new PassThrough(), stdout, stderr },
    {},
    {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  );
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('wiredesk ingest helpers', () => {
  it('guesses the content type from the extension', () => {
    expect(contentTypeForFile('a/b/story.XML')).toBe('application/xml');
    expect(contentTypeForFile('x.json')).toBe('application/json');
    expect(contentTypeForFile('x.txt')).toBe('text/plain');
    expect(contentTypeForFile('noext')).toBe('application/octet-stream');
  });

  it('derives the Idempotency-Key from the path and the content', () => {
    const a = idempotencyKeyFor('/in/a.xml', Buffer.from('x'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyFor('/in/a.xml', Buffer.from('x'))).toBe(a);
    expect(idempotencyKeyFor('/in/b.xml', Buffer.from('x'))).not.toBe(a);
    expect(idempotencyKeyFor('/in/a.xml', Buffer.from('y'))).not.toBe(a);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('5')).toBe(5000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, INGEST_BACKOFF, () => 0)).toBe(250);
    expect(backoffDelay(3, INGEST_BACKOFF, () => 1)).toBe(2000);
    expect(backoffDelay(30, INGEST_BACKOFF, () => 1)).toBe(30000);
  });

  it('parses flags, with the API key from the environment and a usable default URL', () => {
    const flags = parseIngestFlags(['in', '--concurrency', '8'], { WIREDESK_API_KEY: 'k1', INGEST_PORT: '9999' });
    expect(flags).toMatchObject({ paths: ['in'], concurrency: 8, apiKey: 'k1', url: 'http://127.0.0.1:9999' });
    expect(() => parseIngestFlags([])).toThrow(/at least one/);
    expect(() => parseIngestFlags(['in', '--concurrency', '0'])).toThrow(/concurrency/);
    expect(() => parseIngestFlags(['in', '--url', 'ftp:x'])).toThrow(/url/);
    expect(() => parseIngestFlags(['in', '--bogus'])).toThrow();
  });
});

describe('wiredesk ingest against a stand-in ingest API', () => {
  let dir: string;
  let api: Awaited<ReturnType<typeof fakeIngest>>;

  beforeAll(async () => {
    api = await fakeIngest();
    dir = mkdtempSync(join(tmpdir(), 'wd-ingest-spec-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'good.xml'), '<nitf/>');
    writeFileSync(join(dir, 'sub', 'busy.txt'), 'story');
    writeFileSync(join(dir, 'limited.json'), '{}');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, '.hidden'), 'skip me');
  });

  afterAll(() => {
    api.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks the folder recursively, in a stable order, skipping hidden files', async () => {
    const files = await collectFiles([dir]);
    expect(files.map((f) => f.name)).toEqual(['empty.txt', 'good.xml', 'limited.json', 'sub/busy.txt']);
    expect(files[3].path).toBe(resolve(dir, 'sub/busy.txt'));
    await expect(collectFiles([join(dir, 'missing')])).rejects.toThrow(/no such file/);
  });

  it('sends every file with its headers, retries 429/503 as told, reports refused files and exits 1', async () => {
    const sleeps: number[] = [];
    const r = await run([dir, '--url', api.url, '--source', 'afp-en', '--api-key', 'secret', '--json'], sleeps);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const byFile = Object.fromEntries(lines.filter((l) => l.file).map((l) => [l.file, l]));
    expect(byFile['good.xml']).toMatchObject({ status: 'accepted', ingestId: 'id-good.xml', attempts: 1 });
    expect(byFile['sub/busy.txt']).toMatchObject({ status: 'accepted', attempts: 3 });
    expect(byFile['limited.json']).toMatchObject({ status: 'accepted', attempts: 2 });
    expect(byFile['empty.txt']).toMatchObject({ status: 'rejected', code: 'EMPTY_INPUT', httpStatus: 400 });
    expect(lines[lines.length - 1]).toEqual({
      summary: { files: 4, accepted: 3, alreadyKnown: 2, rejected: 1, codes: { EMPTY_INPUT: 1 } },
    });
    // Retry-After: 0 twice for busy, 1 s once for limited
    expect(sleeps.sort()).toEqual([0, 0, 1000]);
    expect(r.stderr).toContain('empty.txt: EMPTY_INPUT: The request body is empty.');

    const good = api.received.find((x) => x.headers['x-wire-filename'] === 'good.xml')!;
    expect(good.headers).toMatchObject({
      'content-type': 'application/xml',
      'x-wire-source': 'afp-en',
      authorization: 'Bearer secret',
      'idempotency-key': idempotencyKeyFor(resolve(dir, 'good.xml'), Buffer.from('<nitf/>')),
    });
    expect(good.body).toBe('<nitf/>');
    // every retry of one file carries the same key
    const busyKeys = api.received.filter((x) => x.headers['x-wire-filename'] === 'sub/busy.txt');
    expect(new Set(busyKeys.map((x) => x.headers['idempotency-key'])).size).toBe(1);
  });

  it('gives up after --retries with the last problem code, and prints a one-line summary without --json', async () => {
    const only = mkdtempSync(join(tmpdir(), 'wd-ingest-spec-'));
    writeFileSync(join(only, 'down.xml'), '<x/>');
    writeFileSync(join(only, 'ok.xml'), '<y/>');
    const sleeps: number[] = [];
    const r = await run([only, '--url', api.url, '--retries', '2', '--concurrency', '1'], sleeps);
    rmSync(only, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(sleeps).toHaveLength(2);
    expect(r.stdout).toMatch(/^2 files: 1 accepted, 1 rejected \(UNAVAILABLE 1\)/);
    expect(r.stderr).toContain('down.xml: UNAVAILABLE: Kafka is down.');
  });

  it('reports a refused connection as NETWORK_ERROR and a missing path as a usage error', async () => {
    const r = await run([join(dir, 'good.xml'), '--url', 'http://127.0.0.1:1', '--retries', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/good\.xml: NETWORK_ERROR: /);
    const missing = await run([join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
  });
});

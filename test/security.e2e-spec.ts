// Security of the HTTP APIs over the real services: API keys and scopes (401/403 problem+json), the rate limit (429 +
// Retry-After), security headers, no stack traces in error bodies, and no keys or raw copy in the logs.
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@wiredesk/platform';
import { configureArchiveHttp } from '../apps/archive/src/archive.http';
import { ArchiveModule } from '../apps/archive/src/archive.module';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { startApp, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { http, postWire, type HttpResult } from './support/http';
import { TopicReader, testKafka } from './support/kafka';

const WRITER = 'e2e-writer-5f1c9a0b7d3e2f46';
const READER = 'e2e-reader-0a9b8c7d6e5f4a3b';
const API_KEYS = `${WRITER}:write,${READER}:read`;
/** copy no log line may ever contain */
const SECRET_COPY = 'EMBARGOED-COPY-7c1f9e3a: the minister resigned at dawn.';
const STACK_LINE = /\n\s+at |\bat .*\.(ts|js):\d+/;

function expectProblem(res: HttpResult, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(res.text).not.toMatch(STACK_LINE);
}

function expectSecurityHeaders(res: HttpResult): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('security of the HTTP APIs', () => {
  const config = e2eConfig('security', { API_KEYS });
  const limitedConfig = e2eConfig('security-limit', { RATE_LIMIT_PER_MINUTE: '2' });
  const logged: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  let ingest: RunningApp;
  let limitedIngest: RunningApp;
  let archive: INestApplication;
  let archiveUrl: string;
  let raw: TopicReader;

  beforeAll(async () => {
    // every log line of the services, at info level, to look for keys and copy in it
    const capture = (original: typeof process.stdout.write) =>
      function (this: unknown, chunk: unknown, ...rest: unknown[]) {
        logged.push(String(chunk));
        return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof process.stdout.write;
    process.stdout.write = capture(writes.out);
    process.stderr.write = capture(writes.err);
    ingest = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false, logLevel: 'info' });
    limitedIngest = await startApp('ingest', IngestModule.forRoot(limitedConfig), { bodyParser: false });
    archive = await createServiceApp({
      service: 'archive',
      module: ArchiveModule.forRoot(config, {
        dbName: `wd_security_${config.suffix.replace(/\W/g, '_')}`,
        consume: false,
      }),
      port: 0,
      logLevel: 'info',
    });
    configureArchiveHttp(archive);
    await archive.listen(0, '127.0.0.1');
    archiveUrl = `http://127.0.0.1:${(archive.getHttpServer().address() as AddressInfo).port}`;
    raw = await new TopicReader(testKafka(config.kafkaBrokers), config.topics.wireRaw).start();
  });

  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await raw?.stop();
    await ingest?.close();
    await limitedIngest?.close();
    await archive?.close();
  });

  it('refuses a POST without a key, or with a wrong one, with 401 and a Bearer challenge', async () => {
    const none = await postWire(ingest.url, SECRET_COPY);
    expectProblem(none, 401, 'UNAUTHORIZED');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="wiredesk"/);
    const wrongKeys: Record<string, string>[] = [
      { Authorization: `Bearer ${WRITER}x` },
      { 'X-API-Key': READER.slice(0, -1) },
    ];
    for (const headers of wrongKeys) {
      const wrong = await postWire(ingest.url, SECRET_COPY, headers);
      expectProblem(wrong, 401, 'UNAUTHORIZED');
      expect(wrong.headers.get('www-authenticate')).toContain('invalid_token');
    }
  });

  it('refuses a read key on POST /v1/wire with 403, and accepts the write key with 202', async () => {
    expectProblem(await postWire(ingest.url, SECRET_COPY, { 'X-API-Key': READER }), 403, 'FORBIDDEN');
    const ok = await postWire(ingest.url, SECRET_COPY, { Authorization: `Bearer ${WRITER}`, 'X-Wire-Source': 'sec' });
    expect(ok.status).toBe(202);
    expectSecurityHeaders(ok);
    const { ingestId } = ok.json<{ ingestId: string }>();
    const m = await raw.waitFor((x) => x.headers['wd-ingest-id'] === ingestId);
    expect(m.value?.toString()).toBe(SECRET_COPY);
    expect(m.headers.authorization).toBeUndefined(); // the key never travels with the copy
  });

  it('guards the query API with the read scope', async () => {
    expectProblem(await http(`${archiveUrl}/v1/articles`), 401, 'UNAUTHORIZED');
    expectProblem(await http(`${archiveUrl}/v1/articles`, { headers: { 'X-API-Key': WRITER } }), 403, 'FORBIDDEN');
    const ok = await http(`${archiveUrl}/v1/articles?limit=1`, { headers: { Authorization: `Bearer ${READER}` } });
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok);
    const raw404 = await http(`${archiveUrl}/v1/raw/nope`, { headers: { 'X-API-Key': READER } });
    expectProblem(raw404, 404, 'NOT_FOUND');
    expectSecurityHeaders(raw404);
  });

  it('keeps health, metrics and the OpenAPI page open', async () => {
    for (const url of [`${ingest.url}/health/live`, `${ingest.url}/metrics`, `${archiveUrl}/health/live`]) {
      const res = await http(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expectSecurityHeaders(res);
    }
    const docs = await http(`${archiveUrl}/docs-json`);
    expect(docs.status).toBe(200);
    const page = await http(`${archiveUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers 429 with Retry-After past the rate limit (per client), before reading the body', async () => {
    const statuses: number[] = [];
    let last: HttpResult | undefined;
    for (let i = 0; i < 4; i++) {
      last = await postWire(limitedIngest.url, '', { 'Content-Type': 'text/plain' });
      statuses.push(last.status);
    }
    // the first two reach the controller (empty body: 400), then the bucket is empty
    expect(statuses).toEqual([400, 400, 429, 429]);
    expectProblem(last!, 429, 'RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await http(`${limitedIngest.url}/health/ready`)).status).toBe(200);
  });

  it('answers errors without stack traces or internals: unknown routes, bad JSON, bad parameters', async () => {
    const auth = { 'X-API-Key': READER };
    expectProblem(await http(`${archiveUrl}/v1/nothing-here`, { headers: auth }), 404, 'NOT_FOUND');
    const badJson = await http(`${archiveUrl}/v1/articles`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"unterminated": ',
    });
    expect(badJson.status).toBeGreaterThanOrEqual(400);
    expect(badJson.status).toBeLessThan(500);
    expect(badJson.headers.get('content-type')).toContain('application/problem+json');
    expect(badJson.text).not.toMatch(STACK_LINE);
    const injection = await http(`${archiveUrl}/v1/articles?source[$ne]=x&limit=abc`, { headers: auth });
    expect(injection.status).toBe(400);
    expect(injection.text).not.toMatch(STACK_LINE);
    const tooBig = await postWire(ingest.url, Buffer.alloc(config.maxBodyBytes + 1, 0x41), { 'X-API-Key': WRITER });
    expectProblem(tooBig, 413, 'TOO_LARGE');
  });

  it('never logs a key or the copy', () => {
    const text = logged.join('');
    // the services did log (refusals, ingests), so the check below looks at real lines
    expect(text).toContain('request refused');
    expect(text).toContain('"msg":"ingested"');
    expect(text).not.toContain(WRITER);
    expect(text).not.toContain(READER);
    expect(text).not.toContain(WRITER.slice(0, -1));
    expect(text).not.toContain('EMBARGOED-COPY');
  });
});

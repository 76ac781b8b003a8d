// ingest over the real Kafka: POST /v1/wire and the drop folder → wire.raw, with the headers of docs/contracts.md.
import { mkdtempSync, promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { startApp, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { postWire, http } from './support/http';
import { TopicReader, testKafka } from './support/kafka';
import { eventually } from './support/wait';

const seed = readFileSync(join(__dirname, 'fixtures/seed/afp-us-nato-cyber.txt'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_BODY = 256 * 1024;

describe('ingest (HTTP and drop folder → wire.raw)', () => {
  const dropDir = mkdtempSync(join(tmpdir(), 'wd-e2e-drop-'));
  const config = e2eConfig('ingest', {
    WIRE_DROP_DIR: dropDir,
    WIRE_DROP_POLL_MS: '100',
    WIRE_DROP_STABLE_MS: '200',
    MAX_BODY_BYTES: String(MAX_BODY),
  });
  let ingest: RunningApp;
  let raw: TopicReader;

  beforeAll(async () => {
    ingest = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false });
    raw = await new TopicReader(testKafka(config.kafkaBrokers), config.topics.wireRaw).start();
  });

  afterAll(async () => {
    await raw?.stop();
    await ingest?.close();
    await fs.rm(dropDir, { recursive: true, force: true });
  });

  it('answers 202 with an ingest id only once wire.raw holds the exact bytes and the headers', async () => {
    const res = await postWire(ingest.url, seed, {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Wire-Source': 'afp-en',
      'X-Wire-Filename': 'afp-us-nato-cyber.txt',
    });
    expect(res.status).toBe(202);
    const { ingestId } = res.json<{ ingestId: string }>();
    expect(ingestId).toMatch(UUID);
    const m = await raw.waitFor((x) => x.headers['wd-ingest-id'] === ingestId);
    expect(m.value).toEqual(seed);
    expect(m.headers).toMatchObject({
      'wd-source': 'afp-en',
      'wd-channel': 'http',
      'content-type': 'text/plain; charset=utf-8',
      'wd-filename': 'afp-us-nato-cyber.txt',
    });
    expect(new Date(m.headers['wd-received-at']).toISOString()).toBe(m.headers['wd-received-at']);
  });

  it('keeps binary bodies byte for byte, whatever the content type says', async () => {
    const junk = Buffer.from([0x00, 0xff, 0x00, 0x01, 0x80, 0x00, 0xc3, 0x28, 0x00]);
    const res = await postWire(ingest.url, junk, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(202);
    const m = await raw.waitFor((x) => x.headers['wd-ingest-id'] === res.json().ingestId);
    expect(m.value).toEqual(junk);
  });

  it('refuses an empty body with 400 problem+json EMPTY_INPUT', async () => {
    const res = await postWire(ingest.url, '', { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'EMPTY_INPUT',
      title: expect.any(String),
      type: expect.any(String),
    });
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a body over MAX_BODY_BYTES with 413 problem+json TOO_LARGE', async () => {
    const res = await postWire(ingest.url, Buffer.alloc(MAX_BODY + 1, 0x41), { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 413, code: 'TOO_LARGE' });
  });

  it('answers a retried POST with the same Idempotency-Key with the same ingest id, producing it once', async () => {
    const key = `story-${Date.now()}`;
    const first = await postWire(ingest.url, seed, { 'Idempotency-Key': key, 'X-Wire-Source': 'afp-en' });
    const second = await postWire(ingest.url, seed, { 'Idempotency-Key': key, 'X-Wire-Source': 'afp-en' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.json().ingestId).toBe(first.json().ingestId);
    // a later delivery on the same key's partition shows everything before it has arrived
    const marker = await postWire(ingest.url, 'marker', { 'Idempotency-Key': key, 'X-Wire-Source': 'marker' });
    await raw.waitFor((x) => x.headers['wd-ingest-id'] === marker.json().ingestId);
    expect(raw.messages.filter((x) => x.headers['wd-ingest-id'] === first.json().ingestId)).toHaveLength(1);
    expect(raw.messages.find((x) => x.headers['wd-ingest-id'] === first.json().ingestId)?.key?.toString()).toBe(key);
  });

  it('takes a dropped file once it is complete, produces it, and moves it to processed/', async () => {
    await fs.mkdir(join(dropDir, 'afp-fr'), { recursive: true });
    await fs.writeFile(join(dropDir, 'afp-fr', 'nato.txt.part'), seed);
    await fs.rename(join(dropDir, 'afp-fr', 'nato.txt.part'), join(dropDir, 'afp-fr', 'nato.txt'));
    const m = await raw.waitFor((x) => x.headers['wd-channel'] === 'folder' && x.headers['wd-filename'] === 'nato.txt');
    expect(m.value).toEqual(seed);
    expect(m.headers['wd-source']).toBe('afp-fr');
    expect(m.headers['wd-ingest-id']).toMatch(UUID);
    await eventually(
      () =>
        fs.access(join(dropDir, 'processed', 'afp-fr', 'nato.txt')).then(
          () => true,
          () => false,
        ),
      10000,
      'processed/afp-fr/nato.txt',
    );
    await expect(fs.access(join(dropDir, 'afp-fr', 'nato.txt'))).rejects.toThrow();
  });

  it('moves a file it cannot accept to failed/ with an .error.json saying why', async () => {
    await fs.writeFile(join(dropDir, 'empty.xml'), '');
    const report = await eventually(
      () => fs.readFile(join(dropDir, 'failed', 'empty.xml.error.json'), 'utf8').catch(() => undefined),
      10000,
      'failed/empty.xml.error.json',
    );
    expect(JSON.parse(report)).toMatchObject({ code: 'EMPTY_INPUT', file: 'empty.xml' });
    await expect(fs.access(join(dropDir, 'failed', 'empty.xml'))).resolves.toBeUndefined();
  });

  it('serves health and metrics', async () => {
    expect((await http(`${ingest.url}/health/live`)).status).toBe(200);
    const ready = await http(`${ingest.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', checks: { kafka: { ok: true }, 'drop-folder': { ok: true } } });
    const metrics = await http(`${ingest.url}/metrics`);
    expect(metrics.text).toContain('wiredesk_items_ingested_total{channel="http"}');
    expect(metrics.text).toContain('wiredesk_items_ingested_total{channel="folder"}');
  });
});

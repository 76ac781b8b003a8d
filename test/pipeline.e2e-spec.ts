// The services end to end over the real Kafka: ingest → wire.raw → normalizer → wire.parsed → enricher →
// articles.normalized, and bad input → wire.dlq while the pipeline keeps going.
import { mkdtempSync, promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateNinjs, type Ninjs } from '@wiredesk/ninjs';
import { nameBasedUuid } from '@wiredesk/messaging';
import { EnricherModule } from '../apps/enricher/src/enricher.module';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { NormalizerModule } from '../apps/normalizer/src/normalizer.module';
import { startApp, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { http, postWire } from './support/http';
import { TopicReader, testKafka, testProducer, type ReadMessage } from './support/kafka';
import { eventually } from './support/wait';

const seed = readFileSync(join(__dirname, 'fixtures/seed/afp-us-nato-cyber.txt'));
const HEADLINE = 'US to let NATO use its cyber defence skills';

const articleOf = (m: ReadMessage) => JSON.parse(m.value!.toString('utf8')) as Ninjs;
const headlineOf = (m: ReadMessage) => articleOf(m).headlines?.find((h) => h.role === 'main')?.value;

describe('pipeline (ingest → normalizer → enricher → articles.normalized)', () => {
  const dropDir = mkdtempSync(join(tmpdir(), 'wd-e2e-pipeline-'));
  const config = e2eConfig('pipeline', {
    WIRE_DROP_DIR: dropDir,
    WIRE_DROP_POLL_MS: '100',
    WIRE_DROP_STABLE_MS: '200',
  });
  const kafka = testKafka(config.kafkaBrokers);
  const apps: RunningApp[] = [];
  let ingestUrl: string;
  let articles: TopicReader;
  let dlq: TopicReader;

  beforeAll(async () => {
    const ingest = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false });
    apps.push(ingest);
    apps.push(await startApp('normalizer', NormalizerModule.forRoot(config)));
    apps.push(await startApp('enricher', EnricherModule.forRoot(config)));
    ingestUrl = ingest.url;
    articles = await new TopicReader(kafka, config.topics.articles).start();
    dlq = await new TopicReader(kafka, config.topics.dlq).start();
  });

  afterAll(async () => {
    await articles?.stop();
    await dlq?.stop();
    for (const app of apps.reverse()) await app.close();
    await fs.rm(dropDir, { recursive: true, force: true });
  });

  it('turns the POSTed seed into a ninjs 3.1 article on articles.normalized, keyed by uri', async () => {
    const res = await postWire(ingestUrl, seed, {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Wire-Source': 'afp-en',
    });
    expect(res.status).toBe(202);
    const { ingestId } = res.json<{ ingestId: string }>();
    const m = await articles.waitFor((x) => x.headers['wd-ingest-id'] === ingestId, 90000, 'the seed article');
    const article = articleOf(m);
    expect(headlineOf(m)).toBe(HEADLINE);
    expect(validateNinjs(article)).toEqual({ valid: true, errors: [] });
    expect(m.key?.toString()).toBe(article.uri);
    expect(m.headers).toMatchObject({
      'wd-event': 'created',
      'wd-source': 'afp-en',
      'wd-schema': 'ninjs/3.1',
      'wd-content-hash': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // enriched on the way: the entities and summary come from the enricher, not the parser
    expect(article.people?.map((p) => p.name)).toContain('Jens Stoltenberg');
    expect(article.organisations?.map((o) => o.name)).toContain('NATO');
    expect(article.descriptions?.some((d) => d.role === 'summary')).toBe(true);
    const details = JSON.parse(m.headers['wd-enrichment']);
    expect(details.source.format).toBe('text');
    expect(details.enrichment.language).toBe('en');
  });

  it('turns a raw message produced straight to wire.raw, without headers, into an article', async () => {
    const producer = await testProducer(kafka);
    try {
      const [meta] = await producer.send({ topic: config.topics.wireRaw, messages: [{ value: seed }] });
      // a headerless message is known by an id derived from its position
      const ingestId = nameBasedUuid(`kafka:${config.topics.wireRaw}/${meta.partition}/${meta.baseOffset}`);
      const m = await articles.waitFor((x) => x.headers['wd-ingest-id'] === ingestId, 60000, 'the Kafka-fed article');
      expect(headlineOf(m)).toBe(HEADLINE);
    } finally {
      await producer.disconnect();
    }
  });

  it('dead-letters binary junk with its exact bytes and an error code, and keeps processing', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = i % 7 === 0 ? 0 : (i * 131 + 17) % 256;
    const bad = await postWire(ingestUrl, junk, {
      'Content-Type': 'application/octet-stream',
      'X-Wire-Source': 'junk',
    });
    expect(bad.status).toBe(202);
    const badId = bad.json().ingestId;
    const good = await postWire(ingestUrl, seed, { 'X-Wire-Source': 'after-junk' });
    const goodId = good.json().ingestId;

    const dead = await dlq.waitFor((x) => x.headers['wd-ingest-id'] === badId, 60000, 'the junk dead letter');
    expect(dead.value).toEqual(junk);
    expect(dead.headers).toMatchObject({
      'wd-error-stage': 'normalize',
      'wd-error-code': expect.stringMatching(/^[A-Z_]+$/),
      'wd-error-message': expect.any(String),
      'wd-original-topic': config.topics.wireRaw,
      'wd-original-partition': expect.stringMatching(/^\d+$/),
      'wd-original-offset': expect.stringMatching(/^\d+$/),
      'wd-attempts': '1',
      'wd-source': 'junk',
      'wd-channel': 'http',
    });
    const next = await articles.waitFor(
      (x) => x.headers['wd-ingest-id'] === goodId,
      60000,
      'the article after the junk',
    );
    expect(headlineOf(next)).toBe(HEADLINE);
    expect(articles.messages.some((x) => x.headers['wd-ingest-id'] === badId)).toBe(false);
  });

  it('turns a dropped file into an article and moves the file to processed/', async () => {
    await fs.mkdir(join(dropDir, 'afp-drop'), { recursive: true });
    await fs.writeFile(join(dropDir, 'afp-drop', 'nato.txt'), seed);
    const m = await articles.waitFor((x) => x.headers['wd-source'] === 'afp-drop', 60000, 'the dropped-file article');
    expect(headlineOf(m)).toBe(HEADLINE);
    await eventually(
      () =>
        fs.access(join(dropDir, 'processed', 'afp-drop', 'nato.txt')).then(
          () => true,
          () => false,
        ),
      10000,
      'processed/afp-drop/nato.txt',
    );
  });

  it('reports every service ready, and the pipeline metrics', async () => {
    for (const app of apps) {
      const ready = await http(`${app.url}/health/ready`);
      expect(ready.status).toBe(200);
    }
    const metrics = await http(`${apps[1].url}/metrics`);
    expect(metrics.text).toMatch(/wiredesk_dead_lettered_total\{code="[A-Z_]+",stage="normalize"\} [1-9]/);
    expect(metrics.text).toContain('wiredesk_batch_size_bucket');
    expect(metrics.text).toContain('wiredesk_stage_duration_seconds_bucket');
  });
});

/**
 * The whole stack over the real Kafka and store, as a wire producer and a downstream reader see it:
 * HTTP → ingest → normalizer → enricher → archive → MongoDB → GET /v1/articles. Each test starts from raw copy and
 * ends at the query API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { validateNinjs, type Ninjs } from '@wiredesk/ninjs';
import { EnricherModule } from '../apps/enricher/src/enricher.module';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { NormalizerModule } from '../apps/normalizer/src/normalizer.module';
import { startApp, startArchive, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { http, postWire } from './support/http';
import { TopicReader, testKafka, testProducer, type ReadMessage } from './support/kafka';
import { eventually } from './support/wait';

const seed = readFileSync(join(__dirname, 'fixtures/seed/afp-us-nato-cyber.txt'));
const HEADLINE = 'US to let NATO use its cyber defence skills';
const enc = encodeURIComponent;
const headlineOf = (m: ReadMessage) =>
  (JSON.parse(m.value!.toString('utf8')) as Ninjs).headlines?.find((h) => h.role === 'main')?.value;

interface ArticlePage {
  items: Ninjs[];
  next?: string | null;
}

describe('the stack end to end (HTTP → Kafka → MongoDB → query API)', () => {
  const config = e2eConfig('stack');
  const dbName = `wd_stack_e2e_${config.suffix.replace(/\W/g, '_')}`;
  const kafka = testKafka(config.kafkaBrokers);
  const apps: RunningApp[] = [];
  let archive: INestApplication;
  let connection: Connection;
  let ingestUrl: string;
  let archiveUrl: string;
  let dlq: TopicReader;
  let articles: TopicReader;

  const get = (path: string) => http(`${archiveUrl}${path}`);
  const search = async (q: string) => (await get(`/v1/articles?q=${enc(q)}`)).json<ArticlePage>().items;

  beforeAll(async () => {
    const ingest = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false });
    apps.push(ingest);
    apps.push(await startApp('normalizer', NormalizerModule.forRoot(config)));
    apps.push(await startApp('enricher', EnricherModule.forRoot(config)));
    ingestUrl = ingest.url;
    ({ app: archive, url: archiveUrl } = await startArchive(config, dbName));
    connection = archive.get(getConnectionToken());
    dlq = await new TopicReader(kafka, config.topics.dlq).start();
    articles = await new TopicReader(kafka, config.topics.articles).start();
    await eventually(async () => (await get('/health/ready')).status === 200, 60000, 'archive ready');
  });

  afterAll(async () => {
    await dlq?.stop();
    await articles?.stop();
    await connection?.db?.dropDatabase().catch(() => undefined);
    await archive?.close();
    for (const app of apps.reverse()) await app.close();
  });

  it('stores the POSTed seed and serves it from the query API as valid ninjs 3.1', async () => {
    const res = await postWire(ingestUrl, seed, { 'Content-Type': 'text/plain', 'X-Wire-Source': 'afp-en' });
    expect(res.status).toBe(202);

    const [listed] = await eventually(
      async () => {
        const items = await search('cyber NATO');
        return items.length > 0 ? items : undefined;
      },
      90000,
      'the seed in the archive',
    );
    expect(listed.headlines?.find((h) => h.role === 'main')?.value).toBe(HEADLINE);

    const one = await get(`/v1/articles/${enc(listed.uri)}`);
    expect(one.status).toBe(200);
    const article = one.json<Ninjs>();
    expect(validateNinjs(article)).toEqual({ valid: true, errors: [] });
    expect(article.located).toBe('Brussels');
    expect(article.people?.map((p) => p.name)).toContain('Jens Stoltenberg');
    expect(article.places?.map((p) => p.name)).toEqual(expect.arrayContaining(['Brussels', 'Estonia']));

    // the raw copy is kept by ingest id, byte for byte
    const { ingestId } = res.json<{ ingestId: string }>();
    const raw = await eventually(
      async () => {
        const r = await get(`/v1/raw/${enc(ingestId)}`);
        return r.status === 200 ? r : undefined;
      },
      30000,
      'the raw copy',
    );
    expect(raw.text).toContain('BRUSSELS');
  });

  it('stores a raw message produced straight to wire.raw, without any headers', async () => {
    const producer = await testProducer(kafka);
    const story = seed
      .toString('utf8')
      .replace('US to let NATO use its cyber defence skills', 'Baltic states ask NATO for cyber help')
      .replace('The United States is expected', 'The Baltic states are expected');
    await producer.send({ topic: config.topics.wireRaw, messages: [{ value: Buffer.from(story) }] });
    await producer.disconnect();

    const items = await eventually(
      async () => {
        const found = await search('Baltic cyber');
        return found.some((a) => a.headlines?.[0]?.value === 'Baltic states ask NATO for cyber help')
          ? found
          : undefined;
      },
      90000,
      'the Kafka-produced story in the archive',
    );
    expect(items.length).toBeGreaterThan(0);
  });

  it('keeps one article when the same copy arrives twice, through HTTP and through Kafka', async () => {
    const story = Buffer.from(
      seed
        .toString('utf8')
        .replace('US to let NATO use its cyber defence skills', 'Denmark pledges cyber experts to NATO')
        .replace('The United States is expected', 'Denmark is expected'),
    );
    expect((await postWire(ingestUrl, story, { 'X-Wire-Source': 'afp-en' })).status).toBe(202);
    const producer = await testProducer(kafka);
    await producer.send({ topic: config.topics.wireRaw, messages: [{ value: story }] });
    await producer.disconnect();

    // both deliveries go all the way through the pipeline, as the same story with the same content …
    const published = await eventually(
      async () => {
        const found = articles.messages.filter(
          (m) => m.headers['wd-content-hash'] && headlineOf(m) === 'Denmark pledges cyber experts to NATO',
        );
        return found.length >= 2 ? found : undefined;
      },
      90000,
      'both deliveries on articles.normalized',
    );
    expect(new Set(published.map((m) => m.key?.toString())).size).toBe(1);
    expect(new Set(published.map((m) => m.headers['wd-content-hash'])).size).toBe(1);
    // … and the archive keeps one article with one version
    const matches = await eventually(
      async () => {
        const found = (await search('Denmark pledges')).filter(
          (a) => a.headlines?.[0]?.value === 'Denmark pledges cyber experts to NATO',
        );
        return found.length > 0 ? found : undefined;
      },
      90000,
      'the story in the archive',
    );
    await new Promise((r) => setTimeout(r, 2000));
    const again = (await search('Denmark pledges')).filter(
      (a) => a.headlines?.[0]?.value === 'Denmark pledges cyber experts to NATO',
    );
    expect(again).toHaveLength(1);
    expect(again[0].uri).toBe(matches[0].uri);
    const versions = await get(`/v1/articles/${enc(again[0].uri)}/versions`);
    expect(versions.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('answers an empty body with 400 problem+json, and binary junk ends in wire.dlq with its bytes', async () => {
    const empty = await postWire(ingestUrl, Buffer.alloc(0), { 'Content-Type': 'text/plain' });
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    expect(empty.json<{ code: string }>().code).toBe('EMPTY_INPUT');

    const junk = Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x80, 0x81, 0, 7, 8, 0, 0x9b, 0x9c, 0, 1, 2, 3, 0, 0]);
    const res = await postWire(ingestUrl, junk, { 'Content-Type': 'application/octet-stream' });
    expect(res.status).toBe(202);
    const { ingestId } = res.json<{ ingestId: string }>();
    const dead = await dlq.waitFor((m) => m.headers['wd-ingest-id'] === ingestId, 60000, 'the junk in wire.dlq');
    expect(Buffer.compare(dead.value!, junk)).toBe(0);
    expect(dead.headers['wd-error-code']).toBe('BINARY_INPUT');
    expect(dead.headers['wd-error-stage']).toBe('normalize');

    // and the stack goes on: a good story after the junk is still stored
    const after = seed.toString('utf8').replace(HEADLINE, 'Latvia joins NATO cyber exercise');
    expect((await postWire(ingestUrl, Buffer.from(after), {})).status).toBe(202);
    await eventually(
      async () => {
        const found = await search('Latvia exercise');
        return found.some((a) => a.headlines?.[0]?.value === 'Latvia joins NATO cyber exercise') || undefined;
      },
      90000,
      'the story after the junk',
    );
  });
});

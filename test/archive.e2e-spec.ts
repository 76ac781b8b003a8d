/**
 * The archive service against the real Kafka and store: articles.normalized and wire.raw consumed and stored
 * idempotently, kills applied and announced, and the query API (filters, paging, ranking, tags, raw copies, ETags,
 * problem+json, operator injection, OpenAPI, health).
 */
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Kafka, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { contentHash, type Ninjs } from '@wiredesk/ninjs';
import { startExampleConsumer } from '../examples/consumer/src/consumer';
import { killOf, ninjsOf, seededStories } from '../libs/storage/testing/article-fixtures';
import { startArchive } from './support/apps';
import { articleRecord } from './support/articles';
import { e2eConfig } from './support/e2e-config';
import { http, type HttpResult } from './support/http';
import { testKafka, testProducer, TopicReader } from './support/kafka';
import { eventually } from './support/wait';

const config = e2eConfig('archive');
const DB_NAME = `wd_archive_e2e_${config.suffix.replace(/\W/g, '_')}`;
const PREFIX = `urn:e2e-archive:${config.suffix}`;

/** As the enricher writes it, with enrichment details whose odd key the archive must store safely. */
const ENRICHMENT = JSON.stringify({ source: { format: 'text' }, enrichment: { 'odd.key': 1, mentions: [] } });
const enrichedRecord = (ninjs: Ninjs, headers: Record<string, string> = {}) =>
  articleRecord(ninjs, { 'wd-enrichment': ENRICHMENT, ...headers });

const enc = encodeURIComponent;

describe('archive service (real Kafka and store)', () => {
  let app: INestApplication;
  let base: string;
  let kafka: Kafka;
  let producer: Producer;
  let articlesTopic: TopicReader;
  let dlq: TopicReader;
  let connection: Connection;

  const get = (path: string, headers: Record<string, string> = {}) => http(`${base}${path}`, { headers });
  const send = (records: ReturnType<typeof articleRecord>[]) =>
    producer.send({ topic: config.topics.articles, messages: records });
  const versionsOf = async (uri: string) => {
    const res = await get(`/v1/articles/${enc(uri)}/versions`);
    return res.status === 200 ? res.json<{ items: { version: number; pubStatus: string }[] }>().items : [];
  };

  beforeAll(async () => {
    ({ app, url: base } = await startArchive(config, DB_NAME));
    connection = app.get(getConnectionToken());
    kafka = testKafka(config.kafkaBrokers);
    producer = await testProducer(kafka);
    articlesTopic = await new TopicReader(kafka, config.topics.articles).start();
    dlq = await new TopicReader(kafka, config.topics.dlq).start();
    await eventually(async () => (await get('/health/ready')).status === 200, 60000, 'archive ready');
  });

  afterAll(async () => {
    await articlesTopic?.stop();
    await dlq?.stop();
    await producer?.disconnect();
    await connection?.db?.dropDatabase().catch(() => undefined);
    await app?.close();
  });

  describe('consuming', () => {
    it('stores the same article delivered twice once', async () => {
      const doc = ninjsOf({
        uri: `${PREFIX}:twice`,
        versionCreated: '2024-04-01T10:00:00Z',
        headline: 'Harbour strike ends after talks',
        paragraphs: ['Dock workers returned to work on Monday after a week-long strike.'],
      });
      await send([enrichedRecord(doc), enrichedRecord(doc, { 'wd-ingest-id': 'second-channel' })]);
      await send([enrichedRecord(doc)]);
      const stored = await eventually(
        async () => {
          const res = await get(`/v1/articles/${enc(doc.uri)}`);
          return res.status === 200 ? res.json<Ninjs>() : undefined;
        },
        60000,
        'the article',
      );
      expect(stored).toEqual(doc);
      // a later message on the same story (same partition) proves the duplicates before it were consumed
      const marker = { ...doc, version: '2', headlines: [{ role: 'main', value: 'Harbour strike over' }] };
      await send([enrichedRecord(marker)]);
      await eventually(async () => (await versionsOf(doc.uri)).length === 2, 60000, 'version 2');
      expect(await connection.db!.collection('articles').countDocuments({ uri: doc.uri })).toBe(1);
      expect((await versionsOf(doc.uri)).map((v) => v.version)).toEqual([1, 2]);
    });

    it('serves a story whose uri is a URL (slashes, query string) by its URL-encoded id', async () => {
      const doc = ninjsOf({
        uri: `http://example.com/news/${config.suffix}/story-1?lang=en&v=2`,
        versionCreated: '2024-04-01T11:00:00Z',
        headline: 'Bridge reopens after repairs',
        paragraphs: ['The bridge reopened to traffic on Tuesday.'],
      });
      await send([enrichedRecord(doc)]);
      const res = await eventually(
        async () => {
          const r = await get(`/v1/articles/${enc(doc.uri)}`);
          return r.status === 200 ? r : undefined;
        },
        60000,
        'the story with a URL uri',
      );
      expect(res.json<Ninjs>().uri).toBe(doc.uri);
      expect((await get(`/v1/articles/${enc(doc.uri)}/versions`)).json<{ uri: string }>().uri).toBe(doc.uri);
    });

    it('keeps version 3 current and all three versions when they arrive 1, 3, 2', async () => {
      const uri = `${PREFIX}:order`;
      const version = (v: number) =>
        ninjsOf({
          uri,
          version: v,
          versionCreated: `2024-04-0${v}T10:00:00Z`,
          headline: `River level rises, update ${v}`,
          paragraphs: [`Update ${v} on the flood.`],
        });
      await send([1, 3, 2].map((v) => enrichedRecord(version(v))));
      await eventually(async () => (await versionsOf(uri)).length === 3, 60000, 'three versions');
      const current = (await get(`/v1/articles/${enc(uri)}`)).json<Ninjs>();
      expect(current.version).toBe('3');
      expect(current.headlines?.[0].value).toBe('River level rises, update 3');
    });

    it('applies a kill to the story and all versions, publishes one canceled event and does not loop on it', async () => {
      const uri = `${PREFIX}:kill`;
      const v1 = ninjsOf({
        uri,
        versionCreated: '2024-04-02T08:00:00Z',
        headline: 'Company reports record profit',
        paragraphs: ['The company said profit doubled.'],
      });
      const v2 = {
        ...v1,
        version: '2',
        versionCreated: '2024-04-02T09:00:00Z',
        headlines: [{ role: 'main', value: 'Company reports record annual profit' }],
      };
      const kill = killOf(v2, 3, '2024-04-02T10:00:00Z');
      await send([enrichedRecord(v1), enrichedRecord(v2), enrichedRecord(kill, { 'wd-ingest-id': 'kill-ingest' })]);

      const event = await articlesTopic.waitFor(
        (m) => m.key?.toString() === uri && m.headers['wd-emitter'] === 'archive',
        60000,
        'the canceled event',
      );
      expect(event.headers).toMatchObject({
        'wd-event': 'canceled',
        'wd-schema': 'ninjs/3.1',
        'wd-ingest-id': 'kill-ingest',
        'wd-source': 'afp-en',
      });
      const announced = JSON.parse(event.value!.toString()) as Ninjs;
      expect(announced).toMatchObject({ uri, pubStatus: 'canceled' });
      expect(event.headers['wd-content-hash']).toBe(contentHash(announced));

      expect((await get(`/v1/articles/${enc(uri)}`)).json<Ninjs>().pubStatus).toBe('canceled');
      expect((await versionsOf(uri)).map((v) => [v.version, v.pubStatus])).toEqual([
        [1, 'canceled'],
        [2, 'canceled'],
        [3, 'canceled'],
      ]);
      // a later version of the story lands on the same partition after the archive's own event: once it is stored,
      // that event has been consumed, and it must not have produced another one
      await send([enrichedRecord({ ...v2, version: '4', versionCreated: '2024-04-02T11:00:00Z' })]);
      await eventually(async () => (await versionsOf(uri)).length === 4, 60000, 'version 4');
      expect((await versionsOf(uri)).every((v) => v.pubStatus === 'canceled')).toBe(true);
      const ownEvents = articlesTopic.messages.filter(
        (m) => m.key?.toString() === uri && m.headers['wd-emitter'] === 'archive',
      );
      expect(ownEvents).toHaveLength(1);
    });

    it('dead-letters a message that is not a ninjs document, stage store, and keeps consuming', async () => {
      await producer.send({
        topic: config.topics.articles,
        messages: [
          { key: `${PREFIX}:junk`, value: '{"headline": "no uri here"}', headers: { 'wd-ingest-id': 'junk-1' } },
        ],
      });
      const letter = await dlq.waitFor((m) => m.headers['wd-ingest-id'] === 'junk-1', 60000, 'the dead letter');
      expect(letter.headers).toMatchObject({
        'wd-error-stage': 'store',
        'wd-error-code': 'INVALID_NINJS',
        'wd-original-topic': config.topics.articles,
      });
      expect(letter.value?.toString()).toBe('{"headline": "no uri here"}');
    });

    it('stores the raw copy of wire.raw by ingest id and serves it', async () => {
      const bytes = Buffer.from('BRUSSELS (AFP) -\u00a0The United States is expected...\n', 'utf8');
      await producer.send({
        topic: config.topics.wireRaw,
        messages: [
          {
            value: bytes,
            headers: {
              'wd-ingest-id': 'raw-e2e-1',
              'wd-source': 'afp-en',
              'wd-channel': 'http',
              'content-type': 'text/html; charset=utf-8',
              'wd-filename': '../../etc/passwd story.html',
              'wd-received-at': '2024-04-01T10:00:00Z',
            },
          },
        ],
      });
      const res = await eventually(
        async () => {
          const r = await get('/v1/raw/raw-e2e-1');
          return r.status === 200 ? r : undefined;
        },
        60000,
        'the raw copy',
      );
      const body = Buffer.from(await (await fetch(`${base}/v1/raw/raw-e2e-1`)).arrayBuffer());
      expect(body.equals(bytes)).toBe(true);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="passwd_story.html"');
      expect(res.headers.get('x-wire-content-type')).toBe('text/html; charset=utf-8');
      const meta = (await get('/v1/raw/raw-e2e-1/meta')).json<Record<string, unknown>>();
      expect(meta).toMatchObject({ ingestId: 'raw-e2e-1', size: bytes.length, source: 'afp-en', storage: 'inline' });
      expect((await get(`/v1/raw/raw-e2e-1`, { 'If-None-Match': res.headers.get('etag')! })).status).toBe(304);
      expect((await get('/v1/raw/unknown-id')).status).toBe(404);
    });
  });

  describe('query API', () => {
    const seedPrefix = `${PREFIX}:seed`;
    let seeded: Ninjs[];
    const uris = (res: HttpResult) =>
      res.json<{ items: Ninjs[] }>().items.map((a) => a.uri.slice(seedPrefix.length + 1));
    const list = (params: string) => get(`/v1/articles?${params}`);

    beforeAll(async () => {
      const stories = seededStories(seedPrefix);
      seeded = stories.map((s) => s.ninjs);
      await send(stories.map(({ ninjs, source }) => enrichedRecord(ninjs, { 'wd-source': source })));
      await eventually(
        async () => {
          const res = await get(`/v1/articles?limit=100&since=2024-03-01&until=2024-03-04`);
          return (
            res.json<{ items: Ninjs[] }>().items.filter((a) => a.uri.startsWith(seedPrefix)).length === seeded.length
          );
        },
        90000,
        'the seeded stories',
      );
    });

    const inWindow = 'since=2024-03-01&until=2024-03-04';

    it('filters by person, organisation, place and subject (name, URI or qcode)', async () => {
      expect(uris(await list(`${inWindow}&person=Jens%20Stoltenberg`))).toEqual([
        'brussels-summit',
        'stoltenberg-visit',
        'nato-cyber',
      ]);
      expect(uris(await list(`${inWindow}&person=${enc('http://www.wikidata.org/entity/Q57313')}`))).toHaveLength(3);
      expect(uris(await list(`${inWindow}&organisation=nato`))).toEqual([
        'brussels-summit',
        'withheld',
        'stoltenberg-visit',
        'nato-estonia',
        'nato-cyber',
      ]);
      expect(uris(await list(`${inWindow}&place=${enc('http://cv.iptc.org/newscodes/iso3166-1a2/dk')}`))).toEqual([
        'football',
        'storm-denmark',
        'nato-cyber',
      ]);
      const byQcode = uris(await list(`${inWindow}&subject=medtop:20000763`));
      expect(byQcode).toEqual(['cyber-bank', 'nato-estonia', 'nato-cyber']);
      expect(
        uris(await list(`${inWindow}&subject=${enc('http://cv.iptc.org/newscodes/mediatopic/20000763')}`)),
      ).toEqual(byQcode);
    });

    it('filters by language, source, pubStatus and time window', async () => {
      expect(uris(await list(`${inWindow}&language=fr`))).toEqual(['bce-taux']);
      expect(uris(await list(`${inWindow}&source=dpa-de`))).toEqual(['ezb-zinsen']);
      expect(uris(await list(`${inWindow}&pubStatus=withheld`))).toEqual(['withheld']);
      expect(uris(await list(`since=2024-03-02T08:00:00Z&until=2024-03-02T09:00:00Z`))).toEqual([
        'ecb-rates',
        'bce-taux',
      ]);
    });

    it('searches words in headline and body, ranked, and can sort the matches by time instead', async () => {
      expect(uris(await list(`${inWindow}&q=cyber`))).toEqual([
        'cyber-bank',
        'nato-estonia',
        'nato-cyber',
        'brussels-summit',
      ]);
      expect(uris(await list(`${inWindow}&q=cyber&sort=newest`))).toEqual([
        'brussels-summit',
        'cyber-bank',
        'nato-estonia',
        'nato-cyber',
      ]);
      // every word must occur; all three in the headline ranks first
      expect(uris(await list(`${inWindow}&q=${enc('NATO cyber defences')}`))).toEqual([
        'nato-cyber',
        'nato-estonia',
        'brussels-summit',
      ]);
    });

    it('pages newest first with a stable cursor, every story exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: HttpResult = await list(`${inWindow}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        const page = res.json<{ items: Ninjs[]; next: string | null }>();
        seen.push(...page.items.map((a) => a.uri));
        cursor = page.next;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      const expected = [...seeded]
        .sort((a, b) => b.versionCreated!.localeCompare(a.versionCreated!) || (a.uri < b.uri ? 1 : -1))
        .map((a) => a.uri);
      expect(seen).toEqual(expected);
      // the same-second stories (ecb-rates, bce-taux) are ordered by uri, so no page boundary can split them unstably
      const first = (await list(`${inWindow}&limit=5`)).json<{ next: string }>();
      expect((await list(`language=fr&limit=5&cursor=${first.next}`)).status).toBe(400);
    });

    it('selects fields', async () => {
      const page = (await list(`${inWindow}&limit=2&fields=headlines,version`)).json<{
        items: Record<string, unknown>[];
      }>();
      for (const item of page.items) expect(Object.keys(item).sort()).toEqual(['headlines', 'uri', 'version']);
    });

    it('counts the most frequent tags over a window', async () => {
      const res = await get('/v1/tags/places?since=2024-03-01&until=2024-03-04&limit=3');
      expect(res.status).toBe(200);
      const tags = res.json<{ items: { name: string; count: number }[] }>();
      expect(tags.items[0]).toEqual({ name: 'Frankfurt', uri: 'http://www.wikidata.org/entity/Q1794', count: 4 });
      const people = (await get('/v1/tags/people?since=2024-03-01&until=2024-03-04')).json<{ items: unknown[] }>();
      expect(people.items).toEqual([
        { name: 'Jens Stoltenberg', uri: 'http://www.wikidata.org/entity/Q57313', count: 3 },
      ]);
      expect((await get('/v1/tags/animals')).status).toBe(400);
    });

    it('answers 304 to a matching If-None-Match and a new ETag when the story changes', async () => {
      const uri = seeded[0].uri;
      const first = await get(`/v1/articles/${enc(uri)}`);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"\s]+"$/); // strong (no W/), opaque
      const again = await get(`/v1/articles/${enc(uri)}`, { 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      const listEtag = (await list(`${inWindow}&limit=3`)).headers.get('etag')!;
      expect((await list(`${inWindow}&limit=3`)).headers.get('etag')).toBe(listEtag);
      expect((await get(`/v1/articles?${inWindow}&limit=3`, { 'If-None-Match': listEtag })).status).toBe(304);

      await send([
        enrichedRecord({ ...seeded[0], version: '2', headlines: [{ role: 'main', value: 'Updated headline' }] }),
      ]);
      await eventually(async () => (await get(`/v1/articles/${enc(uri)}`, { 'If-None-Match': etag })).status === 200);
    });

    it('answers unknown stories with a 404 problem', async () => {
      const res = await get(`/v1/articles/${enc('urn:nope:1')}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        title: expect.any(String),
        type: expect.any(String),
      });
      expect((await get(`/v1/articles/${enc('urn:nope:1')}/versions`)).status).toBe(404);
    });

    it('refuses query parameters that could become MongoDB operators, with a 400 problem', async () => {
      for (const query of [
        'person[$ne]=x',
        'person[%24ne]=x',
        'person=a&person=b',
        'since[$gt]=2020-01-01',
        '$where=1',
        'fields=$where',
        'cursor=eyIkbmUiOjF9',
        'limit[$gt]=1',
        'q[$regex]=.*',
      ]) {
        const res = await get(`/v1/articles?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const body = res.json<{ type: string; title: string; status: number; detail: string; code: string }>();
        expect(body).toMatchObject({ status: 400, code: 'INVALID_PARAMETER' });
        expect(body.type).toMatch(/^https?:\/\//);
        expect(body.detail.length).toBeGreaterThan(0);
      }
      // a value that looks like an operator is only ever a value
      const literal = await get(`/v1/articles?person=${enc('{"$ne":null}')}`);
      expect(literal.status).toBe(200);
      expect(literal.json<{ items: unknown[] }>().items).toEqual([]);
    });

    it('explains bad values precisely', async () => {
      const res = await get('/v1/articles?limit=500&since=yesterday&language=english!');
      expect(res.status).toBe(400);
      const body = res.json<{ errors: { parameter: string }[] }>();
      expect(body.errors.map((e) => e.parameter).sort()).toEqual(['language', 'limit', 'since']);
    });
  });

  describe('example consumer (docs/consumers.md)', () => {
    it('ends with the same state of every story as the archive, kills included', async () => {
      const consumer = await startExampleConsumer({
        brokers: config.kafkaBrokers,
        topic: config.topics.articles,
        groupId: `example-${config.suffix}`,
        onChange: () => undefined,
      });
      try {
        const stories = ['twice', 'order', 'kill'].map((name) => `${PREFIX}:${name}`);
        for (const uri of stories) {
          const archived = (await get(`/v1/articles/${enc(uri)}`)).json<Ninjs>();
          const canceled = archived.pubStatus === 'canceled';
          const view = await eventually(
            () => {
              const v = consumer.ledger.get(uri);
              return v && v.canceled === canceled ? v : undefined;
            },
            60000,
            `the example consumer's view of ${uri}`,
          );
          if (!canceled) {
            expect(view.version).toBe(String(archived.version));
            expect(view.contentHash).toBe(contentHash(archived));
          }
        }
        expect(consumer.ledger.get(`${PREFIX}:order`)?.version).toBe('3');
        expect(consumer.ledger.get(`${PREFIX}:kill`)?.canceled).toBe(true);
      } finally {
        await consumer.stop();
      }
    });
  });

  describe('service', () => {
    it('serves the OpenAPI document generated from the code, listing every path', async () => {
      const res = await get('/docs-json');
      expect(res.status).toBe(200);
      const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/v1/articles',
          '/v1/articles/{id}',
          '/v1/articles/{id}/versions',
          '/v1/raw/{ingestId}',
          '/v1/tags/{kind}',
        ]),
      );
      const listParams = (doc.paths['/v1/articles'].get as { parameters: { name: string }[] }).parameters.map(
        (p) => p.name,
      );
      expect(listParams).toEqual(expect.arrayContaining(['person', 'organisation', 'place', 'subject', 'q', 'cursor']));
      const ui = await get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger');
    });

    it('is live and ready (Kafka and the store answer)', async () => {
      expect((await get('/health/live')).status).toBe(200);
      const ready = await get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.json<{ checks: Record<string, unknown> }>().checks).toMatchObject({
        kafka: { ok: true },
        store: { ok: true },
      });
    });
  });
});

/**
 * libs/storage against the real store (FerretDB in development and CI, MongoDB where MONGO_URL points at one):
 * idempotency under replays, versions out of order, kills, raw copies with GridFS, and the indexes of the queries.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import {
  ArticleRepository,
  RawRepository,
  RAW_INLINE_MAX_BYTES,
  StorageModule,
  type ArticleOutcome,
} from '@wiredesk/storage';
import { incoming, killOf, ninjsOf, seededStories } from '../libs/storage/testing/article-fixtures';
import { TimelineBackfill } from '../libs/storage/src/timeline/timeline-backfill';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/wiredesk';
const DB_NAME = `wd_storage_e2e_${process.pid}_${Date.now()}`;

const story = (uri: string, version: number, headline: string) =>
  ninjsOf({
    uri,
    version,
    versionCreated: `2024-05-0${Math.min(version, 9)}T10:00:00Z`,
    headline,
    paragraphs: [`${headline}, officials said on day ${version}.`],
  });

const kinds = (outcomes: ArticleOutcome[]) => outcomes.map((o) => o.outcome);

describe('storage (real store)', () => {
  let moduleRef: INestApplicationContext;
  let articles: ArticleRepository;
  let raw: RawRepository;
  let connection: Connection;

  beforeAll(async () => {
    moduleRef = await NestFactory.createApplicationContext(StorageModule.forRoot({ uri: MONGO_URL, dbName: DB_NAME }), {
      logger: ['error', 'warn'],
    });
    articles = moduleRef.get(ArticleRepository);
    raw = moduleRef.get(RawRepository);
    connection = moduleRef.get(getConnectionToken());
  });

  afterAll(async () => {
    await connection?.db?.dropDatabase().catch(() => undefined);
    await moduleRef?.close();
  });

  const count = (collection: string, filter: Record<string, unknown>) =>
    connection.db!.collection(collection).countDocuments(filter);

  it('stores the same Kafka message delivered twice once', async () => {
    const item = incoming(story('urn:test:twice', 1, 'Parliament passes budget'));
    expect(kinds(await articles.applyBatch([item]))).toEqual(['created']);
    expect(kinds(await articles.applyBatch([item]))).toEqual(['unchanged']);
    expect(kinds(await articles.applyBatch([item, item]))).toEqual(['unchanged', 'unchanged']);
    expect(await count('articles', { uri: 'urn:test:twice' })).toBe(1);
    expect(await count('article_versions', { uri: 'urn:test:twice' })).toBe(1);
  });

  it('treats the same story through two channels (same uri and content hash) as a no-op', async () => {
    const doc = story('urn:test:channels', 1, 'Central bank cuts rates');
    const viaHttp = incoming(doc, { ingestId: 'http-1', channel: 'http', source: 'afp-en' });
    const viaFolder = incoming(doc, { ingestId: 'folder-1', channel: 'folder', source: 'afp-en' });
    expect(kinds(await articles.applyBatch([viaHttp]))).toEqual(['created']);
    expect(kinds(await articles.applyBatch([viaFolder]))).toEqual(['unchanged']);
    const stored = await articles.findByUri('urn:test:channels');
    expect(stored?.ingest?.ingestId).toBe('http-1');
    expect(await count('article_versions', { uri: 'urn:test:channels' })).toBe(1);
  });

  it('keeps version 3 current when versions arrive 1, 3, 2, and keeps all three', async () => {
    const uri = 'urn:test:order';
    const [v1, v2, v3] = [1, 2, 3].map((v) => incoming(story(uri, v, `Flood warning, update ${v}`)));
    expect(kinds(await articles.applyBatch([v1]))).toEqual(['created']);
    expect(kinds(await articles.applyBatch([v3]))).toEqual(['updated']);
    expect(kinds(await articles.applyBatch([v2]))).toEqual(['stale']);
    const current = await articles.findByUri(uri);
    expect(current?.version).toBe(3);
    expect(current?.ninjs.headlines?.[0].value).toBe('Flood warning, update 3');
    expect((await articles.listVersions(uri)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('gives the same result for out-of-order versions inside one batch and for replays of it', async () => {
    const uri = 'urn:test:order-batch';
    const batch = [3, 1, 2].map((v) => incoming(story(uri, v, `Election count, update ${v}`)));
    expect(kinds(await articles.applyBatch(batch))).toEqual(['created', 'stale', 'stale']);
    expect(kinds(await articles.applyBatch(batch))).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect((await articles.findByUri(uri))?.version).toBe(3);
    expect(await count('article_versions', { uri })).toBe(3);
  });

  it('never lets an equal version with other content overwrite the stored one', async () => {
    const uri = 'urn:test:equal';
    await articles.applyBatch([incoming(story(uri, 1, 'First text'))]);
    const rival = incoming(story(uri, 1, 'Rival text with the same version'));
    // a different story under a stored version is a conflict for a person to look at (VERSION_CONFLICT), never an overwrite
    expect(kinds(await articles.applyBatch([rival]))).toEqual(['conflict']);
    expect((await articles.findByUri(uri))?.ninjs.headlines?.[0].value).toBe('First text');
  });

  it('lets the highest version win when writers in one process race', async () => {
    const uri = 'urn:test:race';
    const versions = [1, 2, 3, 4, 5, 6].map((v) => incoming(story(uri, v, `Race update ${v}`)));
    await Promise.all(versions.map((item) => articles.applyBatch([item])));
    expect((await articles.findByUri(uri))?.version).toBe(6);
    expect(await count('article_versions', { uri })).toBe(6);
    expect(await count('articles', { uri })).toBe(1);
  });

  it('cancels the story and every version on a kill, and reports the event until it is published', async () => {
    const uri = 'urn:test:kill';
    const v1 = story(uri, 1, 'Minister resigns');
    const v2 = story(uri, 2, 'Minister resigns over scandal');
    await articles.applyBatch([incoming(v1), incoming(v2)]);
    const kill = incoming(killOf(v2, 3, '2024-05-04T10:00:00Z'));

    const [outcome] = await articles.applyBatch([kill]);
    expect(outcome.outcome).toBe('canceled');
    expect(outcome.canceledArticle?.uri).toBe(uri);
    expect(outcome.canceledArticle?.pubStatus).toBe('canceled');

    const current = await articles.findByUri(uri);
    expect(current?.pubStatus).toBe('canceled');
    expect(current?.ninjs.pubStatus).toBe('canceled');
    const versions = await articles.listVersions(uri);
    expect(versions.map((v) => [v.version, v.pubStatus, v.ninjs.pubStatus])).toEqual([
      [1, 'canceled', 'canceled'],
      [2, 'canceled', 'canceled'],
      [3, 'canceled', 'canceled'],
    ]);
    expect(versions[0].originalPubStatus).toBe('usable');

    // a replay before the event was confirmed published reports it again (the event is never lost) ...
    expect(kinds(await articles.applyBatch([kill]))).toEqual(['canceled']);
    await articles.markCancelEventsPublished([uri]);
    // ... and after, the kill is a no-op
    expect(kinds(await articles.applyBatch([kill]))).toEqual(['unchanged']);
    // a version arriving after the kill is kept, canceled, and does not revive the story
    expect(kinds(await articles.applyBatch([incoming(story(uri, 4, 'Minister resigns, new detail'))]))).toEqual([
      'stale',
    ]);
    expect((await articles.findByUri(uri))?.pubStatus).toBe('canceled');
    expect(await count('article_versions', { uri, pubStatus: { $ne: 'canceled' } })).toBe(0);
    expect(await count('article_versions', { uri })).toBe(4);
  });

  it('applies a kill with a lower version than the current one without replacing the content', async () => {
    const uri = 'urn:test:late-kill';
    const v3 = story(uri, 3, 'Wildfire spreads');
    await articles.applyBatch([incoming(v3)]);
    const [outcome] = await articles.applyBatch([
      incoming(killOf(story(uri, 2, 'Wildfire'), 2, '2024-05-02T11:00:00Z')),
    ]);
    expect(outcome.outcome).toBe('canceled');
    const current = await articles.findByUri(uri);
    expect(current?.version).toBe(3);
    expect(current?.pubStatus).toBe('canceled');
    expect(current?.ninjs.headlines?.[0].value).toBe('Wildfire spreads');
    expect(await count('article_versions', { uri, pubStatus: 'canceled' })).toBe(2);
  });

  it('rejects what the store cannot hold, item by item, and stores the rest of the batch', async () => {
    const good = incoming(story('urn:test:good-neighbour', 1, 'Good article'));
    const noUri = { ...incoming(story('urn:test:x', 1, 'x')), ninjs: { headlines: [] } as never };
    const badVersion = incoming({ ...story('urn:test:bad-version', 1, 'Bad'), version: 7 as never });
    const outcomes = await articles.applyBatch([noUri, good, badVersion]);
    expect(kinds(outcomes)).toEqual(['rejected', 'created', 'rejected']);
    expect(outcomes[0].error).toMatch(/uri/);
    expect(await count('articles', { uri: 'urn:test:good-neighbour' })).toBe(1);
  });

  it('stores raw copies once by ingest id, large ones in GridFS, with their headers', async () => {
    const headers = [
      { name: 'wd-source', value: 'afp-en' },
      { name: 'x.dotted$header', value: 'kept as a pair' },
    ];
    const small = Buffer.from('BRUSSELS (AFP) - raw copy bytes \u00e9', 'utf8');
    const large = Buffer.alloc(RAW_INLINE_MAX_BYTES + 1024, 0x41);
    const items = [
      { ingestId: 'raw-small', bytes: small, headers, receivedAt: new Date('2024-05-01T00:00:00Z'), source: 'afp-en' },
      { ingestId: 'raw-large', bytes: large, headers: [], receivedAt: new Date('2024-05-01T00:00:01Z') },
    ];
    expect((await raw.saveBatch(items)).map((o) => o.outcome)).toEqual(['stored', 'stored']);
    expect((await raw.saveBatch(items)).map((o) => o.outcome)).toEqual(['stored', 'stored']);
    expect(await count('raw', {})).toBe(2);
    expect(await count('raw_files.files', {})).toBe(1);

    expect((await raw.readBytes('raw-small'))?.equals(small)).toBe(true);
    expect((await raw.readBytes('raw-large'))?.equals(large)).toBe(true);
    const meta = await raw.findMeta('raw-small');
    expect(meta).toMatchObject({ ingestId: 'raw-small', size: small.length, storage: 'inline', headers });
    expect((await raw.findMeta('raw-large'))?.storage).toBe('gridfs');
    expect(await raw.findMeta('nope')).toBeNull();
    expect((await raw.list({ source: 'afp-en', limit: 10 })).map((m) => m.ingestId)).toEqual(['raw-small']);
  });

  describe('queries', () => {
    beforeAll(async () => {
      const seeded = seededStories('urn:seed');
      await articles.applyBatch(seeded.map(({ ninjs, source }) => incoming(ninjs, { source })));
    });

    it('filters by entity name or URI, any case', async () => {
      const byName = await articles.list({ person: 'jens STOLTENBERG' }, { limit: 50 });
      const byUri = await articles.list({ person: 'http://www.wikidata.org/entity/Q57313' }, { limit: 50 });
      expect(byName.items.map((a) => a.uri)).toEqual([
        'urn:seed:brussels-summit',
        'urn:seed:stoltenberg-visit',
        'urn:seed:nato-cyber',
      ]);
      expect(byUri.items.map((a) => a.uri)).toEqual(byName.items.map((a) => a.uri));
    });

    it('ranks word matches, headline first', async () => {
      const page = await articles.search({ terms: ['cyber'] }, { limit: 10 });
      const uris = page.items.map((i) => i.article.uri);
      // headline matches first (newest first among equal scores), then the body-only match
      expect(uris).toEqual([
        'urn:seed:cyber-bank',
        'urn:seed:nato-estonia',
        'urn:seed:nato-cyber',
        'urn:seed:brussels-summit',
      ]);
      expect(page.items[0].score).toBeGreaterThan(page.items[3].score);
    });

    it('counts tags over a time window, merging spellings of the same entity', async () => {
      const window = { since: new Date('2024-03-01T00:00:00Z'), until: new Date('2024-03-04T00:00:00Z'), limit: 3 };
      const places = await articles.tagCounts('places', window);
      // Frankfurt (3 stories) and Francfort (1): one place, four stories, under the name most use
      expect(places[0]).toEqual({ name: 'Frankfurt', uri: 'http://www.wikidata.org/entity/Q1794', count: 4 });
      expect(places.slice(1).map((p) => p.count)).toEqual([3, 3]);
      const orgs = await articles.tagCounts('organisations', window);
      // the ECB appears under three names with one URI: counted once per story, under the most used name
      expect(orgs).toContainEqual({
        name: 'European Central Bank',
        uri: 'http://www.wikidata.org/entity/Q8901',
        count: 4,
      });
    });

    it('counts again what changed since the last count: a new story, then its kill', async () => {
      const window = { since: new Date('2024-03-01T00:00:00Z'), until: new Date('2024-03-04T00:00:00Z'), limit: 1 };
      const frankfurt = async () => (await articles.tagCounts('places', window))[0];
      expect(await frankfurt()).toMatchObject({ name: 'Frankfurt', count: 4 });
      // whole hours are kept between counts: a write to one of them must show
      const late = ninjsOf({
        uri: 'urn:seed:frankfurt-late',
        versionCreated: '2024-03-02T10:20:00Z',
        headline: 'Late news from Frankfurt',
        paragraphs: ['Bankers met in Frankfurt on Saturday.'],
        places: [['Frankfurt', 'http://www.wikidata.org/entity/Q1794']],
      });
      await articles.applyBatch([incoming(late, { source: 'afp-en' })]);
      expect(await frankfurt()).toMatchObject({ name: 'Frankfurt', count: 5 });
      await articles.applyBatch([incoming(killOf(late, 2, '2024-03-02T10:40:00Z'), { source: 'afp-en' })]);
      expect(await frankfurt()).toMatchObject({ name: 'Frankfurt', count: 4 });
    });

    it('builds the timeline again, from the stories, when it was written in an older shape', async () => {
      const before = await articles.list({ person: 'jens STOLTENBERG' }, { limit: 50 });
      const totals = await articles.totals();
      const timeline = connection.db!.collection<{ _id: string }>('timeline');
      // what an older archive left: hour buckets and directories of hours, format 1
      await timeline.deleteMany({});
      await timeline.insertOne({ _id: 'h:474000', m: ['["urn:old"]'] } as never);
      await connection
        .db!.collection<{ _id: string }>('counters')
        .updateOne({ _id: 'timeline-format' }, { $set: { n: 1 } }, { upsert: true });
      await moduleRef.get(TimelineBackfill).run();
      expect(await count('timeline', { _id: 'h:474000' })).toBe(0);
      expect(await articles.list({ person: 'jens STOLTENBERG' }, { limit: 50 })).toEqual(before);
      expect(await articles.totals()).toEqual(totals);
      // done once: a second start finds the current shape and leaves it
      await timeline.insertOne({ _id: 'b:1', m: [] } as never);
      await moduleRef.get(TimelineBackfill).run();
      expect(await count('timeline', { _id: 'b:1' })).toBe(1);
    });

    it('uses an index for the main queries where the store reports query plans', async () => {
      const queries = [
        {},
        { person: 'jens stoltenberg' },
        { subject: 'medtop:20000763' },
        { terms: ['cyber'] },
        { source: 'afp-en' },
      ];
      for (const query of queries) {
        const plan = await articles.explainList(query);
        const winning = (plan.queryPlanner as { winningPlan?: unknown } | undefined)?.winningPlan;
        if (winning === undefined) {
          // FerretDB answers with its backend's plan (SQLite) and no MongoDB plan stages: nothing to assert but that
          // the query was explained
          expect(plan.queryPlanner ?? plan).toBeDefined();
          continue;
        }
        expect(JSON.stringify(winning)).toContain('IXSCAN');
        expect(JSON.stringify(winning)).not.toContain('COLLSCAN');
      }
    });
  });
});

/**
 * `wiredesk replay` over the real stack: a story goes HTTP → ingest → normalizer → enricher → archive, then its stored
 * raw copy is replayed. The replay reaches wire.raw with the same ingest id and original headers (plus wd-replay),
 * goes through the pipeline again with the same content hash (the enricher passes wd-replay on), and the archive still
 * holds one article with one version. A better derivation of the same version, marked as a replay (what the enricher
 * emits after an improvement), replaces the stored content and keeps the earlier one in the version's revisions; an
 * unmarked one is ignored. A copy kept in GridFS replays byte for byte too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Producer } from 'kafkajs';
import { GridFSBucket, ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import { contentHash, type Ninjs } from '@wiredesk/ninjs';
import { RAW_COLLECTION, RAW_FILES_BUCKET } from '@wiredesk/storage';
import { replayCommand } from '../apps/cli/src/commands/replay.command';
import { EnricherModule } from '../apps/enricher/src/enricher.module';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { NormalizerModule } from '../apps/normalizer/src/normalizer.module';
import { startApp, startArchive, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { http, postWire } from './support/http';
import { TopicReader, testKafka, testProducer } from './support/kafka';
import { eventually } from './support/wait';

const HEADLINE = 'Finland offers NATO cyber range for drills';
const story = Buffer.from(
  readFileSync(join(__dirname, 'fixtures/seed/afp-us-nato-cyber.txt'), 'utf8')
    .replace('US to let NATO use its cyber defence skills', HEADLINE)
    .replace('The United States is expected', 'Finland is expected'),
);
const enc = encodeURIComponent;

describe('wiredesk replay over the real stack', () => {
  const config = e2eConfig('replay');
  const dbName = `wd_replay_e2e_${config.suffix.replace(/\W/g, '_')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGO_URL: config.mongoUrl,
    KAFKA_BROKERS: config.kafkaBrokers.join(','),
    TOPIC_WIRE_RAW: config.topics.wireRaw,
  };
  const kafka = testKafka(config.kafkaBrokers);
  const apps: RunningApp[] = [];
  let archive: INestApplication;
  let archiveUrl: string;
  let connection: Connection;
  let raw: TopicReader;
  let articles: TopicReader;
  let ingestId: string;
  let producer: Producer | undefined;

  const get = (path: string) => http(`${archiveUrl}${path}`);

  /** The archive's article consumer has committed everything on articles.normalized: it has seen the replay. */
  async function archiveCaughtUp(): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(
        async () => {
          const ends = await admin.fetchTopicOffsets(config.topics.articles);
          const [group] = await admin.fetchOffsets({
            groupId: `${config.consumerGroupPrefix}-archive`,
            topics: [config.topics.articles],
          });
          // an empty partition has nothing to commit (-1)
          return ends.every((end) => {
            const committed = Number(group.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            return end.high === end.low || committed >= Number(end.high);
          });
        },
        60000,
        'the archive to consume the replayed article',
      );
    } finally {
      await admin.disconnect();
    }
  }

  async function replay(...args: string[]) {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
    const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
    const code = await replayCommand([...args, '--db', dbName], { stdin: new PassThrough(), stdout, stderr }, env);
    return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  }

  beforeAll(async () => {
    const ingest = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false });
    apps.push(ingest);
    apps.push(await startApp('normalizer', NormalizerModule.forRoot(config)));
    apps.push(await startApp('enricher', EnricherModule.forRoot(config)));
    ({ app: archive, url: archiveUrl } = await startArchive(config, dbName));
    connection = archive.get(getConnectionToken());
    raw = await new TopicReader(kafka, config.topics.wireRaw).start();
    articles = await new TopicReader(kafka, config.topics.articles).start();
    await eventually(async () => (await get('/health/ready')).status === 200, 60000, 'archive ready');

    const res = await postWire(ingest.url, story, {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Wire-Source': 'replay-e2e',
      'X-Wire-Filename': 'finland.txt',
    });
    expect(res.status).toBe(202);
    ingestId = res.json<{ ingestId: string }>().ingestId;
    await articles.waitFor((m) => m.headers['wd-ingest-id'] === ingestId, 90000, 'the article');
    await eventually(async () => (await get(`/v1/raw/${enc(ingestId)}`)).status === 200, 60000, 'the raw copy');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await raw?.stop();
    await articles?.stop();
    await connection?.db?.dropDatabase().catch(() => undefined);
    await archive?.close();
    for (const app of apps.reverse()) await app.close();
  });

  it('--dry-run counts and lists what it would replay and produces nothing', async () => {
    const before = raw.messages.length;
    const r = await replay('--source', 'replay-e2e', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read 1, would produce 1, skipped 0, failed 0/);
    expect(r.stderr).toContain(`would replay ${ingestId}`);
    expect(r.stderr).toContain('finland.txt');
    const none = await replay('--source', 'no-such-feed', '--dry-run');
    expect(none.stdout).toMatch(/read 0, would produce 0/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(raw.messages.length).toBe(before);
  });

  it('produces the copy again with its ingest id and headers; the archive still has one article, one version', async () => {
    const original = raw.messages.find((m) => m.headers['wd-ingest-id'] === ingestId)!;
    const r = await replay('--source', 'replay-e2e', '--since', '1h');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read 1, produced 1, skipped 0, failed 0/);
    expect(r.stderr).toMatch(/1\/1 copies .* done/);

    const again = await raw.waitFor(
      (m) => m.headers['wd-ingest-id'] === ingestId && m.headers['wd-replay'] === 'true',
      30000,
      'the replayed copy on wire.raw',
    );
    expect(Buffer.compare(again.value!, story)).toBe(0);
    for (const name of ['wd-source', 'wd-channel', 'content-type', 'wd-filename', 'wd-received-at']) {
      expect(again.headers[name]).toBe(original.headers[name]);
    }
    expect(Date.parse(again.headers['wd-replayed-at'])).toBeGreaterThan(Date.parse(original.headers['wd-received-at']));

    // through the pipeline again: the same story, the same content hash …
    const published = await eventually(
      () => {
        const found = articles.messages.filter((m) => m.headers['wd-ingest-id'] === ingestId);
        return found.length >= 2 ? found : undefined;
      },
      90000,
      'the replayed article on articles.normalized',
    );
    expect(new Set(published.map((m) => m.key?.toString())).size).toBe(1);
    expect(new Set(published.map((m) => m.headers['wd-content-hash'])).size).toBe(1);
    // the enricher passes the replay mark on, and only for the replay
    expect(published.map((m) => m.headers['wd-replay'])).toEqual([undefined, 'true']);

    // … which the archive absorbs: one article, one version, one raw copy
    const uri = published[0].key!.toString();
    await archiveCaughtUp();
    const one = await get(`/v1/articles/${enc(uri)}`);
    expect(one.status).toBe(200);
    expect(one.json<Ninjs>().headlines?.[0]?.value).toBe(HEADLINE);
    const versions = await get(`/v1/articles/${enc(uri)}/versions`);
    expect(versions.json<{ items: unknown[] }>().items).toHaveLength(1);
    const listed = (await get(`/v1/articles?source=replay-e2e`)).json<{ items: Ninjs[] }>().items;
    expect(listed.filter((a) => a.uri === uri)).toHaveLength(1);
    expect(await connection.db!.collection(RAW_COLLECTION).countDocuments({ source: 'replay-e2e' })).toBe(1);
  });

  it('takes a better derivation of the same version from a replay, keeps the earlier one, and ignores an unmarked one', async () => {
    const original = articles.messages.find((m) => m.headers['wd-ingest-id'] === ingestId && !m.headers['wd-replay'])!;
    const uri = original.key!.toString();
    const first = JSON.parse(original.value!.toString('utf8')) as Ninjs;
    const firstHash = original.headers['wd-content-hash'];
    const derived = (headline: string): Ninjs => ({
      ...first,
      headlines: [{ ...first.headlines![0], value: headline }, ...first.headlines!.slice(1)],
    });
    /** the record the enricher would emit for this derivation of the same raw copy */
    const record = (ninjs: Ninjs, replay: boolean) => {
      const { 'wd-replay': _mark, ...headers } = original.headers;
      void _mark;
      return {
        key: uri,
        value: JSON.stringify(ninjs),
        headers: { ...headers, 'wd-content-hash': contentHash(ninjs), ...(replay ? { 'wd-replay': 'true' } : {}) },
      };
    };
    producer = await testProducer(kafka);
    const headlineOf = async () => (await get(`/v1/articles/${enc(uri)}`)).json<Ninjs>().headlines?.[0]?.value;
    type Versions = {
      items: {
        version: number;
        contentHash: string;
        article: Ninjs;
        revisions?: { contentHash: string; article?: Ninjs }[];
      }[];
    };
    const versionsOf = async () => (await get(`/v1/articles/${enc(uri)}/versions`)).json<Versions>().items;

    // the same version with other content and no replay mark: the first content of a version still wins
    await producer.send({ topic: config.topics.articles, messages: [record(derived('Unmarked other parse'), false)] });
    await archiveCaughtUp();
    expect(await headlineOf()).toBe(HEADLINE);
    expect((await versionsOf()).map((v) => [v.contentHash, v.revisions])).toEqual([[firstHash, undefined]]);

    // the same version re-derived by an improved pipeline during a replay: it replaces the content, in place
    const improvedHeadline = 'Finland offers NATO its cyber range for joint drills';
    const improved = record(derived(improvedHeadline), true);
    await producer.send({ topic: config.topics.articles, messages: [improved] });
    const event = await articles.waitFor(
      (m) => m.key?.toString() === uri && m.headers['wd-event'] === 'updated',
      60000,
      'the updated event of the revision',
    );
    expect(event.headers).toMatchObject({
      'wd-emitter': 'archive',
      'wd-replay': 'true',
      'wd-content-hash': improved.headers['wd-content-hash'],
      'wd-ingest-id': ingestId,
    });
    expect((JSON.parse(event.value!.toString('utf8')) as Ninjs).headlines?.[0]?.value).toBe(improvedHeadline);
    await archiveCaughtUp();
    expect(await headlineOf()).toBe(improvedHeadline);
    const [only, ...more] = await versionsOf();
    expect(more).toHaveLength(0);
    expect(only.version).toBe(1);
    expect(only.contentHash).toBe(improved.headers['wd-content-hash']);
    expect(only.article.headlines?.[0]?.value).toBe(improvedHeadline);
    expect(only.revisions).toHaveLength(1);
    expect(only.revisions![0].contentHash).toBe(firstHash);
    expect(only.revisions![0].article?.headlines?.[0]?.value).toBe(HEADLINE);
    const listed = (await get(`/v1/articles?source=replay-e2e`)).json<{ items: Ninjs[] }>().items;
    expect(listed.filter((a) => a.uri === uri).map((a) => a.headlines?.[0]?.value)).toEqual([improvedHeadline]);

    // the same replay again, and the first content unmarked: no-ops, and no second event (the archive has consumed
    // its own event too, as its committed offsets show, and ignored it)
    await producer.send({
      topic: config.topics.articles,
      messages: [improved, record(first, false)],
    });
    await archiveCaughtUp();
    expect(await headlineOf()).toBe(improvedHeadline);
    expect((await versionsOf())[0].revisions).toHaveLength(1);
    const updates = articles.messages.filter((m) => m.key?.toString() === uri && m.headers['wd-event'] === 'updated');
    expect(updates).toHaveLength(1);
  });

  it('replays a copy kept in GridFS byte for byte, and one stored without headers under its stored ingest id', async () => {
    const db = connection.db!;
    const bytes = Buffer.from(story.toString('utf8').replace(HEADLINE, 'Sweden hosts NATO cyber summit'));
    const fileId = new ObjectId();
    const bucket = new GridFSBucket(db, { bucketName: RAW_FILES_BUCKET });
    await new Promise<void>((resolve, reject) => {
      const upload = bucket.openUploadStreamWithId(fileId, 'gridfs-copy-1');
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    const receivedAt = new Date(Date.now() - 60000);
    await db.collection(RAW_COLLECTION).insertOne({
      _id: 'gridfs-copy-1' as never,
      ingestId: 'gridfs-copy-1',
      size: bytes.length,
      sha256: '0'.repeat(64),
      gridFsId: fileId,
      headers: [], // produced straight to Kafka without headers: the ingest id was derived from its position
      ingestIdDerived: true,
      key: 'producer-key-1',
      receivedAt,
      source: 'replay-gridfs',
      channel: 'kafka',
      storedAt: new Date(),
    });
    const r = await replay('--source', 'replay-gridfs', '--channel', 'kafka');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read 1, produced 1, skipped 0, failed 0/);
    const m = await raw.waitFor((x) => x.headers['wd-ingest-id'] === 'gridfs-copy-1', 30000, 'the GridFS copy');
    expect(Buffer.compare(m.value!, bytes)).toBe(0);
    expect(m.key?.toString()).toBe('producer-key-1');
    expect(m.headers['wd-received-at']).toBe(receivedAt.toISOString());
    expect(m.headers['wd-replay']).toBe('true');
    // and the pipeline makes an article of it under that ingest id
    await articles.waitFor((x) => x.headers['wd-ingest-id'] === 'gridfs-copy-1', 90000, 'its article');
  });
});

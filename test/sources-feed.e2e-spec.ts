// Scheduled sources over HTTP against a real node:http server: feeds and an agency API polled by ingest's poller into
// the real Kafka, with the poller's state in the real store. Items once across polls and restarts, conditional
// requests, an HTML error page, a server going away and coming back, the API and the metrics.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { polledIngestId } from '../libs/polling/src';
import { startArchive, type RunningApp } from './support/apps';
import { http } from './support/http';
import { TopicReader, testKafka } from './support/kafka';
import {
  FeedServer,
  pollNow,
  sharedTempDir,
  sourceView,
  sourcesConfig,
  startIngestWithSources,
} from './support/sources';
import { eventually } from './support/wait';

function rss(items: { guid?: string; link?: string; title: string }[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}` +
        `<description>${i.title}: invented copy for the poller test. A second sentence follows.</description>` +
        `<pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Test wire</title><language>en</language>\n${entries}\n</channel></rss>\n`;
}

const ITEMS = [
  { guid: 'urn:test:1', title: 'Harbour reopens after storm' },
  { guid: 'urn:test:2', title: 'Council approves new tram line' },
  { link: 'https://wire.invalid/3', title: 'Farmers report record harvest' },
];

describe('scheduled sources over HTTP (feeds, agency API)', () => {
  const dir = sharedTempDir('wd-e2e-feed-');
  const server = new FeedServer();
  const dbName = `e2e_sources_feed_${Date.now()}`;
  let config: ReturnType<typeof sourcesConfig>;
  let ingest: RunningApp;
  let raw: TopicReader;
  let mongo: MongoClient;

  const delivered = (source: string) => raw.messages.filter((m) => m.headers['wd-source'] === source);

  beforeAll(async () => {
    await server.start();
    server.routes.set('/feed.xml', { body: rss(ITEMS), contentType: 'application/rss+xml', etag: '"v1"' });
    server.routes.set('/plain.xml', { body: rss(ITEMS.slice(0, 2)), contentType: 'application/rss+xml' });
    server.routes.set('/broken.xml', { body: rss(ITEMS.slice(0, 1)), lastModified: 'Mon, 01 Jun 2026 10:00:00 GMT' });
    server.routes.set('/slow.xml', { body: '', hang: true });
    process.env.E2E_FEED_TOKEN = 'Bearer feed-token-0123456789';
    writeFileSync(join(dir, 'wrong-token'), 'Bearer not-the-token\n');
    server.routes.set('/private', {
      body: '<nitf><head><title>Private</title></head><body><body.content><p>Invented.</p></body.content></body></nitf>',
      authorization: 'Bearer feed-token-0123456789',
    });
    server.routes.set('/shared.xml', { body: rss([]), contentType: 'application/rss+xml' });
    server.routes.set('/api/ninjs', {
      contentType: 'application/json',
      body: JSON.stringify({
        data: [
          { uri: 'urn:test:ninjs:1', version: '1', headline: 'Bridge opens', body_text: 'Invented body one.' },
          { uri: 'urn:test:ninjs:2', version: '1', headline: 'Museum expands', body_text: 'Invented body two.' },
        ],
      }),
    });
    const hourly = { interval: '1h' };
    config = sourcesConfig(
      'sources-feed',
      [
        { id: 'wire-rss', kind: 'feed', where: server.url('/feed.xml'), schedule: hourly, format: 'rss' },
        { id: 'wire-plain', kind: 'feed', where: server.url('/plain.xml'), schedule: hourly },
        { id: 'wire-broken', kind: 'feed', where: server.url('/broken.xml'), schedule: { interval: '1s' } },
        { id: 'agency-api', kind: 'http', where: server.url('/api/ninjs'), schedule: hourly, format: 'ninjs' },
        { id: 'wire-slow', kind: 'feed', where: server.url('/slow.xml'), schedule: hourly, timeout: '3s' },
        { id: 'wire-shared', kind: 'feed', where: server.url('/shared.xml'), schedule: hourly },
        {
          id: 'private-api',
          kind: 'http',
          where: server.url('/private'),
          schedule: hourly,
          credentials: { header: { name: 'Authorization', value: { env: 'E2E_FEED_TOKEN' } } },
        },
        {
          id: 'private-wrong',
          kind: 'http',
          where: server.url('/private'),
          schedule: hourly,
          credentials: { header: { name: 'Authorization', value: { file: join(dir, 'wrong-token') } } },
        },
      ],
      dir,
    );
    mongo = await new MongoClient(config.mongoUrl).connect();
    ingest = await startIngestWithSources(config, dbName);
    raw = await new TopicReader(testKafka(config.kafkaBrokers), config.topics.wireRaw).start();
  });

  afterAll(async () => {
    await raw?.stop();
    await ingest?.close();
    await server.stop();
    await mongo
      ?.db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await mongo?.close();
  });

  it('delivers each feed entry once, as the feed with only that entry, named by source and entry', async () => {
    await pollNow(ingest.url, 'wire-rss');
    const messages = await eventually(
      () => delivered('wire-rss').length >= 3 && delivered('wire-rss'),
      30000,
      'three entries',
    );
    expect(messages).toHaveLength(3);
    const ids = messages.map((m) => m.headers['wd-ingest-id']).sort();
    expect(ids).toContain(polledIngestId('wire-rss', 'guid:urn:test:1'));
    for (const m of messages) {
      expect(m.headers).toMatchObject({ 'wd-channel': 'rss', 'wd-format': 'rss' });
      expect(m.value!.toString().match(/<item>/g)).toHaveLength(1);
      expect(m.value!.toString()).toContain('<title>Test wire</title>');
    }
    // polled again: the server answers 304 to the ETag, nothing new
    const again = await pollNow(ingest.url, 'wire-rss');
    expect(again).toMatchObject({ status: 'polled', delivered: 0, offered: 0 });
    expect(server.requests.filter((r) => r.path === '/feed.xml').map((r) => r.status)).toContain(304);
  });

  it('delivers only the new entry when the feed changes', async () => {
    const more = [{ guid: 'urn:test:4', title: 'Airport adds night flights' }, ...ITEMS];
    server.routes.set('/feed.xml', { body: rss(more), contentType: 'application/rss+xml', etag: '"v2"' });
    const result = await pollNow(ingest.url, 'wire-rss');
    expect(result).toMatchObject({ status: 'polled', offered: 4, delivered: 1 });
    await eventually(() => delivered('wire-rss').length === 4, 30000, 'the fourth entry');
    const view = await sourceView(ingest.url, 'wire-rss');
    expect(view.status.itemsToday).toBe(4);
  });

  it('remembers entries without conditional requests, and across a restart', async () => {
    // every enabled source is polled once at start: the two entries are there, or about to be
    await pollNow(ingest.url, 'wire-plain');
    await eventually(() => delivered('wire-plain').length === 2, 30000, 'two entries');
    expect(await pollNow(ingest.url, 'wire-plain')).toMatchObject({ status: 'polled', offered: 2, delivered: 0 });
    await ingest.close();
    ingest = await startIngestWithSources(config, dbName);
    expect(await pollNow(ingest.url, 'wire-plain')).toMatchObject({ status: 'polled', delivered: 0 });
    expect(await pollNow(ingest.url, 'wire-rss')).toMatchObject({ status: 'polled', delivered: 0 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(delivered('wire-plain')).toHaveLength(2);
  });

  it('re-delivers an item acknowledged but not remembered (a crash in between) under the same ingest id and key', async () => {
    // (this instance started after those deliveries: no in-process memory of them)
    const before = delivered('wire-plain');
    // what a crash between Kafka's acknowledgement and the "seen" write leaves behind
    await mongo.db(dbName).collection('source_seen').deleteMany({ sourceId: 'wire-plain' });
    expect(await pollNow(ingest.url, 'wire-plain')).toMatchObject({ status: 'polled', delivered: 2 });
    const after = await eventually(
      () => delivered('wire-plain').length === 4 && delivered('wire-plain'),
      30000,
      'replayed',
    );
    const idsBefore = before.map((m) => m.headers['wd-ingest-id']).sort();
    const replayed = after.slice(2);
    expect(replayed.map((m) => m.headers['wd-ingest-id']).sort()).toEqual(idsBefore);
    expect(replayed.map((m) => m.key!.toString()).sort()).toEqual(before.map((m) => m.key!.toString()).sort());
  });

  it('delivers each document of an agency API list', async () => {
    await pollNow(ingest.url, 'agency-api');
    const messages = await eventually(() => delivered('agency-api').length === 2 && delivered('agency-api'));
    expect(JSON.parse(messages[0].value!.toString())).toHaveProperty('uri');
    expect(messages[0].headers).toMatchObject({ 'wd-channel': 'http', 'wd-format': 'ninjs' });
    expect(await pollNow(ingest.url, 'agency-api')).toMatchObject({ delivered: 0 });
  });

  it('keeps a feed that turned into an HTML error page as a parse error, and recovers', async () => {
    expect(await pollNow(ingest.url, 'wire-broken')).toMatchObject({ status: 'polled' });
    server.routes.set('/broken.xml', {
      body: '<!DOCTYPE html><html><head><title>503</title></head><body>Service Unavailable</body></html>',
      contentType: 'text/html',
    });
    const failed = await pollNow(ingest.url, 'wire-broken');
    expect(failed).toMatchObject({ status: 'failed', kind: 'parse' });
    const view = await sourceView(ingest.url, 'wire-broken');
    expect(view.status.lastError).toMatchObject({ kind: 'parse' });
    expect(view.status.failures).toBeGreaterThanOrEqual(1);
    server.routes.set('/broken.xml', { body: rss(ITEMS.slice(0, 2)), contentType: 'application/rss+xml' });
    expect(await pollNow(ingest.url, 'wire-broken')).toMatchObject({ status: 'polled', delivered: 1 });
    expect((await sourceView(ingest.url, 'wire-broken')).status.failures).toBe(0);
  });

  it('backs off while the server is away and picks up when it comes back', async () => {
    const port = server.port;
    await server.stop();
    const first = await pollNow(ingest.url, 'wire-broken');
    expect(first).toMatchObject({ status: 'failed', kind: 'unreachable' });
    const second = await pollNow(ingest.url, 'wire-broken');
    expect(second).toMatchObject({ status: 'failed', kind: 'unreachable' });
    const view = await sourceView(ingest.url, 'wire-broken');
    expect(view.status.failures).toBe(2);
    // an interval of 1 s: the second failure waits at least 4 s
    expect(
      new Date(view.status.nextPollAt).getTime() - new Date(view.status.lastPollAt).getTime(),
    ).toBeGreaterThanOrEqual(4000);
    await server.start(port);
    server.routes.set('/broken.xml', { body: rss(ITEMS), contentType: 'application/rss+xml' });
    expect(await pollNow(ingest.url, 'wire-broken')).toMatchObject({ status: 'polled', delivered: 1 });
  });

  it('sends a token from the environment, and keeps a refused one as an authentication error', async () => {
    await pollNow(ingest.url, 'private-api');
    await eventually(() => delivered('private-api').length === 1, 30000, 'the private document');
    expect(await pollNow(ingest.url, 'private-wrong')).toMatchObject({ status: 'failed', kind: 'auth' });
    const view = await sourceView(ingest.url, 'private-wrong');
    expect(JSON.stringify(view)).not.toContain('not-the-token');
  });

  it('cuts off a source that hangs at its timeout, without holding back the others', async () => {
    let slowSettled = false;
    const slow = pollNow(ingest.url, 'wire-slow').finally(() => (slowSettled = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(await pollNow(ingest.url, 'agency-api')).toMatchObject({ status: 'polled' });
    expect(slowSettled).toBe(false); // the other source was polled while this one hung
    expect(await slow).toMatchObject({ status: 'failed', kind: 'timeout' });
  });

  it('delivers once when two instances poll the same source at the same moment (lease in the store)', async () => {
    const second = await startIngestWithSources(config, dbName);
    try {
      const items = Array.from({ length: 20 }, (_, i) => ({ guid: `urn:shared:${i}`, title: `Shared item ${i}` }));
      server.routes.set('/shared.xml', { body: rss(items), contentType: 'application/rss+xml' });
      const results = await Promise.all([
        pollNow(ingest.url, 'wire-shared'),
        pollNow(second.url, 'wire-shared'),
        pollNow(ingest.url, 'wire-shared'),
        pollNow(second.url, 'wire-shared'),
      ]);
      // (either instance's scheduler may also take the poll asked for: the records are what counts)
      expect(results.filter((r) => r.status !== 'polled')).toEqual([]);
      await eventually(() => delivered('wire-shared').length >= 20, 30000, 'the twenty items');
      await pollNow(second.url, 'wire-shared');
      await new Promise((r) => setTimeout(r, 1500));
      const ids = delivered('wire-shared').map((m) => m.headers['wd-ingest-id']);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    } finally {
      await second.close();
    }
  });

  it('lists, adds, disables sources through the API, with problem+json for a bad one', async () => {
    const list = await http(`${ingest.url}/v1/sources`);
    expect(list.status).toBe(200);
    const ids = list.json<{ id: string }[]>().map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['wire-rss', 'wire-plain', 'agency-api']));
    const created = await http(`${ingest.url}/v1/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'api-feed',
        kind: 'feed',
        where: server.url('/plain.xml'),
        schedule: { interval: '1h' },
      }),
    });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ id: 'api-feed', origin: 'api', enabled: true });
    const dup = await http(`${ingest.url}/v1/sources`, {
      method: 'POST',
      body: JSON.stringify({ id: 'wire-rss', kind: 'feed', where: server.url('/x'), schedule: { interval: '1h' } }),
    });
    expect(dup.status).toBe(409);
    const bad = await http(`${ingest.url}/v1/sources`, {
      method: 'POST',
      body: JSON.stringify({ id: 'x', kind: 'ftp', where: 'h/x', schedule: { interval: 'soon' } }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.json<{ detail: string }>().detail).toMatch(/schedule\.interval/);
    const disabled = await http(`${ingest.url}/v1/sources/wire-plain/disable`, { method: 'POST' });
    expect(disabled.json()).toMatchObject({ enabled: false });
    expect(await pollNow(ingest.url, 'api-feed')).toMatchObject({ status: 'polled', delivered: 2 });
  });

  it('shows the sources with their state on the archive (the wire monitor reads it)', async () => {
    const archive = await startArchive(config, dbName);
    try {
      // its consumers joined before it closes again (a half-started consumer outlives the test otherwise)
      await eventually(async () => (await http(`${archive.url}/health/ready`)).status === 200, 60000, 'archive ready');
      const res = await http(`${archive.url}/v1/stats/sources`);
      expect(res.status).toBe(200);
      const rows = res.json<{ items: { id: string; enabled: boolean; itemsToday: number; lastError: unknown }[] }>()
        .items;
      expect(rows.find((r) => r.id === 'wire-rss')).toMatchObject({ enabled: true, itemsToday: 4 });
      expect(rows.find((r) => r.id === 'wire-broken')?.lastError).toMatchObject({ kind: 'unreachable' });
    } finally {
      await archive.close();
    }
  });

  it("describes the sources API in ingest's OpenAPI document", async () => {
    const doc = (await http(`${ingest.url}/docs-json`)).json<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/sources', '/v1/sources/{id}/poll', '/v1/wire']),
    );
    expect(doc.components.schemas).toHaveProperty('SourceInputDto');
  });

  it('counts polls, items and errors per source in Prometheus', async () => {
    const metrics = await http(`${ingest.url}/metrics`);
    expect(metrics.text).toMatch(/wiredesk_source_polls_total\{source="wire-rss",outcome="ok"\} \d+/);
    expect(metrics.text).toMatch(/wiredesk_source_items_total\{source="wire-rss"\} 4/);
    expect(metrics.text).toMatch(/wiredesk_source_errors_total\{source="wire-broken",kind="parse"\} 1/);
    expect(metrics.text).toMatch(/wiredesk_source_lag_seconds\{source="wire-rss"\}/);
  });
});

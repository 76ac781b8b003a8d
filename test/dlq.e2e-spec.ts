// `wiredesk dlq list|show|replay` against the real pipeline: junk and a story sent with a wrong format override are
// dead-lettered; the command lists and shows them; replaying the junk brings it back to the DLQ with wd-attempts 2;
// replaying the story without its override makes it an article; a second replay sends nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { dlqCommand } from '../apps/cli/src/commands/dlq.command';
import { EnricherModule } from '../apps/enricher/src/enricher.module';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { NormalizerModule } from '../apps/normalizer/src/normalizer.module';
import { startApp, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { postWire } from './support/http';
import { TopicReader, testKafka, type ReadMessage } from './support/kafka';

const seed = readFileSync(join(__dirname, 'fixtures/seed/afp-us-nato-cyber.txt'));

/** Runs one `wiredesk dlq …` in-process, with the test's topics, and returns what it wrote. */
async function dlq(env: NodeJS.ProcessEnv, ...args: string[]) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
  const code = await dlqCommand(args, { stdin: new PassThrough(), stdout, stderr }, env);
  return {
    code,
    stdout: Buffer.concat(out),
    text: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

const position = (m: ReadMessage) => `${m.partition}:${m.offset}`;

describe('wiredesk dlq (list, show, replay) over the real pipeline', () => {
  const config = e2eConfig('dlq');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: config.kafkaBrokers.join(','),
    TOPIC_WIRE_RAW: config.topics.wireRaw,
    TOPIC_WIRE_PARSED: config.topics.wireParsed,
    TOPIC_ARTICLES: config.topics.articles,
    TOPIC_DLQ: config.topics.dlq,
    TOPIC_REPLICATION_FACTOR: '1',
  };
  const kafka = testKafka(config.kafkaBrokers);
  const apps: RunningApp[] = [];
  let dead: TopicReader;
  let articles: TopicReader;
  const junk = Buffer.from([0x00, 0x9f, 0x92, 0x96, 0x00, 0xff, 0xfe, 0x01, 0x02, 0x03, 0x00, 0x80, 0x81]);
  let junkId: string;
  let storyId: string;
  let junkLetter: ReadMessage;
  let storyLetter: ReadMessage;

  beforeAll(async () => {
    const ingest = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false });
    apps.push(ingest, await startApp('normalizer', NormalizerModule.forRoot(config)));
    apps.push(await startApp('enricher', EnricherModule.forRoot(config)));
    dead = await new TopicReader(kafka, config.topics.dlq).start();
    articles = await new TopicReader(kafka, config.topics.articles).start();
    const a = await postWire(ingest.url, junk, { 'X-Wire-Source': 'dlq-junk', 'X-Wire-Filename': 'junk.bin' });
    const b = await postWire(ingest.url, seed, {
      'X-Wire-Source': 'dlq-story',
      'X-Wire-Format': 'nitf', // wrong: the seed is plain text
      'X-Wire-Filename': 'nato.txt',
      'Content-Type': 'text/plain; charset=utf-8',
    });
    expect([a.status, b.status]).toEqual([202, 202]);
    junkId = a.json().ingestId as string;
    storyId = b.json().ingestId as string;
    junkLetter = await dead.waitFor((m) => m.headers['wd-ingest-id'] === junkId, 60000, 'the junk dead letter');
    storyLetter = await dead.waitFor((m) => m.headers['wd-ingest-id'] === storyId, 60000, 'the story dead letter');
  });

  afterAll(async () => {
    await dead?.stop();
    await articles?.stop();
    for (const app of apps.reverse()) await app.close();
  });

  it('lists dead letters as a table and as JSON, filtered by source and code', async () => {
    const table = await dlq(env, 'list');
    expect(table.code).toBe(0);
    const lines = table.text.trim().split('\n');
    expect(lines[0]).toMatch(/^offset\s+time\s+stage\s+code\s+source\s+filename\s+att\s+copies\s+replayed\s+message/);
    const junkRow = lines.find((l) => l.startsWith(`${position(junkLetter)} `));
    expect(junkRow).toContain('normalize');
    expect(junkRow).toContain('dlq-junk');
    expect(junkRow).toContain('junk.bin');
    expect(lines.find((l) => l.startsWith(`${position(storyLetter)} `))).toContain('MALFORMED_XML');

    const json = await dlq(env, 'list', '--json', '--source', 'dlq-story', '--code', 'MALFORMED_XML', '--since', '1h');
    const rows = json.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toEqual([
      expect.objectContaining({
        position: position(storyLetter),
        stage: 'normalize',
        code: 'MALFORMED_XML',
        source: 'dlq-story',
        filename: 'nato.txt',
        format: 'nitf',
        ingestId: storyId,
        attempts: 1,
        bytes: seed.length,
        replayed: null,
      }),
    ]);
    expect((await dlq(env, 'list', '--json', '--until', '2000-01-01')).text).toBe('');
  });

  it('shows one dead letter: headers and a preview, or the exact bytes with --raw', async () => {
    const shown = await dlq(env, 'show', position(junkLetter));
    expect(shown.code).toBe(0);
    expect(shown.text).toContain(`wd-ingest-id: ${junkId}`);
    expect(shown.text).toContain('wd-error-stage: normalize');
    expect(shown.text).toContain(`raw copy:  ${junk.length} bytes`);
    expect(shown.text).toMatch(/00000000 {2}00 9f 92 96/);
    const raw = await dlq(env, 'show', position(storyLetter), '--raw');
    expect(raw.stdout.equals(seed)).toBe(true);
    const missing = await dlq(env, 'show', `${junkLetter.partition}:999999`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no dead letter');
  });

  it('replays junk: it comes back to the DLQ with wd-attempts 2; a second replay sends nothing', async () => {
    const first = await dlq(env, 'replay', position(junkLetter));
    expect(first.code).toBe(0);
    expect(first.text).toContain('replayed 1 dead letter');
    const again = await dead.waitFor(
      (m) => m.headers['wd-ingest-id'] === junkId && position(m) !== position(junkLetter),
      60000,
      'the replayed junk back in the DLQ',
    );
    expect(again.value).toEqual(junk);
    expect(again.headers).toMatchObject({
      'wd-attempts': '2',
      'wd-error-stage': 'normalize',
      'wd-source': 'dlq-junk',
      'wd-replayed-from': `${config.topics.dlq}/${position(junkLetter)}`,
      'wd-original-topic': config.topics.wireRaw,
    });
    const second = await dlq(env, 'replay', position(junkLetter));
    expect(second.text).toContain('replayed 0 dead letters');
    expect(second.text).toContain('skipped 1 already replayed');
    const listed = await dlq(env, 'list', '--json', '--source', 'dlq-junk');
    const rows = listed.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { position: string; replayed: unknown; attempts: number });
    expect(rows.find((r) => r.position === position(junkLetter))?.replayed).toMatchObject({
      to: config.topics.wireRaw,
    });
    expect(rows.find((r) => r.position === position(again))?.attempts).toBe(2);
  });

  it('replays a story without its wrong format override: it becomes an article', async () => {
    const dry = await dlq(env, 'replay', '--source', 'dlq-story', '--code', 'MALFORMED_XML', '--dry-run');
    expect(dry.text).toContain('would replay 1 dead letter');
    const run = await dlq(env, 'replay', '--source', 'dlq-story', '--code', 'MALFORMED_XML', '--no-format');
    expect(run.code).toBe(0);
    expect(run.text).toContain('replayed 1 dead letter');
    const article = await articles.waitFor(
      (m) => m.headers['wd-ingest-id'] === storyId,
      60000,
      'the story as an article',
    );
    expect(JSON.parse(article.value!.toString()).headlines[0].value).toBe(
      'US to let NATO use its cyber defence skills',
    );
  });

  it('refuses a replay without a selection, and reports unknown positions', async () => {
    const bare = await dlq(env, 'replay');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--all');
    const unknown = await dlq(env, 'replay', `${junkLetter.partition}:999999`);
    expect(unknown.code).toBe(1);
    expect(unknown.text).toContain(`not found: ${junkLetter.partition}:999999`);
  });
});

/**
 * `wiredesk ingest <folder>` against an in-process ingest service and the real Kafka: good files are accepted and
 * land on wire.raw with their filename, content type and source; empty files are refused with EMPTY_INPUT; the exit
 * status is 1; running the same backlog again sends the same Idempotency-Keys and gets the same ingest ids.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ingestCommand } from '../apps/cli/src/commands/ingest.command';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { startApp, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { TopicReader, testKafka } from './support/kafka';
import { setTimeout as sleep } from 'node:timers/promises';

const seed = readFileSync(join(__dirname, 'fixtures/seed/afp-us-nato-cyber.txt'));

async function ingest(...args: string[]) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
  const code = await ingestCommand(args, { stdin: new PassThrough(), stdout, stderr }, {});
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

type Line = { file?: string; status?: string; ingestId?: string; code?: string; summary?: Record<string, unknown> };

describe('wiredesk ingest <folder> through the ingest HTTP API', () => {
  const config = e2eConfig('ingest-cli');
  const kafka = testKafka(config.kafkaBrokers);
  let app: RunningApp;
  let raw: TopicReader;
  let dir: string;

  beforeAll(async () => {
    app = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false });
    raw = await new TopicReader(kafka, config.topics.wireRaw).start();
    dir = mkdtempSync(join(tmpdir(), 'wd-ingest-cli-'));
    mkdirSync(join(dir, 'day2'));
    writeFileSync(join(dir, 'nato.txt'), seed);
    writeFileSync(
      join(dir, 'day2', 'story.xml'),
      '<nitf><body><body.head><hedline><hl1>Hi</hl1></hedline></body.head></body></nitf>',
    );
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'day2', 'blank.json'), '');
  });

  afterAll(async () => {
    await raw?.stop();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the good files onto wire.raw, refuses the empty ones with EMPTY_INPUT, and exits 1', async () => {
    const r = await ingest(dir, '--url', app.url, '--source', 'backlog-test', '--concurrency', '3', '--json');
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const byFile = Object.fromEntries(lines.filter((l) => l.file).map((l) => [l.file!, l]));
    expect(byFile['nato.txt'].status).toBe('accepted');
    expect(byFile['day2/story.xml'].status).toBe('accepted');
    expect(byFile['empty.txt']).toMatchObject({ status: 'rejected', code: 'EMPTY_INPUT' });
    expect(byFile['day2/blank.json']).toMatchObject({ status: 'rejected', code: 'EMPTY_INPUT' });
    expect(lines[lines.length - 1].summary).toMatchObject({ files: 4, accepted: 2, rejected: 2 });
    expect(r.stderr).toContain('empty.txt: EMPTY_INPUT: ');
    expect(r.stderr).toMatch(/4\/4 files .* done/);

    const nato = await raw.waitFor((m) => m.headers['wd-ingest-id'] === byFile['nato.txt'].ingestId, 30000, 'nato');
    expect(Buffer.compare(nato.value!, seed)).toBe(0);
    expect(nato.headers).toMatchObject({
      'wd-source': 'backlog-test',
      'wd-filename': 'nato.txt',
      'wd-channel': 'http',
      'content-type': 'text/plain',
    });
    const xml = await raw.waitFor((m) => m.headers['wd-filename'] === 'day2/story.xml', 30000, 'story.xml');
    expect(xml.headers['content-type']).toBe('application/xml');
    expect(xml.headers['wd-ingest-id']).toBe(byFile['day2/story.xml'].ingestId);
  });

  it('is idempotent: the same backlog again gets the same ingest ids and adds nothing to wire.raw', async () => {
    const first = new Map(raw.messages.map((m) => [m.headers['wd-filename'], m.headers['wd-ingest-id']]));
    const r = await ingest(
      join(dir, 'nato.txt'),
      join(dir, 'day2'),
      '--url',
      app.url,
      '--source',
      'backlog-test',
      '--json',
    );
    expect(r.code).toBe(1); // blank.json is still empty
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    expect(lines.find((l) => l.file === 'nato.txt')?.ingestId).toBe(first.get('nato.txt'));
    // a file named inside a folder travels under its path in that folder, so day2/ given alone names it story.xml
    expect(lines.find((l) => l.file === 'story.xml')?.ingestId).toBe(first.get('day2/story.xml'));
    expect(lines[lines.length - 1].summary).toMatchObject({ files: 3, accepted: 2, alreadyKnown: 2, rejected: 1 });
    // the service answered from its idempotency cache: still one message per file on wire.raw
    await sleep(1000);
    expect(raw.messages).toHaveLength(2);
  });
});

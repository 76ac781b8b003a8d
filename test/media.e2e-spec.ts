// Pictures and e-mail end to end over the real Kafka and store: a JPEG POSTed as image/jpeg and an .eml dropped in
// the watched folder become articles (a picture item, a story with a picture association) whose renditions point at
// the archive's raw copy; the archive stores them and serves the raw bytes; a damaged picture is a dead letter.
import { mkdtempSync, promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateNinjs, type Ninjs } from '@wiredesk/ninjs';
import { EnricherModule } from '../apps/enricher/src/enricher.module';
import { IngestModule } from '../apps/ingest/src/ingest.module';
import { NormalizerModule } from '../apps/normalizer/src/normalizer.module';
import { startApp, startArchive, type RunningApp } from './support/apps';
import { e2eConfig } from './support/e2e-config';
import { http, postWire } from './support/http';
import { TopicReader, testKafka, type ReadMessage } from './support/kafka';
import { eventually } from './support/wait';

const FIXTURES = join(__dirname, 'fixtures');
const photo = readFileSync(join(FIXTURES, 'images/photo-full.jpg'));
const truncated = readFileSync(join(FIXTURES, 'images/photo-truncated.jpg'));
const mail = readFileSync(join(FIXTURES, 'email/photo-attachment.eml'));

const articleOf = (m: ReadMessage) => JSON.parse(m.value!.toString('utf8')) as Ninjs;

describe('pictures and e-mail (ingest → normalizer → enricher → archive)', () => {
  const dropDir = mkdtempSync(join(tmpdir(), 'wd-e2e-media-'));
  const archivePublicUrl = 'http://archive.e2e.example';
  const config = e2eConfig('media', {
    WIRE_DROP_DIR: dropDir,
    WIRE_DROP_POLL_MS: '100',
    WIRE_DROP_STABLE_MS: '200',
    ARCHIVE_PUBLIC_URL: archivePublicUrl,
  });
  const dbName = `wd_media_e2e_${config.suffix.replace(/\W/g, '_')}`;
  const kafka = testKafka(config.kafkaBrokers);
  const apps: RunningApp[] = [];
  let ingestUrl: string;
  let archiveUrl: string;
  let articles: TopicReader;
  let dlq: TopicReader;

  beforeAll(async () => {
    const ingest = await startApp('ingest', IngestModule.forRoot(config), { bodyParser: false });
    apps.push(ingest);
    apps.push(await startApp('normalizer', NormalizerModule.forRoot(config)));
    apps.push(await startApp('enricher', EnricherModule.forRoot(config)));
    const archive = await startArchive(config, dbName);
    apps.push(archive);
    ingestUrl = ingest.url;
    archiveUrl = archive.url;
    articles = await new TopicReader(kafka, config.topics.articles).start();
    dlq = await new TopicReader(kafka, config.topics.dlq).start();
  });

  afterAll(async () => {
    await articles?.stop();
    await dlq?.stop();
    for (const app of apps.reverse()) await app.close();
    await fs.rm(dropDir, { recursive: true, force: true });
  });

  it('turns a POSTed JPEG into a stored picture whose rendition is the raw copy', async () => {
    const res = await postWire(ingestUrl, photo, { 'Content-Type': 'image/jpeg', 'X-Wire-Source': 'npa-photo' });
    expect(res.status).toBe(202);
    const { ingestId } = res.json<{ ingestId: string }>();
    const m = await articles.waitFor((x) => x.headers['wd-ingest-id'] === ingestId, 90000, 'the picture');
    const picture = articleOf(m);
    expect(validateNinjs(picture)).toEqual({ valid: true, errors: [] });
    expect(picture).toMatchObject({ type: 'picture', by: 'Mara Quist' });
    expect(picture.renditions?.[0]).toMatchObject({
      href: `${archivePublicUrl}/v1/raw/${ingestId}`,
      contentType: 'image/jpeg',
    });
    // the archive stores the picture and serves the very bytes the rendition names
    await eventually(
      async () => (await http(`${archiveUrl}/v1/articles/${encodeURIComponent(picture.uri)}`)).status === 200,
      60000,
      'the stored picture',
    );
    await eventually(
      async () => {
        const raw = await fetch(`${archiveUrl}/v1/raw/${ingestId}`);
        return raw.status === 200 && Buffer.compare(Buffer.from(await raw.arrayBuffer()), photo) === 0;
      },
      60000,
      'the raw copy',
    );
  });

  it('reads an .eml dropped in the watched folder as a story with its picture', async () => {
    await fs.mkdir(join(dropDir, 'mail'), { recursive: true });
    await fs.writeFile(join(dropDir, 'mail', 'lumen.eml'), mail);
    const m = await articles.waitFor(
      (x) => articleOf(x).headlines?.[0]?.value === 'Fähre Lumen: erste Probefahrt',
      90000,
      'the mailed story',
    );
    const story = articleOf(m);
    expect(m.headers['wd-source']).toBe('mail');
    expect(story.associations?.[0]).toMatchObject({ type: 'picture', name: 'lumen.jpg' });
    expect(story.associations?.[0].renditions?.[0].href).toBe(
      `${archivePublicUrl}/v1/raw/${m.headers['wd-ingest-id']}#part=lumen.jpg`,
    );
  });

  it('dead-letters a damaged picture with MALFORMED_IMAGE', async () => {
    const res = await postWire(ingestUrl, truncated, { 'Content-Type': 'image/jpeg' });
    const { ingestId } = res.json<{ ingestId: string }>();
    const dead = await dlq.waitFor((x) => x.headers['wd-ingest-id'] === ingestId, 60000, 'the damaged picture');
    expect(dead.headers['wd-error-code']).toBe('MALFORMED_IMAGE');
    expect(Buffer.compare(dead.value!, truncated)).toBe(0);
  });
});

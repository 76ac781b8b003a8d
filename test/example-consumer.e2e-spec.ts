/**
 * The example consumer of examples/consumer against the real Kafka: one story delivered twice, its versions out of
 * order, the same content under another version, a kill (twice, as the enricher and the archive both publish it) and
 * a version after the kill. The consumer must act exactly once per real change.
 */
import { createHash } from 'node:crypto';
import { logLevel, type IHeaders } from 'kafkajs';
import { startExampleConsumer, type RunningConsumer } from '../examples/consumer/src/consumer';
import { readArticleEvent, type ReadEvent } from '../examples/consumer/src/article-event';
import { StoryLedger, compareVersions } from '../examples/consumer/src/story-ledger';
import { e2eConfig } from './support/e2e-config';
import { testKafka, testProducer } from './support/kafka';
import { eventually } from './support/wait';

const STORY = 'urn:newsml:afp.com:20240501:TX-PAR-ABC12';
const OTHER = 'urn:wiredesk:text:other-story';

function article(uri: string, version: number, headline: string, pubStatus = 'usable') {
  return { uri, version: String(version), pubStatus, type: 'text', headlines: [{ role: 'main', value: headline }] };
}

/** An articles.normalized record as the enricher writes it (key = uri, the wd-* headers). */
function record(doc: ReturnType<typeof article>, event: string, ingestId: string, extra: IHeaders = {}) {
  const { version: _v, ...content } = doc;
  return {
    key: doc.uri,
    value: JSON.stringify(doc),
    headers: {
      'wd-event': event,
      'wd-ingest-id': ingestId,
      'wd-source': 'afp-en',
      'wd-content-hash': createHash('sha256').update(JSON.stringify(content)).digest('hex'),
      'wd-schema': 'ninjs/3.1',
      ...extra,
    },
  };
}

describe('StoryLedger (the bookkeeping of the example)', () => {
  const e = (uri: string, version: string, contentHash: string, canceled = false) => ({
    uri,
    version,
    contentHash,
    canceled,
  });

  it('orders versions as numbers', () => {
    expect(compareVersions('10', '9')).toBe(1);
    expect(compareVersions('2', '2')).toBe(0);
    expect(compareVersions('1', '2')).toBe(-1);
  });

  it('acts once per change and ignores duplicates, stale versions and anything after a kill', () => {
    const ledger = new StoryLedger();
    expect(ledger.apply(e('a', '1', 'h1'))).toBe('created');
    expect(ledger.apply(e('a', '1', 'h1'))).toBe('duplicate');
    expect(ledger.apply(e('a', '3', 'h3'))).toBe('updated');
    expect(ledger.apply(e('a', '2', 'h2'))).toBe('stale');
    expect(ledger.apply(e('a', '4', 'h3'))).toBe('duplicate'); // same content under another version number
    expect(ledger.apply(e('a', '3', 'h3-other'))).toBe('stale'); // the first content of a version wins
    expect(ledger.apply(e('a', '3', 'hk', true))).toBe('canceled');
    expect(ledger.apply(e('a', '3', 'hk', true))).toBe('duplicate');
    expect(ledger.apply(e('a', '5', 'h5'))).toBe('ignored-after-cancel');
    expect(ledger.get('a')).toEqual({ version: '3', contentHash: 'hk', canceled: true });
  });

  it('reads the wd-* headers and the ninjs value of a message', () => {
    const r = record(article(STORY, 2, 'Hello'), 'created', 'ing-1');
    const read = readArticleEvent({
      key: Buffer.from(r.key),
      value: Buffer.from(r.value),
      headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, Buffer.from(String(v))])),
    });
    expect(read).toMatchObject({ uri: STORY, version: '2', event: 'created', ingestId: 'ing-1', canceled: false });
    expect(read?.contentHash).toBe(r.headers['wd-content-hash']);
    expect(readArticleEvent({ key: null, value: Buffer.from('not json'), headers: {} })).toBeUndefined();
    expect(readArticleEvent({ key: null, value: null, headers: {} })).toBeUndefined();
  });
});

describe('the example consumer over the real Kafka', () => {
  const config = e2eConfig('example-consumer');
  const topic = config.topics.articles;
  const kafka = testKafka(config.kafkaBrokers);
  let running: RunningConsumer | undefined;
  const changes: { decision: string; uri: string; version: string }[] = [];
  const decisions: { decision: string; uri?: string; version?: string }[] = [];
  let failOnce = true;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] });
    await admin.disconnect();
  });

  afterAll(async () => {
    await running?.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('acts on created, updated and canceled once each, whatever is redelivered or out of order', async () => {
    const v1 = record(article(STORY, 1, 'Strike closes port'), 'created', 'ing-1');
    const v3 = record(article(STORY, 3, 'Strike closes port for a third day'), 'created', 'ing-3');
    const v2 = record(article(STORY, 2, 'Strike closes port for a second day'), 'created', 'ing-2');
    const kill = record(article(STORY, 3, 'Strike closes port for a third day', 'canceled'), 'canceled', 'ing-k');
    const killByArchive = { ...kill, headers: { ...kill.headers, 'wd-emitter': 'archive' } };
    const v4 = record(article(STORY, 4, 'Port reopens'), 'created', 'ing-4');
    const other = record(article(OTHER, 1, 'Another story'), 'created', 'ing-o');
    const producer = await testProducer(kafka);
    await producer.send({
      topic,
      messages: [
        v1,
        v1, // redelivery of the same message
        v3,
        v2, // the source sent version 2 after version 3
        { ...v3, headers: { ...v3.headers, 'wd-ingest-id': 'ing-3-again', 'wd-channel': 'folder' } }, // 2nd channel
        kill,
        killByArchive, // the archive publishes the kill once more
        v4, // after the kill: changes nothing
        other,
        { key: OTHER, value: 'not json', headers: {} },
      ],
    });
    await producer.disconnect();

    running = await startExampleConsumer({
      brokers: config.kafkaBrokers,
      topic,
      groupId: `${config.consumerGroupPrefix}-example`,
      kafkaLogLevel: logLevel.NOTHING, // the side effect fails once on purpose
      onChange: (decision, e: ReadEvent) => {
        // the first side effect fails: the message is redelivered and must be acted on then, and only then
        if (failOnce) {
          failOnce = false;
          throw new Error('downstream index unavailable');
        }
        changes.push({ decision, uri: e.uri, version: e.version });
      },
      onDecision: (decision, e) => decisions.push({ decision, uri: e?.uri, version: e?.version }),
    });

    await eventually(() => decisions.length >= 10, 60000, 'every message decided');
    expect(changes.filter((c) => c.uri === STORY)).toEqual([
      { decision: 'created', uri: STORY, version: '1' },
      { decision: 'updated', uri: STORY, version: '3' },
      { decision: 'canceled', uri: STORY, version: '3' },
    ]);
    expect(changes.filter((c) => c.uri === OTHER)).toEqual([{ decision: 'created', uri: OTHER, version: '1' }]);
    expect(decisions.filter((d) => d.uri === STORY).map((d) => d.decision)).toEqual([
      'created',
      'duplicate',
      'updated',
      'stale',
      'duplicate',
      'canceled',
      'duplicate',
      'ignored-after-cancel',
    ]);
    expect(decisions.filter((d) => d.decision === 'unreadable')).toHaveLength(1);
    expect(running.ledger.get(STORY)).toMatchObject({ version: '3', canceled: true });
  });
});

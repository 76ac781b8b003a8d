import type { ConsumedMessage, KafkaProducerService, OutboundMessage } from '@wiredesk/messaging';
import { TransientError } from '@wiredesk/messaging';
import type { Ninjs } from '@wiredesk/ninjs';
import { loadConfig } from '@wiredesk/platform';
import type { ArticleOutcome, ArticleRepository, IncomingArticle } from '@wiredesk/storage';
import { MongoNetworkError } from 'mongodb';
import { StoreArticles } from './store-articles.use-case';

const doc = (uri: string, extra: Partial<Ninjs> = {}): Ninjs => ({
  uri,
  version: '1',
  headlines: [{ role: 'main', value: uri }],
  ...extra,
});

const message = (value: unknown, headers: Record<string, string> = {}, offset = '0'): ConsumedMessage => ({
  topic: 'articles.normalized',
  partition: 0,
  offset,
  key: null,
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers,
  rawHeaders: {},
  timestamp: '0',
});

/** A repository double that answers with scripted outcomes and records calls. */
class FakeArticles {
  batches: IncomingArticle[][] = [];
  published: string[][] = [];
  revisionsPublished: { uri: string; contentHash: string }[][] = [];
  constructor(private readonly decide: (item: IncomingArticle, index: number) => ArticleOutcome | Error) {}
  async applyBatch(items: IncomingArticle[]): Promise<ArticleOutcome[]> {
    this.batches.push(items);
    return items.map((item, index) => {
      const result = this.decide(item, index);
      if (result instanceof Error) throw result;
      return result;
    });
  }
  async markCancelEventsPublished(uris: string[]): Promise<void> {
    this.published.push(uris);
  }
  async markRevisionEventsPublished(revisions: { uri: string; contentHash: string }[]): Promise<void> {
    this.revisionsPublished.push(revisions);
  }
}

class FakeProducer {
  sent: OutboundMessage[][] = [];
  async send(records: OutboundMessage[]): Promise<void> {
    this.sent.push(records);
  }
}

const config = loadConfig({ TOPIC_ARTICLES: 'articles.test' });
const useCase = (articles: FakeArticles, producer = new FakeProducer()) =>
  new StoreArticles(articles as unknown as ArticleRepository, producer as unknown as KafkaProducerService, config);

describe('StoreArticles', () => {
  it('stores valid articles in one batch and dead-letters the rest with stage store', async () => {
    const articles = new FakeArticles((item, index) => ({
      index,
      uri: item.ninjs.uri,
      version: 1,
      outcome: 'created',
    }));
    const outcomes = await useCase(articles).execute([
      message(doc('urn:a')),
      message('not json'),
      message(doc('urn:b')),
      message(doc('urn:own'), { 'wd-emitter': 'archive' }),
    ]);
    expect(articles.batches.map((b) => b.map((i) => i.ninjs.uri))).toEqual([['urn:a', 'urn:b']]);
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(outcomes[1]).toMatchObject({ deadLetters: [{ code: 'MALFORMED_JSON', stage: 'store' }] });
    expect(outcomes[0]).toMatchObject({ outputs: [], deadLetters: [] });
    expect(outcomes[3]).toMatchObject({ outputs: [], deadLetters: [] });
  });

  it('dead-letters what the store rejects as STORE_REJECTED', async () => {
    const articles = new FakeArticles((item, index) => ({
      index,
      uri: item.ninjs.uri,
      version: 1,
      outcome: 'rejected',
      error: 'too large',
    }));
    const [outcome] = await useCase(articles).execute([message(doc('urn:a'))]);
    expect(outcome).toMatchObject({ deadLetters: [{ code: 'STORE_REJECTED', stage: 'store' }] });
  });

  it('publishes a canceled event per kill before returning, then clears the outbox', async () => {
    const killed = doc('urn:k', { pubStatus: 'canceled' });
    const articles = new FakeArticles((item, index) => ({
      index,
      uri: item.ninjs.uri,
      version: 2,
      outcome: 'canceled',
      canceledArticle: killed,
      canceledContentHash: 'h',
    }));
    const producer = new FakeProducer();
    await useCase(articles, producer).execute([message(killed, { 'wd-ingest-id': 'i-1', 'wd-source': 'afp' })]);
    expect(producer.sent).toHaveLength(1);
    expect(producer.sent[0][0]).toMatchObject({
      topic: 'articles.test',
      key: 'urn:k',
      headers: { 'wd-event': 'canceled', 'wd-emitter': 'archive', 'wd-ingest-id': 'i-1', 'wd-source': 'afp' },
    });
    expect(articles.published).toEqual([['urn:k']]);
  });

  it('publishes an updated event per revision (a replay re-derived the current version), then clears its outbox', async () => {
    const better = doc('urn:r', { headlines: [{ role: 'main', value: 'Better parse' }] });
    const articles = new FakeArticles((item, index) => ({
      index,
      uri: item.ninjs.uri,
      version: 1,
      outcome: item.replay ? 'revised' : 'stale',
    }));
    const producer = new FakeProducer();
    await useCase(articles, producer).execute([
      message(better, { 'wd-replay': 'true', 'wd-ingest-id': 'i-2' }, '1'),
      message(doc('urn:s'), {}, '2'),
    ]);
    expect(articles.batches[0].map((i) => i.replay)).toEqual([true, undefined]);
    expect(producer.sent).toHaveLength(1);
    expect(producer.sent[0]).toHaveLength(1);
    const [event] = producer.sent[0];
    expect(event).toMatchObject({
      topic: 'articles.test',
      key: 'urn:r',
      headers: { 'wd-event': 'updated', 'wd-emitter': 'archive', 'wd-replay': 'true', 'wd-ingest-id': 'i-2' },
    });
    expect(JSON.parse(String(event.value)).headlines[0].value).toBe('Better parse');
    const hash = String(event.headers!['wd-content-hash']);
    expect(articles.revisionsPublished).toEqual([[{ uri: 'urn:r', contentHash: hash }]]);
    expect(articles.published).toEqual([]);
  });

  it('turns a store outage into a transient error (retry, never dead-letter)', async () => {
    const articles = new FakeArticles(() => new MongoNetworkError('connection refused'));
    await expect(useCase(articles).execute([message(doc('urn:a'))])).rejects.toBeInstanceOf(TransientError);
  });

  it('lets a programming error through for the consumer to isolate', async () => {
    const articles = new FakeArticles(() => new TypeError('bug'));
    await expect(useCase(articles).execute([message(doc('urn:a'))])).rejects.toBeInstanceOf(TypeError);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(c.topics).toEqual({
      wireRaw: 'wire.raw',
      wireParsed: 'wire.parsed',
      articles: 'articles.normalized',
      dlq: 'wire.dlq',
      idempotency: 'wire.idempotency',
    });
    expect(c.topicReplicationFactor).toBe(1);
    expect(c.consumerGroupPrefix).toBe('wiredesk');
    expect(c.ports).toEqual({ ingest: 8080, archive: 8081, normalizer: 8082, enricher: 8083 });
  });

  it('reads every variable it documents', () => {
    const c = loadConfig({
      KAFKA_BROKERS: 'a:1, b:2',
      TOPIC_REPLICATION_FACTOR: '3',
      KAFKA_GROUP_PREFIX: 'test-x',
      CONSUMER_CHUNK_SIZE: '50',
      WIRE_DROP_DIR: '/drop',
      WIRE_DROP_STABLE_MS: '10',
      MAX_BODY_BYTES: '1000',
    });
    expect(c).toMatchObject({
      kafkaBrokers: ['a:1', 'b:2'],
      topicReplicationFactor: 3,
      consumerGroupPrefix: 'test-x',
      consumerChunkSize: 50,
      wireDropDir: '/drop',
      wireDropStableMs: 10,
      maxBodyBytes: 1000,
    });
  });

  it('reads the security settings: no keys and no rate limit by default', () => {
    expect(loadConfig({}).security).toEqual({
      apiKeys: [],
      rateLimitPerMinute: 0,
      rateLimitBurst: 0,
      metricsRequireKey: false,
    });
    const c = loadConfig({
      API_KEYS: 'producer-key-0123456789:write,reader-key-01234567890:read',
      RATE_LIMIT_PER_MINUTE: '120',
      METRICS_REQUIRE_KEY: 'true',
    });
    expect(c.security.apiKeys.map((k) => k.scopes)).toEqual([['write'], ['read']]);
    expect(c.security).toMatchObject({ rateLimitPerMinute: 120, rateLimitBurst: 120, metricsRequireKey: true });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '120', RATE_LIMIT_BURST: '10' }).security.rateLimitBurst).toBe(10);
  });

  it('compresses producer batches with gzip unless told none, and refuses codecs kafkajs lacks', () => {
    expect(loadConfig({}).kafkaCompression).toBe('gzip');
    expect(loadConfig({ KAFKA_COMPRESSION: 'GZIP' }).kafkaCompression).toBe('gzip');
    expect(loadConfig({ KAFKA_COMPRESSION: 'none' }).kafkaCompression).toBe('none');
    expect(() => loadConfig({ KAFKA_COMPRESSION: 'zstd' })).toThrow(/gzip or none/);
  });

  it('lists in CONFIG_VARIABLES exactly the variables the code reads', () => {
    const sources = [join(__dirname, 'config.ts'), join(__dirname, '../../contracts/src/topics.ts')].map((f) =>
      readFileSync(f, 'utf8'),
    );
    const read = new Set(sources.flatMap((s) => [...s.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1])));
    expect([...read].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('listens on 127.0.0.1 without API keys, on every interface with them, and where LISTEN_HOST says', () => {
    expect(loadConfig({}).listenHost).toBe('127.0.0.1');
    expect(loadConfig({ API_KEYS: 'k0123456789abcdef:read' }).listenHost).toBe('0.0.0.0');
    expect(loadConfig({ LISTEN_HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
  });
});

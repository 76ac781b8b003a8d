import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_DEFAULTS, CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

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
      metricsRequireKey: false,
    });
    const c = loadConfig({
      API_KEYS: 'producer-key-0123456789:write,reader-key-01234567890:read',
      RATE_LIMIT_PER_MINUTE: '120',
      METRICS_REQUIRE_KEY: 'true',
    });
    expect(c.security.apiKeys.map((k) => k.scopes)).toEqual([['write'], ['read']]);
    expect(c.security).toMatchObject({ rateLimitPerMinute: 120, metricsRequireKey: true });
  });

  it('compresses producer batches with gzip unless told none, and refuses codecs kafkajs lacks', () => {
    expect(loadConfig({}).kafkaCompression).toBe('gzip');
    expect(loadConfig({ KAFKA_COMPRESSION: 'GZIP' }).kafkaCompression).toBe('gzip');
    expect(loadConfig({ KAFKA_COMPRESSION: 'none' }).kafkaCompression).toBe('none');
    expect(() => loadConfig({ KAFKA_COMPRESSION: 'zstd' })).toThrow(/gzip or none/);
  });

  it.each([
    ['TOPIC_PARTITIONS', 'six', /TOPIC_PARTITIONS must be a whole number \(got "six"\)/],
    ['TOPIC_PARTITIONS', '6.5', /TOPIC_PARTITIONS must be a whole number/],
    ['TOPIC_PARTITIONS', '0', /TOPIC_PARTITIONS must be at least 1/],
    ['INGEST_PORT', '-1', /INGEST_PORT must be at least 1/],
    ['ARCHIVE_PORT', '70000', /ARCHIVE_PORT must be at most 65535/],
    ['KAFKA_BROKERS', 'localhost', /KAFKA_BROKERS must be host:port/],
    ['MONGO_URL', 'postgres://x', /MONGO_URL must be a mongodb/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error/],
    ['METRICS_REQUIRE_KEY', 'maybe', /METRICS_REQUIRE_KEY must be true or false/],
    ['TOPIC_DLQ', 'wire dlq', /TOPIC_DLQ must be a Kafka topic name/],
  ])('refuses %s=%s at start with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('names every bad variable at once, and never echoes an API key', () => {
    try {
      loadConfig({ INGEST_PORT: 'x', CONSUMER_CHUNK_SIZE: '-5', API_KEYS: 'short:write' });
      throw new Error('no error');
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(3);
      expect((e as Error).message).not.toContain('short');
    }
  });

  it('takes an empty value as unset, and IPv6 brokers', () => {
    expect(loadConfig({ TOPIC_PARTITIONS: '', LOG_LEVEL: ' ' })).toMatchObject({
      topicPartitions: 6,
      logLevel: 'info',
    });
    expect(loadConfig({ KAFKA_BROKERS: '[::1]:9092' }).kafkaBrokers).toEqual(['[::1]:9092']);
  });

  it('is documented row for row in docs/operations.md, with the same defaults', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/operations.md'), 'utf8');
    const section = doc.slice(
      doc.indexOf('## Configuration'),
      doc.indexOf('\n## ', doc.indexOf('## Configuration') + 1),
    );
    const rows = new Map(
      [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` +\| ([^|]*)\|/gm)].map((m) => [m[1], m[2].trim()] as const),
    );
    expect([...rows.keys()].sort()).toEqual([...CONFIG_VARIABLES].sort());
    for (const name of CONFIG_VARIABLES) {
      const value = CONFIG_DEFAULTS[name];
      if (value !== undefined) expect([name, rows.get(name)?.split(' ')[0]]).toEqual([name, `\`${value}\``]);
    }
  });

  it('listens on 127.0.0.1 without API keys, on every interface with them, and where LISTEN_HOST says', () => {
    expect(loadConfig({}).listenHost).toBe('127.0.0.1');
    expect(loadConfig({ API_KEYS: 'k0123456789abcdef:read' }).listenHost).toBe('0.0.0.0');
    expect(loadConfig({ LISTEN_HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
  });
});

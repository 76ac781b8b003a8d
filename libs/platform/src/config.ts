import { topicNames, type TopicNames } from '@wiredesk/contracts';
import { parseApiKeys, type ApiKey } from './security/api-keys';

/**
 * All configuration comes from the environment (12-factor; compose sets it, `wiredesk up` sets it for local runs).
 * One place lists every variable so the README's table and this code cannot drift apart.
 */
export interface WiredeskConfig {
  kafkaBrokers: string[];
  kafkaClientId: string;
  mongoUrl: string;
  topics: TopicNames;
  /** partitions used when a service creates its topics at start */
  topicPartitions: number;
  /** replication factor of the topics a service creates (1 on a single local broker, 3 in production) */
  topicReplicationFactor: number;
  /** consumer groups are `<prefix>-normalizer`, `<prefix>-enricher`, `<prefix>-archive` */
  consumerGroupPrefix: string;
  /** messages a consumer hands to its handler at once; offsets are committed after every chunk */
  consumerChunkSize: number;
  /** how long a producer send may take before an HTTP caller gets 503 (the message may still be delivered) */
  kafkaSendTimeoutMs: number;
  /** producer batch compression: gzip between machines, none when the broker shares the host (docs/performance.md) */
  kafkaCompression: 'gzip' | 'none';
  ports: { ingest: number; archive: number; normalizer: number; enricher: number };
  /** the address the HTTP servers listen on: LISTEN_HOST, else 0.0.0.0 with API_KEYS and 127.0.0.1 without (an
   * open API is only offered to this machine unless someone says otherwise) */
  listenHost: string;
  wireDropDir?: string;
  /** how often the drop folder is scanned (fs.watch events also trigger a scan) */
  wireDropPollMs: number;
  /** a dropped file is taken once its size and mtime have not changed for this long */
  wireDropStableMs: number;
  maxBodyBytes: number;
  /** worker threads of the normalizer's and the enricher's pools (parsing and enrichment run there, never on the
   * event loop that keeps the Kafka heartbeats and health answers going) */
  workerThreads: number;
  /** how long parsing one raw input may take before it is dead-lettered PARSE_TIMEOUT */
  parseTimeLimitMs: number;
  /** how long enriching one article may take before its input is dead-lettered ENRICH_TIMEOUT */
  enrichTimeLimitMs: number;
  /** more stories than this in one delivery: dead-lettered TOO_MANY_ARTICLES (docs/reliability.md) */
  maxArticlesPerDelivery: number;
  logLevel: string;
  security: SecurityConfig;
}

/** API keys and rate limits of the HTTP APIs (libs/platform/src/security). */
export interface SecurityConfig {
  /** API_KEYS parsed; empty = no key required (local development) */
  apiKeys: ApiKey[];
  /** requests a minute per key (per IP address without a key); 0 = no limit */
  rateLimitPerMinute: number;
  /** requests a client may send at once before the per-minute rate applies */
  rateLimitBurst: number;
  /** GET /metrics needs a key with the `metrics` scope (only when API_KEYS is set) */
  metricsRequireKey: boolean;
}

/** kafkajs has no built-in lz4/snappy/zstd codec, so gzip or nothing. */
function compression(value: string | undefined): 'gzip' | 'none' {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'gzip') return 'gzip';
  if (v === 'none') return 'none';
  throw new Error(`KAFKA_COMPRESSION must be gzip or none, not "${value}".`);
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WiredeskConfig {
  return {
    kafkaBrokers: (env.KAFKA_BROKERS || '127.0.0.1:9092')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    kafkaClientId: env.KAFKA_CLIENT_ID || 'wiredesk',
    mongoUrl: env.MONGO_URL || 'mongodb://127.0.0.1:27017/wiredesk',
    topics: topicNames(env),
    topicPartitions: int(env.TOPIC_PARTITIONS, 6),
    topicReplicationFactor: int(env.TOPIC_REPLICATION_FACTOR, 1),
    consumerGroupPrefix: env.KAFKA_GROUP_PREFIX || 'wiredesk',
    consumerChunkSize: int(env.CONSUMER_CHUNK_SIZE, 200),
    kafkaSendTimeoutMs: int(env.KAFKA_SEND_TIMEOUT_MS, 30000),
    kafkaCompression: compression(env.KAFKA_COMPRESSION),
    ports: {
      ingest: int(env.INGEST_PORT, 8080),
      archive: int(env.ARCHIVE_PORT, 8081),
      normalizer: int(env.NORMALIZER_PORT, 8082),
      enricher: int(env.ENRICHER_PORT, 8083),
    },
    listenHost: env.LISTEN_HOST || (parseApiKeys(env.API_KEYS).length > 0 ? '0.0.0.0' : '127.0.0.1'),
    wireDropDir: env.WIRE_DROP_DIR || undefined,
    wireDropPollMs: int(env.WIRE_DROP_POLL_MS, 1000),
    wireDropStableMs: int(env.WIRE_DROP_STABLE_MS, 1000),
    maxBodyBytes: int(env.MAX_BODY_BYTES, 50 * 1024 * 1024),
    workerThreads: Math.max(1, int(env.WORKER_THREADS, 1)),
    parseTimeLimitMs: Math.max(100, int(env.PARSE_TIME_LIMIT_MS, 10000)),
    enrichTimeLimitMs: Math.max(100, int(env.ENRICH_TIME_LIMIT_MS, 10000)),
    maxArticlesPerDelivery: Math.max(1, int(env.MAX_ARTICLES_PER_DELIVERY, 1000)),
    logLevel: env.LOG_LEVEL || 'info',
    security: {
      apiKeys: parseApiKeys(env.API_KEYS),
      rateLimitPerMinute: Math.max(0, int(env.RATE_LIMIT_PER_MINUTE, 0)),
      rateLimitBurst: Math.max(0, int(env.RATE_LIMIT_BURST, int(env.RATE_LIMIT_PER_MINUTE, 0))),
      metricsRequireKey: /^(1|true|yes)$/i.test(env.METRICS_REQUIRE_KEY ?? ''),
    },
  };
}

/** Documented variables, in README order. Kept here so a test can check the README lists every one. */
export const CONFIG_VARIABLES = [
  'KAFKA_BROKERS',
  'KAFKA_CLIENT_ID',
  'MONGO_URL',
  'TOPIC_WIRE_RAW',
  'TOPIC_WIRE_PARSED',
  'TOPIC_ARTICLES',
  'TOPIC_DLQ',
  'TOPIC_IDEMPOTENCY',
  'TOPIC_PARTITIONS',
  'TOPIC_REPLICATION_FACTOR',
  'KAFKA_GROUP_PREFIX',
  'CONSUMER_CHUNK_SIZE',
  'KAFKA_SEND_TIMEOUT_MS',
  'KAFKA_COMPRESSION',
  'INGEST_PORT',
  'ARCHIVE_PORT',
  'NORMALIZER_PORT',
  'ENRICHER_PORT',
  'LISTEN_HOST',
  'WIRE_DROP_DIR',
  'WIRE_DROP_POLL_MS',
  'WIRE_DROP_STABLE_MS',
  'MAX_BODY_BYTES',
  'WORKER_THREADS',
  'PARSE_TIME_LIMIT_MS',
  'ENRICH_TIME_LIMIT_MS',
  'MAX_ARTICLES_PER_DELIVERY',
  'LOG_LEVEL',
  'API_KEYS',
  'RATE_LIMIT_PER_MINUTE',
  'RATE_LIMIT_BURST',
  'METRICS_REQUIRE_KEY',
] as const;

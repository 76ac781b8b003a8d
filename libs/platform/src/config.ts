import { hostname } from 'node:os';
import type { TopicNames } from '@wiredesk/contracts';
import { z } from 'zod';
import { parseApiKeys, type ApiKey } from './security/api-keys';

/**
 * All configuration comes from the environment (12-factor; compose sets it, `wiredesk up` sets it for local runs).
 * ENV_SCHEMA below is the one place that says which variables exist, their defaults and what values they take; a
 * bad value stops the service at start with a message naming the variable (`TOPIC_PARTITIONS=six` never becomes 6).
 * docs/operations.md's table is checked against it by config.spec.ts.
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
  /** the archive's address as consumers reach it: pictures' renditions point at its raw copies (/v1/raw/{ingestId}) */
  archivePublicUrl: string;
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
  /** the time budget of one archive API request's store queries; past it: 503 with Retry-After */
  queryTimeLimitMs: number;
  logLevel: LogLevelName;
  security: SecurityConfig;
  sources: PollerConfig;
}

/** The poller of scheduled sources (feeds, FTP/SFTP, IMAP…) that runs inside ingest (apps/ingest/src/sources). */
export interface PollerConfig {
  /** WIREDESK_SOURCES: the YAML file of sources */
  file?: string;
  /** sources API and poller on (default: on when WIREDESK_SOURCES is set); they need the store (MONGO_URL) */
  enabled: boolean;
  /** sources polled at the same time by this instance */
  concurrency: number;
  /** a poll that takes longer is cut off (a source's own `timeout` wins) */
  timeoutMs: number;
  /** pause between the two listings that tell a finished remote file from one still being written */
  settleMs: number;
  /** this instance's name in the leases (default host name and process id) */
  instanceId: string;
  /** delivered items are remembered this many days */
  seenRetentionDays: number;
}

/** API keys and rate limits of the HTTP APIs (libs/platform/src/security). */
export interface SecurityConfig {
  /** API_KEYS parsed; empty = no key required (local development) */
  apiKeys: ApiKey[];
  /** requests a minute per key (per IP address without a key); 0 = no limit */
  rateLimitPerMinute: number;
  /** GET /metrics needs a key with the `metrics` scope (only when API_KEYS is set) */
  metricsRequireKey: boolean;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

// --- the value types environment variables take ------------------------------------------------------------------

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const port = () => wholeNumber(1, 65535);
const topicName = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,249}$/, 'must be a Kafka topic name');
const flag = () =>
  z
    .string()
    .trim()
    .regex(/^(1|0|true|false|yes|no)$/i, 'must be true or false')
    .transform((v) => /^(1|true|yes)$/i.test(v));
const apiKeys = () =>
  z.string().transform((spec, ctx) => {
    try {
      return parseApiKeys(spec);
    } catch (e) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message });
      return z.NEVER;
    }
  });

/** Every variable, with its default (undefined: unset unless given). */
export const CONFIG_DEFAULTS = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_CLIENT_ID: 'wiredesk',
  MONGO_URL: 'mongodb://127.0.0.1:27017/wiredesk',
  TOPIC_WIRE_RAW: 'wire.raw',
  TOPIC_WIRE_PARSED: 'wire.parsed',
  TOPIC_ARTICLES: 'articles.normalized',
  TOPIC_DLQ: 'wire.dlq',
  TOPIC_IDEMPOTENCY: 'wire.idempotency',
  TOPIC_PARTITIONS: '6',
  TOPIC_REPLICATION_FACTOR: '1',
  KAFKA_GROUP_PREFIX: 'wiredesk',
  CONSUMER_CHUNK_SIZE: '200',
  KAFKA_SEND_TIMEOUT_MS: '30000',
  KAFKA_COMPRESSION: 'gzip',
  INGEST_PORT: '8080',
  ARCHIVE_PORT: '8081',
  NORMALIZER_PORT: '8082',
  ENRICHER_PORT: '8083',
  LISTEN_HOST: undefined,
  ARCHIVE_PUBLIC_URL: undefined,
  WIRE_DROP_DIR: undefined,
  WIRE_DROP_POLL_MS: '1000',
  WIRE_DROP_STABLE_MS: '1000',
  MAX_BODY_BYTES: String(50 * 1024 * 1024),
  WORKER_THREADS: '1',
  PARSE_TIME_LIMIT_MS: '10000',
  ENRICH_TIME_LIMIT_MS: '10000',
  MAX_ARTICLES_PER_DELIVERY: '1000',
  QUERY_TIME_LIMIT_MS: '5000',
  LOG_LEVEL: 'info',
  API_KEYS: undefined,
  RATE_LIMIT_PER_MINUTE: '0',
  METRICS_REQUIRE_KEY: 'false',
  WIREDESK_SOURCES: undefined,
  SOURCES_ENABLED: undefined,
  POLLER_CONCURRENCY: '4',
  POLLER_TIMEOUT_MS: '120000',
  POLLER_SETTLE_MS: '2000',
  POLLER_INSTANCE_ID: undefined,
  POLLER_SEEN_DAYS: '90',
} as const satisfies Record<string, string | undefined>;

export type ConfigVariable = keyof typeof CONFIG_DEFAULTS;
/** Documented variables, in the order of docs/operations.md. */
export const CONFIG_VARIABLES = Object.keys(CONFIG_DEFAULTS) as ConfigVariable[];

const ENV_SCHEMA = z.object({
  KAFKA_BROKERS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^\s:/[\]]+):\d{1,5}$/, 'must be host:port, comma-separated'))
        .min(1),
    ),
  KAFKA_CLIENT_ID: z.string().trim().min(1),
  MONGO_URL: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// or mongodb+srv:// URL'),
  TOPIC_WIRE_RAW: topicName(),
  TOPIC_WIRE_PARSED: topicName(),
  TOPIC_ARTICLES: topicName(),
  TOPIC_DLQ: topicName(),
  TOPIC_IDEMPOTENCY: topicName(),
  TOPIC_PARTITIONS: wholeNumber(1, 10_000),
  TOPIC_REPLICATION_FACTOR: wholeNumber(1, 100),
  KAFKA_GROUP_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be letters, digits, . _ or -'),
  CONSUMER_CHUNK_SIZE: wholeNumber(1, 100_000),
  KAFKA_SEND_TIMEOUT_MS: wholeNumber(1),
  // kafkajs has no built-in lz4/snappy/zstd codec, so gzip or nothing
  KAFKA_COMPRESSION: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['gzip', 'none'], { message: 'must be gzip or none' })),
  INGEST_PORT: port(),
  ARCHIVE_PORT: port(),
  NORMALIZER_PORT: port(),
  ENRICHER_PORT: port(),
  LISTEN_HOST: z
    .string()
    .trim()
    .regex(/^[\w.:[\]-]{1,255}$/, 'must be an address or host name such as 127.0.0.1 or 0.0.0.0')
    .optional(),
  ARCHIVE_PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  WIRE_DROP_DIR: z.string().optional(),
  WIRE_DROP_POLL_MS: wholeNumber(1),
  WIRE_DROP_STABLE_MS: wholeNumber(0),
  MAX_BODY_BYTES: wholeNumber(1),
  WORKER_THREADS: wholeNumber(1, 64),
  PARSE_TIME_LIMIT_MS: wholeNumber(100),
  ENRICH_TIME_LIMIT_MS: wholeNumber(100),
  MAX_ARTICLES_PER_DELIVERY: wholeNumber(1),
  QUERY_TIME_LIMIT_MS: wholeNumber(1),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
  API_KEYS: apiKeys().optional(),
  RATE_LIMIT_PER_MINUTE: wholeNumber(0),
  METRICS_REQUIRE_KEY: flag(),
  WIREDESK_SOURCES: z.string().optional(),
  SOURCES_ENABLED: flag().optional(),
  POLLER_CONCURRENCY: wholeNumber(1, 1000),
  POLLER_TIMEOUT_MS: wholeNumber(1000),
  POLLER_SETTLE_MS: wholeNumber(0),
  POLLER_INSTANCE_ID: z.string().trim().min(1).optional(),
  POLLER_SEEN_DAYS: wholeNumber(1),
} satisfies Record<ConfigVariable, z.ZodTypeAny>);

/** A configuration that cannot start a service: every bad variable, one line each. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; throws ConfigError naming every bad variable. An empty value means unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): WiredeskConfig {
  const input: Record<string, string | undefined> = {};
  for (const name of CONFIG_VARIABLES) {
    const given = env[name];
    input[name] = given === undefined || given.trim() === '' ? CONFIG_DEFAULTS[name] : given;
  }
  const parsed = ENV_SCHEMA.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        // API keys are secrets: never echo the value
        const value = name === 'API_KEYS' ? '' : ` (got "${input[name]}")`;
        return `${name} ${issue.message}${value}`;
      }),
    );
  }
  const v = parsed.data;
  return {
    kafkaBrokers: v.KAFKA_BROKERS,
    kafkaClientId: v.KAFKA_CLIENT_ID,
    mongoUrl: v.MONGO_URL,
    topics: {
      wireRaw: v.TOPIC_WIRE_RAW,
      wireParsed: v.TOPIC_WIRE_PARSED,
      articles: v.TOPIC_ARTICLES,
      dlq: v.TOPIC_DLQ,
      idempotency: v.TOPIC_IDEMPOTENCY,
    },
    topicPartitions: v.TOPIC_PARTITIONS,
    topicReplicationFactor: v.TOPIC_REPLICATION_FACTOR,
    consumerGroupPrefix: v.KAFKA_GROUP_PREFIX,
    consumerChunkSize: v.CONSUMER_CHUNK_SIZE,
    kafkaSendTimeoutMs: v.KAFKA_SEND_TIMEOUT_MS,
    kafkaCompression: v.KAFKA_COMPRESSION,
    ports: { ingest: v.INGEST_PORT, archive: v.ARCHIVE_PORT, normalizer: v.NORMALIZER_PORT, enricher: v.ENRICHER_PORT },
    listenHost: v.LISTEN_HOST ?? ((v.API_KEYS ?? []).length > 0 ? '0.0.0.0' : '127.0.0.1'),
    archivePublicUrl: v.ARCHIVE_PUBLIC_URL ?? `http://127.0.0.1:${v.ARCHIVE_PORT}`,
    wireDropDir: v.WIRE_DROP_DIR,
    wireDropPollMs: v.WIRE_DROP_POLL_MS,
    wireDropStableMs: v.WIRE_DROP_STABLE_MS,
    maxBodyBytes: v.MAX_BODY_BYTES,
    workerThreads: v.WORKER_THREADS,
    parseTimeLimitMs: v.PARSE_TIME_LIMIT_MS,
    enrichTimeLimitMs: v.ENRICH_TIME_LIMIT_MS,
    maxArticlesPerDelivery: v.MAX_ARTICLES_PER_DELIVERY,
    queryTimeLimitMs: v.QUERY_TIME_LIMIT_MS,
    logLevel: v.LOG_LEVEL,
    security: {
      apiKeys: v.API_KEYS ?? [],
      rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
      metricsRequireKey: v.METRICS_REQUIRE_KEY,
    },
    sources: {
      file: v.WIREDESK_SOURCES,
      enabled: v.SOURCES_ENABLED ?? !!v.WIREDESK_SOURCES,
      concurrency: v.POLLER_CONCURRENCY,
      timeoutMs: v.POLLER_TIMEOUT_MS,
      settleMs: v.POLLER_SETTLE_MS,
      instanceId: v.POLLER_INSTANCE_ID ?? `${hostname()}:${process.pid}`,
      seenRetentionDays: v.POLLER_SEEN_DAYS,
    },
  };
}

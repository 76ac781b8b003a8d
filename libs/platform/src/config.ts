import { topicNames, type TopicNames } from '@wiredesk/contracts';

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
  ports: { ingest: number; archive: number; normalizer: number; enricher: number };
  wireDropDir?: string;
  maxBodyBytes: number;
  logLevel: string;
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
    ports: {
      ingest: int(env.INGEST_PORT, 8080),
      archive: int(env.ARCHIVE_PORT, 8081),
      normalizer: int(env.NORMALIZER_PORT, 8082),
      enricher: int(env.ENRICHER_PORT, 8083),
    },
    wireDropDir: env.WIRE_DROP_DIR || undefined,
    maxBodyBytes: int(env.MAX_BODY_BYTES, 50 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
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
  'TOPIC_PARTITIONS',
  'INGEST_PORT',
  'ARCHIVE_PORT',
  'NORMALIZER_PORT',
  'ENRICHER_PORT',
  'WIRE_DROP_DIR',
  'MAX_BODY_BYTES',
  'LOG_LEVEL',
] as const;

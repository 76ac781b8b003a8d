import { randomBytes } from 'node:crypto';
import { loadConfig, type WiredeskConfig } from '@wiredesk/platform';

/**
 * A WiredeskConfig for one e2e test file: the brokers of the global setup, and topic names and consumer groups of its
 * own (suffix), so test files never read each other's messages.
 */
export function e2eConfig(name: string, overrides: NodeJS.ProcessEnv = {}): WiredeskConfig & { suffix: string } {
  const { env, suffix } = e2eEnv(name, overrides);
  return { ...loadConfig(env), suffix };
}

/** The environment behind e2eConfig, for services run as child processes (test/support/services.ts). */
export function e2eEnv(name: string, overrides: NodeJS.ProcessEnv = {}): { env: NodeJS.ProcessEnv; suffix: string } {
  const suffix = `${name}.${randomBytes(4).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TOPIC_WIRE_RAW: `wire.raw.${suffix}`,
    TOPIC_WIRE_PARSED: `wire.parsed.${suffix}`,
    TOPIC_ARTICLES: `articles.normalized.${suffix}`,
    TOPIC_DLQ: `wire.dlq.${suffix}`,
    TOPIC_IDEMPOTENCY: `wire.idempotency.${suffix}`,
    TOPIC_PARTITIONS: '2',
    TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_GROUP_PREFIX: `e2e-${suffix}`,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...overrides,
  };
  if (!env.KAFKA_BROKERS)
    throw new Error('KAFKA_BROKERS is not set: run through test/jest-e2e.config.js (global setup)');
  return { env, suffix };
}

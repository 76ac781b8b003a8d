// Jest e2e global setup: the real Kafka and MongoDB-compatible store for every e2e spec.
// KAFKA_BROKERS / MONGO_URL set: those servers are used (only checked to answer). Otherwise the local stack of
// libs/infra is started — or reused if one already runs (e.g. after `wiredesk infra up`) — and its addresses are
// handed to the test workers through process.env (jest gives workers the environment of this process).
// Relative import: jest's moduleNameMapper does not apply to global setup modules.
import { infraUp, type InfraEndpoints } from '../../libs/infra/src';

export const STARTED_KEY = '__WIREDESK_E2E_INFRA_STARTED__';

export default async function globalSetup(): Promise<void> {
  const began = Date.now();
  const log = (message: string) => process.stderr.write(`[e2e infra] ${message}\n`);
  // attached: servers this run starts die with jest even if it is interrupted before the teardown
  const endpoints: InfraEndpoints = await infraUp({ attached: true, log });
  process.env.KAFKA_BROKERS = endpoints.kafkaBrokers.join(',');
  process.env.MONGO_URL = endpoints.mongoUrl;
  (globalThis as Record<string, unknown>)[STARTED_KEY] = endpoints.started;
  const { started, managed } = endpoints;
  const how =
    started.kafka || started.mongo ? 'started' : managed.kafka || managed.mongo ? 'reused' : 'external servers answer';
  log(
    `${how} in ${((Date.now() - began) / 1000).toFixed(1)} s: KAFKA_BROKERS=${process.env.KAFKA_BROKERS} MONGO_URL=${process.env.MONGO_URL}`,
  );
}

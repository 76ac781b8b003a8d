// docs/operations.md is what the ops team configures from: its table must list every variable the code reads, with
// the default the code really uses, and what docker-compose.yml really sets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../libs/platform/src/config';

const ROOT = join(__dirname, '..');
const doc = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, unknown> }>;
};

/** Rows of the configuration table: variable → [default, compose, meaning], backticks removed. */
function configRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim().replace(/`/g, ''));
    if (cells.length === 4 && /^[A-Z][A-Z0-9_]+$/.test(cells[0])) rows.set(cells[0], cells.slice(1));
  }
  return rows;
}

describe('docs/operations.md', () => {
  const rows = configRows();

  it('documents exactly the configuration variables the code reads', () => {
    expect([...rows.keys()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('gives the defaults loadConfig really uses', () => {
    const defaults = loadConfig({});
    const expected: Record<string, string> = {
      KAFKA_BROKERS: defaults.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: defaults.kafkaClientId,
      MONGO_URL: defaults.mongoUrl,
      TOPIC_WIRE_RAW: defaults.topics.wireRaw,
      TOPIC_WIRE_PARSED: defaults.topics.wireParsed,
      TOPIC_ARTICLES: defaults.topics.articles,
      TOPIC_DLQ: defaults.topics.dlq,
      TOPIC_PARTITIONS: String(defaults.topicPartitions),
      TOPIC_REPLICATION_FACTOR: String(defaults.topicReplicationFactor),
      KAFKA_GROUP_PREFIX: defaults.consumerGroupPrefix,
      CONSUMER_CHUNK_SIZE: String(defaults.consumerChunkSize),
      KAFKA_SEND_TIMEOUT_MS: String(defaults.kafkaSendTimeoutMs),
      INGEST_PORT: String(defaults.ports.ingest),
      ARCHIVE_PORT: String(defaults.ports.archive),
      NORMALIZER_PORT: String(defaults.ports.normalizer),
      ENRICHER_PORT: String(defaults.ports.enricher),
      WIRE_DROP_POLL_MS: String(defaults.wireDropPollMs),
      WIRE_DROP_STABLE_MS: String(defaults.wireDropStableMs),
      MAX_BODY_BYTES: String(defaults.maxBodyBytes),
      LOG_LEVEL: defaults.logLevel,
    };
    for (const [variable, value] of Object.entries(expected)) {
      // the documented default starts with the real one (it may add a note, e.g. "(50 MiB)")
      expect({ variable, documented: rows.get(variable)?.[0].split(' ')[0] }).toEqual({ variable, documented: value });
    }
    expect(defaults.wireDropDir).toBeUndefined();
    expect(rows.get('WIRE_DROP_DIR')?.[0]).toMatch(/^unset/);
  });

  it('shows what docker-compose.yml sets, as compose sets it', () => {
    const ingestEnv = compose.services.ingest.environment ?? {};
    for (const [variable, [, documented]] of rows) {
      const set = ingestEnv[variable];
      if (set === undefined || variable === 'KAFKA_CLIENT_ID') continue; // client id differs per service
      expect({ variable, documented: documented.split(' ')[0] }).toEqual({ variable, documented: String(set) });
    }
  });
});

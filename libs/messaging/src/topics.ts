import type { WiredeskConfig } from '@wiredesk/platform';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
}

const MIB = 1024 * 1024;
const MAX_INT32 = 2 ** 31 - 1;

function maxMessageBytes(bytes: number): string {
  return String(Math.min(MAX_INT32, Math.ceil(bytes)));
}

/**
 * The topics every service makes sure of at start. Record size limits follow the accepted body size: wire.raw and
 * wire.dlq carry the raw bytes; wire.parsed carries them base64-encoded plus the articles; an article is at most a
 * few times its source. wire.dlq is kept forever: nothing that was accepted is ever dropped.
 */
export function wiredeskTopicSpecs(config: WiredeskConfig): TopicSpec[] {
  const { topics, topicPartitions: numPartitions, topicReplicationFactor: replicationFactor, maxBodyBytes } = config;
  const minIsr = String(Math.max(1, Math.min(2, replicationFactor - 1)));
  const common = [{ name: 'min.insync.replicas', value: minIsr }];
  const spec = (topic: string, maxBytes: number, extra: { name: string; value: string }[] = []): TopicSpec => ({
    topic,
    numPartitions,
    replicationFactor,
    configEntries: [...common, { name: 'max.message.bytes', value: maxMessageBytes(maxBytes) }, ...extra],
  });
  return [
    spec(topics.wireRaw, maxBodyBytes + MIB),
    spec(topics.wireParsed, maxBodyBytes * 3 + MIB),
    spec(topics.articles, maxBodyBytes * 2 + MIB),
    spec(topics.dlq, maxBodyBytes + MIB, [{ name: 'retention.ms', value: '-1' }]),
    // small records, the latest per key is what counts
    spec(topics.idempotency, MIB, [{ name: 'cleanup.policy', value: 'compact' }]),
  ];
}

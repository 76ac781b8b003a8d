import type { WiredeskConfig } from '@wiredesk/platform';
import { scanTopic } from '@wiredesk/messaging';
import type { Kafka } from 'kafkajs';
import type { ReplayMark } from './dead-letter.model';

// The compacted topic <TOPIC_DLQ>.replayed records every replayed position, so a replay never sends one twice.

export const replayTopicOf = (dlqTopic: string): string => `${dlqTopic}.replayed`;

/** The replay marks recorded so far, by position text; an absent topic means nothing was replayed yet. */
export async function readMarks(kafka: Kafka, dlqTopic: string): Promise<Map<string, ReplayMark>> {
  const marks = new Map<string, ReplayMark>();
  await scanTopic(kafka, replayTopicOf(dlqTopic), (_p, m) => {
    const key = m.key?.toString('utf8');
    if (!key) return;
    if (!m.value)
      marks.delete(key); // a tombstone un-marks
    else {
      try {
        marks.set(key, JSON.parse(m.value.toString('utf8')) as ReplayMark);
      } catch {
        marks.set(key, { replayedAt: new Date(Number(m.timestamp)).toISOString(), to: '?' });
      }
    }
  });
  return marks;
}

export async function ensureReplayTopic(kafka: Kafka, config: WiredeskConfig): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topic = replayTopicOf(config.topics.dlq);
    if ((await admin.listTopics()).includes(topic)) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: 1,
          replicationFactor: config.topicReplicationFactor,
          configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
        },
      ],
    });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

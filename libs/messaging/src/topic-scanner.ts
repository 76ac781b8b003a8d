import { randomBytes } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** How long a scan waits without any new message before it gives up on the partitions it has not finished. */
const SCAN_IDLE_MS = 15000;

/**
 * Reads a topic from the given offsets (default: its beginning) up to its end as it was when the scan started, with
 * a throwaway consumer group that commits nothing and is deleted afterwards, so the services' groups are untouched.
 * `onMessage` returning true stops the scan. Resolves false when the topic does not exist.
 */
export async function scanTopic(
  kafka: Kafka,
  topic: string,
  onMessage: (partition: number, message: KafkaMessage) => Promise<boolean | void> | boolean | void,
  options: { from?: Map<number, string>; partitions?: Set<number> } = {},
): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  const ranges = new Map<number, { next: bigint; end: bigint }>();
  const groupId = `wiredesk-scan-${randomBytes(6).toString('hex')}`;
  let joined = false;
  try {
    if (!(await admin.listTopics()).includes(topic)) return false;
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (options.partitions && !options.partitions.has(p.partition)) continue;
      const low = BigInt(p.low);
      const end = BigInt(p.high);
      const asked = options.from?.get(p.partition);
      const next = asked !== undefined && BigInt(asked) > low ? BigInt(asked) : low;
      if (next < end) ranges.set(p.partition, { next, end });
    }
    if (ranges.size === 0) return true;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
    joined = true;
    await consumer.connect();
    try {
      let lastProgress = Date.now();
      let finish!: (e?: unknown) => void;
      const done = new Promise<void>((resolve, reject) => {
        finish = (e?: unknown) => (e ? reject(e) : resolve());
      });
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch, isRunning, isStale }) => {
          const range = ranges.get(batch.partition);
          if (!range) return;
          try {
            for (const m of batch.messages) {
              if (!isRunning() || isStale()) return;
              const offset = BigInt(m.offset);
              if (offset < range.next) continue; // fetched before the seek took effect
              if (offset >= range.end) break;
              range.next = offset + 1n;
              lastProgress = Date.now();
              if (await onMessage(batch.partition, m)) {
                ranges.clear();
                break;
              }
            }
          } catch (e) {
            finish(e);
            return;
          }
          if (range.next >= range.end) ranges.delete(batch.partition);
          if (ranges.size === 0) finish();
        },
      });
      for (const [partition, range] of ranges) consumer.seek({ topic, partition, offset: range.next.toString() });
      const watchdog = setInterval(() => {
        if (Date.now() - lastProgress > SCAN_IDLE_MS) {
          finish(new Error(`no messages from ${topic} for ${SCAN_IDLE_MS / 1000} s before its end was reached`));
        }
      }, 1000);
      try {
        await done;
      } finally {
        clearInterval(watchdog);
      }
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    return true;
  } finally {
    if (joined) await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

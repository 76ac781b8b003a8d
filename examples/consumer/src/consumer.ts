import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { readArticleEvent, type ReadEvent } from './article-event';
import { StoryLedger, type Decision } from './story-ledger';

export interface ExampleConsumerOptions {
  brokers: string[];
  /** default articles.normalized */
  topic?: string;
  groupId: string;
  /** read the topic from its beginning when the group has no committed offsets yet (default true) */
  fromBeginning?: boolean;
  /**
   * Your side effect (index, notify, publish). Called for created / updated / canceled only. It must be idempotent
   * itself or record (uri, version, content hash) in the same transaction: a crash after it ran and before the offset
   * was committed delivers the message again.
   */
  onChange: (decision: 'created' | 'updated' | 'canceled', event: ReadEvent) => Promise<void> | void;
  /** every message with what was decided, including the ignored ones (for logs and tests) */
  onDecision?: (decision: Decision | 'unreadable', event: ReadEvent | undefined) => void;
  /** where the per-story state lives; in production keep it in your own store, not in memory */
  ledger?: StoryLedger;
  /** kafkajs's own logging (default WARN) */
  kafkaLogLevel?: logLevel;
}

export interface RunningConsumer {
  ledger: StoryLedger;
  consumer: Consumer;
  stop(): Promise<void>;
}

/**
 * A downstream consumer of articles.normalized: at-least-once (the offset is committed only after `onChange`
 * returned), idempotent (the ledger turns redeliveries into no-ops), in story order (the key is the uri, so every
 * version of a story is on one partition, and kafkajs hands one partition's messages over in order).
 */
export async function startExampleConsumer(options: ExampleConsumerOptions): Promise<RunningConsumer> {
  const kafka = new Kafka({
    clientId: 'example-consumer',
    brokers: options.brokers,
    logLevel: options.kafkaLogLevel ?? logLevel.WARN,
  });
  const consumer = kafka.consumer({ groupId: options.groupId });
  const ledger = options.ledger ?? new StoryLedger();
  await consumer.connect();
  await consumer.subscribe({
    topic: options.topic ?? 'articles.normalized',
    fromBeginning: options.fromBeginning ?? true,
  });
  await consumer.run({
    // eachMessage commits after the handler resolves; a throw redelivers the message (and the ledger dedupes it)
    eachMessage: async ({ message }) => {
      const event = readArticleEvent(message);
      if (!event) {
        options.onDecision?.('unreadable', undefined);
        return;
      }
      const before = ledger.get(event.uri);
      const decision = ledger.apply(event);
      if (decision === 'created' || decision === 'updated' || decision === 'canceled') {
        try {
          await options.onChange(decision, event);
        } catch (error) {
          // undo the bookkeeping so the redelivery is acted on again, then let kafkajs retry the message
          ledger.restore(event.uri, before);
          throw error;
        }
      }
      options.onDecision?.(decision, event);
    },
  });
  return { ledger, consumer, stop: () => consumer.disconnect() };
}

import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { WiredeskMetrics } from '@wiredesk/platform';
import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { KAFKA_CLIENT, MESSAGING_OPTIONS } from './messaging.tokens';
import type { MessagingOptions } from './messaging.options';
import type { OutboundMessage } from './outcomes';
import { SendQueue } from './send-queue';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The service's one idempotent producer (acks from all in-sync replicas, GZIP batches unless
 * KAFKA_COMPRESSION=none). Callers `send` records and get a promise that resolves once the broker has acknowledged all of them; concurrent callers are coalesced into
 * batched requests by the SendQueue.
 */
@Injectable()
export class KafkaProducerService implements OnApplicationShutdown {
  private readonly logger = new Logger('KafkaProducer');
  private readonly producer: Producer;
  private readonly queue: SendQueue;
  private readonly compression: CompressionTypes;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka, @Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.compression = options.config.kafkaCompression === 'none' ? CompressionTypes.None : CompressionTypes.GZIP;
    this.producer = kafka.producer({
      idempotent: true,
      // idempotence needs ordered requests per connection; the SendQueue keeps one request in flight anyway
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      // retries must stay unbounded for the idempotent producer; SendQueue bounds how long a caller waits
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10000 },
    });
    this.queue = new SendQueue((records) => this.sendNow(records), {
      maxMessages: 2000,
      maxBytes: 8 * 1024 * 1024,
      timeoutMs: options.config.kafkaSendTimeoutMs,
    });
  }

  connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((e) => {
      this.connecting = undefined;
      throw e;
    });
    return this.connecting;
  }

  /** Produces the records; resolves when every one is acknowledged (acks=-1). */
  async send(records: OutboundMessage[]): Promise<void> {
    if (records.length === 0) return;
    if (this.closed) throw new Error('The producer is shut down.');
    await this.connect();
    return this.queue.enqueue(records);
  }

  private async sendNow(records: OutboundMessage[]): Promise<void> {
    await this.producer.sendBatch({
      topicMessages: groupByTopic(records),
      acks: -1,
      compression: this.compression,
    });
    const published = WiredeskMetrics.published();
    const counts = new Map<string, number>();
    for (const r of records) counts.set(r.topic, (counts.get(r.topic) ?? 0) + 1);
    for (const [topic, n] of counts) published.inc({ topic }, n);
  }

  /** Runs after consumers stopped and HTTP closed: flush what is queued, then disconnect. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.race([this.queue.drained(), sleep(10000, undefined, { ref: false })]);
    try {
      await this.producer.disconnect();
    } catch (e) {
      this.logger.warn({ msg: 'producer disconnect failed', error: (e as Error).message });
    }
  }
}

function groupByTopic(records: OutboundMessage[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const r of records) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push({ key: r.key ?? null, value: r.value, headers: r.headers, timestamp: r.timestamp });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

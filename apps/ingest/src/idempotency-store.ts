import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KAFKA_CLIENT, type OutboundMessage } from '@wiredesk/messaging';
import { WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import type { Consumer, Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';

/** What is remembered of the first delivery sent with an Idempotency-Key. */
export interface KeyRecord {
  sha256: string;
  ingestId: string;
  /** ms since epoch */
  at: number;
}

/** How long a key means its first body (the IETF draft leaves it to the server; 24 h like common APIs). */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEYS = 1_000_000;
const CATCH_UP_LIMIT_MS = 30_000;

/**
 * Idempotency-Key → the digest and ingest id of the first body sent with it, durable across restarts and shared by
 * every ingest replica: each first use is written to the compacted topic `wire.idempotency` (TOPIC_IDEMPOTENCY)
 * together with its wire.raw record, and every ingest reads the topic from the beginning at start (before it
 * answers) and keeps tailing it. Entries older than 24 h are forgotten.
 */
@Injectable()
export class IdempotencyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private readonly known = new Map<string, KeyRecord>();
  private consumer: Consumer | undefined;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {}

  get(key: string, now = Date.now()): KeyRecord | undefined {
    const record = this.known.get(key);
    return record && now - record.at < KEY_TTL_MS ? record : undefined;
  }

  /** The record that makes a first use durable, sent together with its wire.raw record. */
  record(key: string, use: KeyRecord): OutboundMessage {
    return { topic: this.config.topics.idempotency, key, value: JSON.stringify(use) };
  }

  /** Both records are acknowledged: the key now means this body. */
  confirm(key: string, use: KeyRecord): void {
    this.put(key, use);
  }

  async onApplicationBootstrap(): Promise<void> {
    const topic = this.config.topics.idempotency;
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const pending = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
    let caughtUp!: () => void;
    const done = new Promise<void>((resolve) => (caughtUp = resolve));
    if (pending.size === 0) caughtUp();

    // a group of its own per process: every replica reads every key; nothing is committed
    this.consumer = this.kafka.consumer({
      groupId: `${this.config.consumerGroupPrefix}-ingest-keys-${randomBytes(6).toString('hex')}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const key = message.key?.toString('utf8');
        if (key && message.value) {
          try {
            const record = JSON.parse(message.value.toString('utf8')) as KeyRecord;
            if (!this.known.has(key) || this.known.get(key)!.at < record.at) this.put(key, record);
          } catch {
            // not ours: ignore
          }
        }
        const end = pending.get(partition);
        if (end !== undefined && BigInt(message.offset) + 1n >= end) {
          pending.delete(partition);
          if (pending.size === 0) caughtUp();
        }
      },
    });
    const timer = setTimeout(() => {
      this.logger.warn({ msg: 'idempotency keys not fully read in time; starting anyway', topic });
      caughtUp();
    }, CATCH_UP_LIMIT_MS);
    await done;
    clearTimeout(timer);
    this.logger.log({ msg: 'idempotency keys read', keys: this.known.size });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private put(key: string, record: KeyRecord): void {
    this.known.delete(key);
    this.known.set(key, record);
    // Map keeps insertion order: the oldest go first
    while (this.known.size > MAX_KEYS) this.known.delete(this.known.keys().next().value as string);
  }
}

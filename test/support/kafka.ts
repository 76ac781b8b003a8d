import { randomBytes } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Consumer, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** headers decoded as UTF-8 strings */
  headers: Record<string, string>;
}

export function testKafka(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'wiredesk-e2e', brokers, logLevel: logLevel.NOTHING });
}

function decode(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (last !== undefined) out[k] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  return out;
}

/**
 * Reads a topic from its beginning in the background and keeps every message, so a test can wait for the one it
 * expects (by predicate) without caring about order or partitions.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer: Consumer | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({
      groupId: `e2e-reader-${randomBytes(6).toString('hex')}`,
      maxWaitTimeInMs: 200,
      allowAutoTopicCreation: false,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push(toRead(topic, partition, message));
        const waiters = this.waiters;
        this.waiters = [];
        waiters.forEach((w) => w());
      },
    });
    return this;
  }

  /** Resolves with the first message matching, waiting up to timeoutMs for it to arrive. */
  async waitFor(
    predicate: (m: ReadMessage) => boolean,
    timeoutMs = 60000,
    what = 'a matching message',
  ): Promise<ReadMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`No ${what} on ${this.topic} within ${timeoutMs} ms (${this.messages.length} messages seen)`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function toRead(topic: string, partition: number, m: KafkaMessage): ReadMessage {
  return { topic, partition, offset: m.offset, key: m.key ?? null, value: m.value ?? null, headers: decode(m.headers) };
}

/** A plain producer for writing straight to a topic, as an outside system would. */
export async function testProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  return producer;
}

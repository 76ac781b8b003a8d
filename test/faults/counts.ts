/** What the fault test reads from Kafka and the store: consumer lag, the dead letters, the stored versions. */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin, type IHeaders, type Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FaultTopics {
  wireRaw: string;
  wireParsed: string;
  articles: string;
  dlq: string;
}

export function faultKafka(brokers: string[]): Kafka {
  return new Kafka({
    clientId: 'wiredesk-faults',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 15000,
    retry: { retries: 3, initialRetryTime: 300, maxRetryTime: 3000 },
  });
}

/**
 * An idempotent producer that keeps trying through broker restarts: a batch is retried until acknowledged (a retry
 * after an unknown outcome may write a record twice, which the pipeline must absorb like any redelivery).
 */
export class PatientProducer {
  private producer: Producer | undefined;
  retries = 0;

  constructor(private readonly kafka: Kafka) {}

  async send(topic: string, messages: { key?: string; value: Buffer; headers: IHeaders }[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!this.producer) {
          const p = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
          await p.connect();
          this.producer = p;
        }
        await this.producer.send({ topic, acks: -1, timeout: 10000, messages });
        return;
      } catch {
        this.retries++;
        // a fresh producer after a few failures: the old one may hold connections to a broker that has gone
        if (attempt % 3 === 0) await this.close();
        await sleep(Math.min(3000, 200 * attempt));
      }
    }
  }

  async close(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    await p?.disconnect().catch(() => undefined);
  }
}

/** Consumer groups of the services and the topic each reads (group names as BatchConsumerFactory.groupId makes them). */
export function consumerGroups(prefix: string, topics: FaultTopics): { group: string; topic: string }[] {
  return [
    { group: `${prefix}-normalizer`, topic: topics.wireRaw },
    { group: `${prefix}-enricher`, topic: topics.wireParsed },
    { group: `${prefix}-archive`, topic: topics.articles },
    { group: `${prefix}-archive-raw`, topic: topics.wireRaw },
  ];
}

/** A Kafka admin that reconnects after a broker restart. */
export class PatientAdmin {
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  async use<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    if (!this.admin) {
      const a = this.kafka.admin();
      await a.connect();
      this.admin = a;
    }
    try {
      return await work(this.admin);
    } catch (e) {
      const a = this.admin;
      this.admin = undefined;
      await a?.disconnect().catch(() => undefined);
      throw e;
    }
  }

  /** Messages not yet committed by each group, summed over partitions. */
  async lags(groups: { group: string; topic: string }[]): Promise<Record<string, number>> {
    return this.use(async (admin) => {
      const out: Record<string, number> = {};
      for (const { group, topic } of groups) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        let lag = 0;
        for (const end of ends) {
          const c = committed?.partitions.find((p) => p.partition === end.partition);
          const from = c && Number(c.offset) >= 0 ? Number(c.offset) : Number(end.low);
          lag += Math.max(0, Number(end.high) - from);
        }
        out[group.replace(/^.*-(normalizer|enricher|archive-raw|archive)$/, '$1')] = lag;
      }
      return out;
    });
  }

  async messagesIn(topic: string): Promise<number> {
    return this.use(async (admin) =>
      (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0),
    );
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}

export interface DeadLetter {
  ingestId: string | undefined;
  code: string | undefined;
  stage: string | undefined;
  originalTopic: string | undefined;
}

/** Every message of the DLQ topic, read from the beginning by a throwaway group until the end offsets are reached. */
export async function readDeadLetters(
  kafka: Kafka,
  topic: string,
  expected: number,
  timeoutMs: number,
): Promise<DeadLetter[]> {
  const out: DeadLetter[] = [];
  if (expected === 0) return out;
  const consumer = kafka.consumer({ groupId: `faults-dlq-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const h = (headers: IHeaders | undefined, name: string) => {
    const v = headers?.[name];
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    return last === undefined ? undefined : Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  };
  await consumer.run({
    eachMessage: async ({ message }) => {
      out.push({
        ingestId: h(message.headers, 'wd-ingest-id'),
        code: h(message.headers, 'wd-error-code'),
        stage: h(message.headers, 'wd-error-stage'),
        originalTopic: h(message.headers, 'wd-original-topic'),
      });
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (out.length < expected && Date.now() < deadline) await sleep(200);
  await consumer.disconnect();
  if (out.length < expected) throw new Error(`read ${out.length} of ${expected} dead letters within ${timeoutMs} ms`);
  return out;
}

export interface StoreCounts {
  versions: { key: string; ingestId?: string }[];
  articles: { uri: string; version: string; pubStatus?: string }[];
  rawIngestIds: string[];
}

/** The stored state, read through a client that rides out a store restart (server selection waits). */
export class StoreReader {
  private readonly client: mongoose.mongo.MongoClient;

  constructor(url: string) {
    this.client = new mongoose.mongo.MongoClient(url, { serverSelectionTimeoutMS: 30000 });
  }

  private get db() {
    return this.client.db();
  }

  async quickCounts(): Promise<{ versions: number; articles: number; raw: number }> {
    const [versions, articles, raw] = await Promise.all(
      ['article_versions', 'articles', 'raw'].map((c) => this.db.collection(c).countDocuments()),
    );
    return { versions, articles, raw };
  }

  async read(): Promise<StoreCounts> {
    const versions = await this.db
      .collection('article_versions')
      .find({}, { projection: { _id: 0, uri: 1, 'ninjs.version': 1, 'ingest.ingestId': 1 } })
      .toArray();
    const articles = await this.db
      .collection('articles')
      .find({}, { projection: { _id: 0, uri: 1, 'ninjs.version': 1, pubStatus: 1 } })
      .toArray();
    const raw = await this.db
      .collection('raw')
      .find({}, { projection: { _id: 0, ingestId: 1 } })
      .toArray();
    return {
      versions: versions.map((v) => ({
        key: `${v.uri}|${v.ninjs?.version ?? ''}`,
        ingestId: v.ingest?.ingestId as string | undefined,
      })),
      articles: articles.map((a) => ({
        uri: a.uri as string,
        version: String(a.ninjs?.version ?? ''),
        pubStatus: a.pubStatus,
      })),
      rawIngestIds: raw.map((r) => r.ingestId as string),
    };
  }

  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }
}

// The servers the global setup provides really work: one message through Kafka, one document through mongoose.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import mongoose from 'mongoose';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
const mongoUrl = process.env.MONGO_URL ?? '';

describe('local infrastructure (global setup)', () => {
  it('exports the endpoints to the tests', () => {
    expect(brokers.length).toBeGreaterThan(0);
    expect(mongoUrl).toMatch(/^mongodb(\+srv)?:\/\//);
  });

  it('Kafka: a produced message is consumed back with its key and headers', async () => {
    const run = randomUUID();
    const topic = `e2e.infra.${run}`;
    const kafka = new Kafka({ clientId: 'e2e-infra', brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    let consumer: Consumer | undefined;
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await producer.connect();
      await producer.send({
        topic,
        messages: [
          { key: 'story-1', value: Buffer.from('BRUSSELS (AFP) - héllo'), headers: { 'wd-source': 'afp-en' } },
        ],
      });

      consumer = kafka.consumer({ groupId: `e2e-infra-${run}` });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<KafkaMessage>((resolve, reject) => {
        consumer!.run({ eachMessage: async ({ message }) => resolve(message) }).catch(reject);
      });
      const message = await received;

      expect(message.key?.toString()).toBe('story-1');
      expect(message.value?.toString('utf8')).toBe('BRUSSELS (AFP) - héllo');
      expect(message.headers?.['wd-source']?.toString()).toBe('afp-en');
    } finally {
      await consumer?.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('store: mongoose inserts a document and finds it again', async () => {
    const dbName = `wiredesk_e2e_infra_${randomUUID().slice(0, 8)}`;
    const connection = await mongoose
      .createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 10_000 })
      .asPromise();
    try {
      const Probe = connection.model(
        'Probe',
        new mongoose.Schema({ uri: { type: String, required: true }, version: Number, places: [String] }),
      );
      await Probe.create({ uri: 'urn:wiredesk:e2e:1', version: 2, places: ['Brussels', 'Tallinn'] });

      const found = await Probe.findOne({ uri: 'urn:wiredesk:e2e:1' }).lean();
      expect(found).toMatchObject({ uri: 'urn:wiredesk:e2e:1', version: 2, places: ['Brussels', 'Tallinn'] });
      expect(await Probe.countDocuments({ places: 'Tallinn' })).toBe(1);
    } finally {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    }
  });

  it('store: a lookup by _id is answered from the _id index, whatever the collection holds', async () => {
    const dbName = `wiredesk_e2e_infra_${randomUUID().slice(0, 8)}`;
    const client = await new mongoose.mongo.MongoClient(mongoUrl, { serverSelectionTimeoutMS: 10_000 }).connect();
    try {
      const db = client.db(dbName);
      const collection = db.collection<{ _id: string; n: number }>('probe');
      await collection.insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `urn:wiredesk:e2e:${n}`, n })));
      const build = await db.admin().command({ buildInfo: 1 });
      const explained = await collection.find({ _id: 'urn:wiredesk:e2e:7' }).explain();
      const plan = JSON.stringify(explained.queryPlanner ?? explained);
      if (build.ferretdbVersion) {
        // FerretDB on SQLite reports SQLite's plan: "SEARCH … USING INDEX", not "SCAN" (libs/infra FERRETDB_PATCHES)
        expect(plan).toMatch(/USING INDEX/);
        expect(plan).not.toMatch(/detail=SCAN/);
      } else {
        expect(plan).toMatch(/IDHACK|EXPRESS_IXSCAN|IXSCAN/);
      }
      expect(await collection.findOne({ _id: 'urn:wiredesk:e2e:7' })).toEqual({ _id: 'urn:wiredesk:e2e:7', n: 7 });
      await collection.updateOne({ _id: 'urn:wiredesk:e2e:7' }, { $set: { n: 70 } });
      expect(await collection.findOne({ _id: 'urn:wiredesk:e2e:7' })).toEqual({ _id: 'urn:wiredesk:e2e:7', n: 70 });
      await collection.deleteOne({ _id: 'urn:wiredesk:e2e:8' });
      expect(await collection.countDocuments()).toBe(49);
    } finally {
      await client
        .db(dbName)
        .dropDatabase()
        .catch(() => undefined);
      await client.close();
    }
  });
});

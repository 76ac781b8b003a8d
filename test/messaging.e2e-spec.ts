// The batch consumer's delivery rules against the real broker: redelivery after a transient failure, commits that
// survive a restart, poison messages dead-lettered, graceful stop without loss or duplicates.
import { Logger } from '@nestjs/common';
import {
  BatchConsumer,
  KafkaAdminService,
  KafkaProducerService,
  Outcome,
  TransientError,
  createKafkaClient,
  wiredeskTopicSpecs,
  type BatchConsumerOptions,
  type BatchHandler,
} from '@wiredesk/messaging';
import { e2eConfig } from './support/e2e-config';
import { TopicReader, testKafka, testProducer } from './support/kafka';

describe('BatchConsumer on a real broker', () => {
  const config = e2eConfig('messaging', { TOPIC_PARTITIONS: '1' });
  const options = { config, service: 'messaging-e2e' };
  const kafka = createKafkaClient(options);
  const admin = new KafkaAdminService(kafka);
  const producer = new KafkaProducerService(kafka, options);
  const outTopic = config.topics.articles;
  const inTopic = config.topics.wireRaw;
  let out: TopicReader;
  let dlq: TopicReader;
  let groupSeq = 0;
  const consumers: BatchConsumer[] = [];

  const consumer = (handler: BatchHandler, extra: Partial<BatchConsumerOptions> = {}, groupId?: string) => {
    const c = new BatchConsumer(kafka, producer, config.topics.dlq, {
      groupId: groupId ?? `${config.consumerGroupPrefix}-g${++groupSeq}`,
      topics: [inTopic],
      stage: 'normalize',
      handler,
      backoff: { initialMs: 50, maxMs: 200 },
      ...extra,
    });
    consumers.push(c);
    return c;
  };
  const send = async (values: string[]) => {
    const p = await testProducer(testKafka(config.kafkaBrokers));
    await p.send({ topic: inTopic, messages: values.map((value) => ({ value })) });
    await p.disconnect();
  };
  const echo =
    (tag: string): BatchHandler =>
    async (messages) =>
      messages.map((m) => Outcome.ok([{ topic: outTopic, value: `${tag}:${m.value!.toString()}` }]));
  const outValues = (prefix: string) =>
    out.messages.map((m) => m.value!.toString()).filter((v) => v.startsWith(prefix));

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    await admin.ensureTopics(wiredeskTopicSpecs(config));
    await producer.connect();
    out = await new TopicReader(testKafka(config.kafkaBrokers), outTopic).start();
    dlq = await new TopicReader(testKafka(config.kafkaBrokers), config.topics.dlq).start();
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await out?.stop();
    await dlq?.stop();
    await producer.onApplicationShutdown();
    await admin.onApplicationShutdown();
  });

  it('pauses on a transient failure and consumes the same message again, never skipping it', async () => {
    await send(['t0', 't1', 't2']);
    let failuresLeft = 2;
    const c = consumer(async (messages) =>
      messages.map((m) => {
        if (m.value!.toString() === 't1' && failuresLeft > 0) {
          failuresLeft--;
          return Outcome.retry(new TransientError('store unavailable'));
        }
        return Outcome.ok([{ topic: outTopic, value: `transient:${m.value!.toString()}` }]);
      }),
    );
    await c.start();
    await out.waitFor((m) => m.value?.toString() === 'transient:t2', 30000);
    expect(failuresLeft).toBe(0);
    expect(outValues('transient:')).toEqual(['transient:t0', 'transient:t1', 'transient:t2']);
    expect(dlq.messages).toHaveLength(0);
    await c.stop();
  });

  it('commits what it handled: a restarted member of the group starts after it', async () => {
    const group = `${config.consumerGroupPrefix}-restart`;
    const first = consumer(echo('first'), {}, group);
    await first.start();
    await out.waitFor((m) => m.value?.toString() === 'first:t2', 30000);
    await first.stop();

    await send(['r0', 'r1']);
    const second = consumer(echo('second'), {}, group);
    await second.start();
    await out.waitFor((m) => m.value?.toString() === 'second:r1', 30000);
    expect(outValues('second:')).toEqual(['second:r0', 'second:r1']);
    expect(outValues('first:')).toEqual(['first:t0', 'first:t1', 'first:t2']);
    await second.stop();
  });

  it('dead-letters a poison message and goes on with the next ones', async () => {
    await send(['p0', 'poison', 'p2']);
    const c = consumer(
      async (messages) => {
        if (messages.some((m) => m.value!.toString() === 'poison')) throw new TypeError('handler bug');
        return messages.map((m) =>
          m.value!.toString().startsWith('p')
            ? Outcome.ok([{ topic: outTopic, value: `poison-run:${m.value!.toString()}` }])
            : Outcome.ok(),
        );
      },
      { maxUnexpectedAttempts: 2 },
    );
    await c.start();
    await out.waitFor((m) => m.value?.toString() === 'poison-run:p2', 30000);
    const dead = await dlq.waitFor((m) => m.value?.toString() === 'poison', 30000);
    expect(dead.headers).toMatchObject({
      'wd-error-code': 'INTERNAL_ERROR',
      'wd-error-stage': 'normalize',
      'wd-original-topic': inTopic,
      'wd-attempts': '2',
    });
    expect(outValues('poison-run:')).toEqual(['poison-run:p0', 'poison-run:p2']);
    await c.stop();
  });

  it('on stop finishes and commits the chunk in hand: nothing lost, nothing handled twice', async () => {
    const values = Array.from({ length: 40 }, (_, i) => `s${i}`);
    await send(values);
    const group = `${config.consumerGroupPrefix}-graceful`;
    const seen: string[] = [];
    let stopRequested: Promise<void> | undefined;
    const slow =
      (c: () => BatchConsumer): BatchHandler =>
      async (messages) => {
        const mine = messages.filter((m) => m.value!.toString().startsWith('s'));
        seen.push(...mine.map((m) => m.value!.toString()));
        // stop in the middle of the first chunk that carries our messages
        if (!stopRequested && mine.length) stopRequested = c().stop();
        await new Promise((r) => setTimeout(r, 50));
        return messages.map((m) => Outcome.ok([{ topic: outTopic, value: `graceful:${m.value!.toString()}` }]));
      };
    const first: BatchConsumer = consumer(
      slow(() => first),
      { chunkSize: 5 },
      group,
    );
    await first.start();
    await out.waitFor((m) => m.value?.toString().startsWith('graceful:s') ?? false, 30000);
    await stopRequested;

    const second = consumer(echo('graceful'), {}, group);
    await second.start();
    await out.waitFor((m) => m.value?.toString() === 'graceful:s39', 30000);
    const produced = outValues('graceful:s');
    expect([...produced].sort()).toEqual(values.map((v) => `graceful:${v}`).sort());
    expect(new Set(produced).size).toBe(produced.length);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(values.length);
    await second.stop();
  });
});

import { Logger } from '@nestjs/common';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { KafkaJSProtocolError, type EachBatchPayload, type Kafka, type KafkaMessage } from 'kafkajs';
import { BatchConsumer, type BatchConsumerOptions } from './batch-consumer';
import { Outcome, type BatchHandler, type OutboundMessage } from './outcomes';
import { TransientError } from './transient';
import { setTimeout as sleep } from 'node:timers/promises';

const fakeKafka = {
  consumer: () => ({ on: () => undefined, events: { CRASH: 'consumer.crash' }, disconnect: async () => undefined }),
} as unknown as Kafka;

function message(offset: number, value: string | Buffer): KafkaMessage {
  return {
    offset: String(offset),
    key: null,
    value: typeof value === 'string' ? Buffer.from(value) : value,
    headers: { 'wd-ingest-id': Buffer.from(`id-${offset}`) },
    timestamp: '1700000000000',
    attributes: 0,
  } as KafkaMessage;
}

/** Records, in order, what the consumer does with the broker: sends, resolves, commits, pauses. */
function harness(
  handler: BatchHandler,
  options: Partial<BatchConsumerOptions> = {},
  sendImpl?: (records: OutboundMessage[]) => Promise<void>,
) {
  const events: string[] = [];
  const sent: OutboundMessage[] = [];
  const sender = {
    send: async (records: OutboundMessage[]) => {
      if (records.length === 0) return;
      if (sendImpl) await sendImpl(records);
      sent.push(...records);
      events.push(`send:${records.map((r) => `${r.topic}:${String(r.value)}`).join(',')}`);
    },
  };
  const consumer = new BatchConsumer(fakeKafka, sender, 'wire.dlq', {
    groupId: 'g',
    topics: ['wire.raw'],
    stage: 'normalize',
    handler,
    chunkSize: 100,
    backoff: { initialMs: 60000, maxMs: 60000 },
    maxUnexpectedAttempts: 2,
    ...options,
  });
  const run = (messages: KafkaMessage[]) =>
    consumer.processBatch({
      batch: { topic: 'wire.raw', partition: 0, messages, offsetLag: () => '0' },
      resolveOffset: (offset: string) => events.push(`resolve:${offset}`),
      heartbeat: async () => {
        events.push('heartbeat');
      },
      commitOffsetsIfNecessary: async () => {
        events.push('commit');
      },
      uncommittedOffsets: () => ({ topics: [] }),
      isRunning: () => true,
      isStale: () => false,
      pause: () => {
        events.push('pause');
        return () => events.push('resume');
      },
    } as unknown as EachBatchPayload);
  return { consumer, run, events, sent };
}

const upper: BatchHandler = async (messages) =>
  messages.map((m) => Outcome.ok([{ topic: 'out', value: m.value!.toString().toUpperCase() }]));

describe('BatchConsumer.processBatch', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('produces the outputs before it resolves and commits the offsets', async () => {
    const h = harness(upper);
    await h.run([message(0, 'a'), message(1, 'b')]);
    expect(h.events.slice(0, 4)).toEqual(['send:out:A', 'send:out:B', 'resolve:1', 'commit']);
    await h.consumer.stop();
  });

  it('commits after every chunk and heartbeats between chunks', async () => {
    const h = harness(upper, { chunkSize: 2 });
    await h.run([0, 1, 2, 3, 4].map((i) => message(i, `m${i}`)));
    expect(h.events.filter((e) => e.startsWith('resolve'))).toEqual(['resolve:1', 'resolve:3', 'resolve:4']);
    expect(h.events.filter((e) => e === 'commit')).toHaveLength(3);
    expect(h.events.filter((e) => e === 'heartbeat').length).toBeGreaterThanOrEqual(3);
    await h.consumer.stop();
  });

  it('dead-letters a permanent failure with its raw bytes and moves on', async () => {
    const junk = Buffer.from([0x00, 0xff, 0x00, 0x13]);
    const h = harness(async (messages) =>
      messages.map((m) =>
        m.value!.includes(0)
          ? Outcome.failed(new WireError(ErrorCode.BINARY_INPUT, 'Binary data.'))
          : Outcome.ok([{ topic: 'out', value: 'ok' }]),
      ),
    );
    await h.run([message(0, junk), message(1, 'fine')]);
    const dlq = h.sent.find((r) => r.topic === 'wire.dlq')!;
    expect(dlq.value).toEqual(junk);
    expect(dlq.headers).toMatchObject({
      'wd-error-code': 'BINARY_INPUT',
      'wd-error-stage': 'normalize',
      'wd-original-offset': '0',
    });
    expect(h.sent.filter((r) => r.topic === 'out')).toHaveLength(1);
    expect(h.events).toContain('resolve:1');
    expect(h.events).not.toContain('pause');
    await h.consumer.stop();
  });

  it('on a transient failure commits the done head, pauses, and leaves the rest unresolved', async () => {
    const h = harness(async (messages) =>
      messages.map((m) =>
        m.offset === '2'
          ? Outcome.retry(new TransientError('store down'))
          : Outcome.ok([{ topic: 'out', value: m.offset }]),
      ),
    );
    await h.run([0, 1, 2, 3].map((i) => message(i, `m${i}`)));
    expect(h.events).toEqual(['send:out:0', 'send:out:1', 'resolve:1', 'commit', 'pause']);
    expect(h.sent.some((r) => r.topic === 'wire.dlq')).toBe(false);
    await h.consumer.stop();
  });

  it('retries instead of committing when the outputs cannot be produced', async () => {
    const h = harness(upper, {}, async () => {
      throw new TransientError('broker unavailable');
    });
    await h.run([message(0, 'a')]);
    expect(h.events).toEqual(['pause']);
    await h.consumer.stop();
  });

  it('retries an input whose dead letter the DLQ does not take, never drops it', async () => {
    const bad: BatchHandler = async (messages) =>
      messages.map((m) =>
        m.offset === '1'
          ? Outcome.failed(new WireError(ErrorCode.MALFORMED_XML, 'Unclosed tag.'))
          : Outcome.ok([{ topic: 'out', value: 'ok' }]),
      );
    let dlqDown = true;
    const h = harness(bad, {}, async (records) => {
      if (dlqDown && records.some((r) => r.topic === 'wire.dlq')) throw new Error('DLQ write refused');
    });
    await h.run([message(0, 'a'), message(1, '<x>'), message(2, 'c')]);
    // the head before the reject is committed; the reject and what follows wait for the DLQ
    expect(h.events.filter((e) => e.startsWith('resolve'))).toEqual(['resolve:0']);
    expect(h.events).toContain('pause');
    expect(h.sent.some((r) => r.topic === 'wire.dlq')).toBe(false);

    dlqDown = false;
    await h.run([message(1, '<x>'), message(2, 'c')]);
    expect(h.sent.filter((r) => r.topic === 'wire.dlq')).toHaveLength(1);
    expect(h.events).toContain('resolve:2');
    await h.consumer.stop();
  });

  it('treats a handler that throws a transient error as a retry of the whole chunk', async () => {
    const h = harness(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    });
    await h.run([message(0, 'a'), message(1, 'b')]);
    expect(h.events).toEqual(['pause']);
    await h.consumer.stop();
  });

  it('finds the poison message when the handler throws, dead-letters it, and handles its neighbours', async () => {
    const h = harness(async (messages) => {
      if (messages.some((m) => m.value!.toString() === 'poison'))
        throw new TypeError('cannot read properties of undefined');
      return messages.map((m) => Outcome.ok([{ topic: 'out', value: m.value!.toString() }]));
    });
    await h.run([message(0, 'a'), message(1, 'poison'), message(2, 'c')]);
    expect(h.sent.filter((r) => r.topic === 'out').map((r) => String(r.value))).toEqual(['a', 'c']);
    const dlq = h.sent.find((r) => r.topic === 'wire.dlq')!;
    expect(String(dlq.value)).toBe('poison');
    expect(dlq.headers).toMatchObject({ 'wd-error-code': 'INTERNAL_ERROR', 'wd-attempts': '2' });
    expect(h.events).toContain('resolve:2');
    await h.consumer.stop();
  });

  it('dead-letters an input whose output the broker refuses for good, without failing the others', async () => {
    const h = harness(upper, {}, async (records) => {
      if (records.some((r) => String(r.value) === 'HUGE')) {
        throw new KafkaJSProtocolError(
          Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false }),
        );
      }
    });
    await h.run([message(0, 'huge'), message(1, 'small')]);
    expect(
      h.sent.map((r) => `${r.topic}:${r.topic === 'wire.dlq' ? r.headers!['wd-error-code'] : String(r.value)}`),
    ).toEqual(['out:SMALL', 'wire.dlq:TOO_LARGE']);
    expect(h.events).toContain('resolve:1');
    await h.consumer.stop();
  });
});

describe('BatchConsumer when the group moves on during long work', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('tells the handler to stop, does not start the next chunk, and throws so kafkajs rejoins', async () => {
    const rebalance = Object.assign(new Error('The group is rebalancing, so a rejoin is needed'), {
      type: 'REBALANCE_IN_PROGRESS',
    });
    const events: string[] = [];
    const slow: BatchHandler = async (messages, ctx) => {
      await sleep(60); // long enough for the keep-alive heartbeats to run
      events.push(`running:${ctx.isRunning()}`);
      return messages.map((m) => Outcome.ok([{ topic: 'out', value: m.value! }]));
    };
    const consumer = new BatchConsumer(fakeKafka, { send: async () => undefined }, 'wire.dlq', {
      groupId: 'g',
      topics: ['wire.raw'],
      stage: 'store',
      handler: slow,
      chunkSize: 1,
      heartbeatInterval: 10,
    });
    const run = consumer.processBatch({
      batch: { topic: 'wire.raw', partition: 0, messages: [message(0, 'a'), message(1, 'b')], offsetLag: () => '0' },
      resolveOffset: (offset: string) => events.push(`resolve:${offset}`),
      heartbeat: async () => {
        throw rebalance;
      },
      commitOffsetsIfNecessary: async () => {
        events.push('commit');
      },
      uncommittedOffsets: () => ({ topics: [] }),
      isRunning: () => true,
      isStale: () => false,
      pause: () => () => undefined,
    } as unknown as EachBatchPayload);

    await expect(run).rejects.toBe(rebalance);
    expect(events).toContain('running:false');
    expect(events.filter((e) => e.startsWith('running'))).toHaveLength(1); // the second chunk never started
    await consumer.stop();
  });
});

import { Logger } from '@nestjs/common';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { WiredeskMetrics } from '@wiredesk/platform';
import { KafkaJSProtocolError, type EachBatchPayload, type Kafka, type KafkaMessage } from 'kafkajs';
import { BatchConsumer, isMembershipLost, type BatchConsumerOptions } from './batch-consumer';
import { Outcome, type BatchHandler, type OutboundMessage } from './outcomes';
import { TransientError } from './transient';

/** A kafkajs consumer that records how it is configured and driven. */
function recordingKafka() {
  const calls: { config?: Record<string, unknown>; subscribe?: unknown; run?: Record<string, unknown> } = {};
  const log: string[] = [];
  let disconnectError: Error | undefined;
  const kafka = {
    consumer: (config: Record<string, unknown>) => {
      calls.config = config;
      return {
        on: () => undefined,
        events: { CRASH: 'consumer.crash' },
        connect: async () => void log.push('connect'),
        subscribe: async (s: unknown) => {
          calls.subscribe = s;
          log.push('subscribe');
        },
        run: async (r: Record<string, unknown>) => {
          calls.run = r;
          log.push('run');
        },
        disconnect: async () => {
          log.push('disconnect');
          if (disconnectError) throw disconnectError;
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, calls, log, failDisconnect: (e: Error) => (disconnectError = e) };
}

function message(offset: number, value: string, extra: Partial<KafkaMessage> = {}): KafkaMessage {
  return {
    offset: String(offset),
    key: null,
    value: Buffer.from(value),
    headers: { 'wd-ingest-id': Buffer.from(`id-${offset}`) },
    timestamp: '1700000000000',
    attributes: 0,
    ...extra,
  } as KafkaMessage;
}

interface Run {
  isRunning?: () => boolean;
  isStale?: () => boolean;
  heartbeat?: () => Promise<void>;
}

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
  const { kafka } = recordingKafka();
  const consumer = new BatchConsumer(kafka, sender, 'wire.dlq', {
    groupId: 'g',
    topics: ['wire.raw'],
    stage: 'normalize',
    handler,
    chunkSize: 100,
    backoff: { initialMs: 1000, maxMs: 60000 },
    maxUnexpectedAttempts: 2,
    ...options,
  });
  const run = (messages: KafkaMessage[], over: Run = {}) =>
    consumer.processBatch({
      batch: { topic: 'wire.raw', partition: 0, messages, offsetLag: () => '0' },
      resolveOffset: (offset: string) => events.push(`resolve:${offset}`),
      heartbeat:
        over.heartbeat ??
        (async () => {
          events.push('heartbeat');
        }),
      commitOffsetsIfNecessary: async () => {
        events.push('commit');
      },
      uncommittedOffsets: () => ({ topics: [] }),
      isRunning: over.isRunning ?? (() => true),
      isStale: over.isStale ?? (() => false),
      pause: () => {
        events.push('pause');
        return () => events.push('resume');
      },
    } as unknown as EachBatchPayload);
  return { consumer, run, events, sent };
}

/** A handler that records what it was given, one entry per call: the offsets, comma-joined. */
function recorded(inner: BatchHandler) {
  const calls: string[] = [];
  const handler: BatchHandler = async (messages, ctx) => {
    calls.push(messages.map((m) => m.offset).join(','));
    return inner(messages, ctx);
  };
  return { handler, calls };
}

const echo: BatchHandler = async (messages) =>
  messages.map((m) => Outcome.ok([{ topic: 'out', value: m.value!.toString() }]));

async function deadLetteredCount(code: string): Promise<number> {
  const metric = await WiredeskMetrics.deadLettered().get();
  return metric.values.find((v) => v.labels.code === code && v.labels.stage === 'normalize')?.value ?? 0;
}

/** The delays of the resume timers pauseAndRetry set, with the jitter fixed at its lower end. */
function resumeDelays(): { delays: number[]; restore: () => void } {
  const random = jest.spyOn(Math, 'random').mockReturnValue(0);
  const delays: number[] = [];
  const original = global.setTimeout;
  const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
    if (typeof ms === 'number' && ms >= 500) delays.push(ms);
    return original(fn, ms);
  }) as typeof setTimeout);
  return {
    delays,
    restore: () => {
      spy.mockRestore();
      random.mockRestore();
    },
  };
}

describe('BatchConsumer lifecycle', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('configures kafkajs for manual commits, no topic creation and bounded fetches', async () => {
    const k = recordingKafka();
    const consumer = new BatchConsumer(k.kafka, { send: async () => undefined }, 'wire.dlq', {
      groupId: 'normalizer',
      topics: ['wire.raw'],
      stage: 'normalize',
      handler: echo,
    });
    expect(consumer.groupId).toBe('normalizer');
    expect(k.calls.config).toEqual({
      groupId: 'normalizer',
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    });
    await consumer.start();
    await consumer.start(); // a second start does nothing
    expect(k.log).toEqual(['connect', 'subscribe', 'run']);
    expect(k.calls.subscribe).toEqual({ topics: ['wire.raw'], fromBeginning: true });
    expect(k.calls.run).toMatchObject({
      eachBatchAutoResolve: false,
      autoCommit: false,
      partitionsConsumedConcurrently: 2,
    });
    await consumer.stop();
    await consumer.stop(); // a second stop does nothing
    expect(k.log).toEqual(['connect', 'subscribe', 'run', 'disconnect']);
  });

  it('passes its own settings through', async () => {
    const k = recordingKafka();
    const consumer = new BatchConsumer(k.kafka, { send: async () => undefined }, 'wire.dlq', {
      groupId: 'g',
      topics: ['a', 'b'],
      stage: 'store',
      handler: echo,
      sessionTimeout: 45000,
      heartbeatInterval: 500,
      maxBytesPerPartition: 1024,
      maxWaitTimeInMs: 50,
      fromBeginning: false,
      partitionsConsumedConcurrently: 4,
    });
    expect(k.calls.config).toMatchObject({
      sessionTimeout: 45000,
      heartbeatInterval: 500,
      maxBytesPerPartition: 1024,
      maxWaitTimeInMs: 50,
    });
    await consumer.start();
    expect(k.calls.subscribe).toEqual({ topics: ['a', 'b'], fromBeginning: false });
    expect(k.calls.run).toMatchObject({ partitionsConsumedConcurrently: 4 });
    await consumer.stop();
  });

  it('stops quietly when the disconnect fails', async () => {
    const k = recordingKafka();
    k.failDisconnect(new Error('socket closed'));
    const consumer = new BatchConsumer(k.kafka, { send: async () => undefined }, 'wire.dlq', {
      groupId: 'g',
      topics: ['wire.raw'],
      stage: 'normalize',
      handler: echo,
    });
    await expect(consumer.stop()).resolves.toBeUndefined();
  });

  it('does nothing with a batch once stopping, when kafkajs stops running, or when the batch is stale', async () => {
    for (const over of [{ isRunning: () => false }, { isStale: () => true }]) {
      const h = harness(echo);
      await h.run([message(0, 'a')], over);
      expect(h.events).toEqual([]);
      await h.consumer.stop();
    }
    const h = harness(echo);
    await h.consumer.stop();
    await h.run([message(0, 'a')]);
    expect(h.events).toEqual([]);
  });
});

describe('BatchConsumer retry and commit ordering', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('retries a throwing message alone after a heartbeat, then dead-letters it with its attempts', async () => {
    const { handler, calls } = recorded(async (messages) => {
      if (messages.some((m) => m.offset === '1')) throw new TypeError('undefined is not a function');
      return echo(messages, undefined as never);
    });
    const h = harness(handler);
    const before = await deadLetteredCount(ErrorCode.INTERNAL_ERROR);
    await h.run([message(0, 'a'), message(1, 'b'), message(2, 'c')]);
    // the chunk, then each message alone; the culprit twice in all (maxUnexpectedAttempts 2), a heartbeat between
    expect(calls).toEqual(['0,1,2', '0', '1', '1', '2']);
    expect(h.events).toEqual([
      'heartbeat',
      'send:out:a',
      'send:out:c',
      'send:wire.dlq:b',
      'resolve:2',
      'commit',
      'heartbeat',
    ]);
    const dlq = h.sent.find((r) => r.topic === 'wire.dlq')!;
    expect(dlq.headers).toMatchObject({ 'wd-error-code': 'INTERNAL_ERROR', 'wd-attempts': '2' });
    expect(await deadLetteredCount(ErrorCode.INTERNAL_ERROR)).toBe(before + 1);
    await h.consumer.stop();
  });

  it('calls a single throwing message no more than maxUnexpectedAttempts times', async () => {
    const { handler, calls } = recorded(async () => {
      throw new RangeError('bad index');
    });
    const h = harness(handler, { maxUnexpectedAttempts: 3 });
    await h.run([message(5, 'x')]);
    expect(calls).toEqual(['5', '5', '5']);
    expect(h.sent.map((r) => [r.topic, r.headers!['wd-attempts']])).toEqual([['wire.dlq', '3']]);
    await h.consumer.stop();
  });

  it('does not call the handler again when it throws a transient error', async () => {
    const { handler, calls } = recorded(async () => {
      throw new TransientError('store unavailable');
    });
    const h = harness(handler);
    await h.run([message(0, 'a')]);
    expect(calls).toEqual(['0']);
    expect(h.events).toEqual(['pause']);
    await h.consumer.stop();
  });

  it('stops handling alone at the first transient failure and retries it and all that follows', async () => {
    const { handler, calls } = recorded(async (messages) => {
      if (messages.length > 1) throw new TypeError('chunk failed');
      if (messages[0].offset === '1') throw new TransientError('store unavailable');
      return echo(messages, undefined as never);
    });
    const h = harness(handler);
    await h.run([message(0, 'a'), message(1, 'b'), message(2, 'c')]);
    expect(calls).toEqual(['0,1,2', '0', '1']);
    expect(h.events).toEqual(['send:out:a', 'resolve:0', 'commit', 'pause']);
    await h.consumer.stop();
  });

  it('handles each message alone when the handler returns the wrong number of outcomes', async () => {
    const { handler, calls } = recorded(async (messages) =>
      messages.slice(0, 1).map((m) => Outcome.ok([{ topic: 'out', value: m.value!.toString() }])),
    );
    const h = harness(handler);
    await h.run([message(0, 'a'), message(1, 'b')]);
    expect(calls).toEqual(['0,1', '0', '1']);
    expect(h.sent.map((r) => String(r.value))).toEqual(['a', 'b']);
    expect(h.events).toContain('resolve:1');
    await h.consumer.stop();
  });

  it('commits the head and retries from the first input whose output the broker could not take for now', async () => {
    const h = harness(
      async (messages) =>
        messages.map((m) =>
          m.offset === '2'
            ? Outcome.failed(new WireError(ErrorCode.MALFORMED_XML, 'Unclosed tag.'))
            : Outcome.ok([{ topic: 'out', value: m.value!.toString() }]),
        ),
      {},
      async (records) => {
        if (records.some((r) => String(r.value) === 'b')) throw new TransientError('leader not available');
      },
    );
    await h.run([message(0, 'a'), message(1, 'b'), message(2, 'c')]);
    // the dead letter of offset 2 lies after the cut: it waits with its input, never sent ahead
    expect(h.events).toEqual(['send:out:a', 'resolve:0', 'commit', 'pause']);
    await h.consumer.stop();
  });

  it('names what Kafka said when it refuses an output for good', async () => {
    const h = harness(echo, {}, async (records) => {
      if (records.some((r) => r.topic === 'out' && String(r.value) === 'a')) {
        throw new KafkaJSProtocolError(
          Object.assign(new Error('The request included an invalid record'), {
            type: 'INVALID_RECORD',
            code: 87,
            retriable: false,
          }),
        );
      }
      if (records.some((r) => r.topic === 'out' && String(r.value) === 'b')) {
        throw new KafkaJSProtocolError(
          Object.assign(new Error('batch too large'), { type: 'RECORD_LIST_TOO_LARGE', code: 18, retriable: false }),
        );
      }
    });
    await h.run([message(0, 'a'), message(1, 'b')]);
    const dlq = h.sent.filter((r) => r.topic === 'wire.dlq');
    expect(dlq.map((r) => [r.headers!['wd-error-code'], r.headers!['wd-error-message']])).toEqual([
      ['INTERNAL_ERROR', 'Kafka refused the result of this input: The request included an invalid record'],
      ['TOO_LARGE', 'The result of this input is larger than the topic accepts.'],
    ]);
    expect(h.events).toContain('resolve:1');
    await h.consumer.stop();
  });

  it('keeps a dead letter of a message without key or headers keyless and headerless', async () => {
    const h = harness(async (messages) =>
      messages.map(() => Outcome.failed(new WireError(ErrorCode.EMPTY_INPUT, 'Empty.'))),
    );
    await h.run([message(0, 'x', { key: undefined as never, headers: undefined })]);
    const [dlq] = h.sent;
    expect(dlq.key).toBeNull();
    expect(dlq.headers!['wd-ingest-id']).toBeUndefined();
    expect(dlq.headers!['wd-error-code']).toBe('EMPTY_INPUT');
    await h.consumer.stop();
  });

  it('backs off longer each time the same offset fails, and starts over after progress', async () => {
    const timers = resumeDelays();
    try {
      let failAt = '1';
      const h = harness(async (messages) =>
        messages.map((m) =>
          m.offset === failAt ? Outcome.retry(new TransientError('down')) : Outcome.ok([{ topic: 'out', value: 'x' }]),
        ),
      );
      await h.run([message(1, 'a')]);
      await h.run([message(1, 'a')]);
      await h.run([message(1, 'a')]);
      failAt = 'none';
      await h.run([message(1, 'a')]);
      failAt = '2';
      await h.run([message(2, 'b')]);
      // initialMs 1000 doubled per attempt, jitter at zero keeps half of it
      expect(timers.delays).toEqual([500, 1000, 2000, 500]);
      await h.consumer.stop();
    } finally {
      timers.restore();
    }
  });

  it('does not pause when stopping during the work, and clears pending resumes on stop', async () => {
    const stopper: { stop?: () => Promise<void> } = {};
    const h = harness(async () => {
      await stopper.stop!();
      throw new TransientError('down');
    });
    stopper.stop = () => h.consumer.stop();
    await h.run([message(0, 'a')]);
    expect(h.events).toEqual([]);

    const fast = harness(async () => [Outcome.retry(new TransientError('down'))], {
      backoff: { initialMs: 20, maxMs: 20 },
    });
    await fast.run([message(0, 'a')]);
    await fast.consumer.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(fast.events).toEqual(['pause']); // never resumed after stop
  });

  it('resumes the partition after the backoff', async () => {
    const h = harness(async () => [Outcome.retry(new TransientError('down'))], {
      backoff: { initialMs: 10, maxMs: 10 },
    });
    await h.run([message(0, 'a')]);
    await new Promise((r) => setTimeout(r, 40));
    expect(h.events).toEqual(['pause', 'resume']);
    await h.consumer.stop();
  });

  /** A handler busy for a while, and a heartbeat that fails with `error` only while it is busy. */
  function busyWithFailingHeartbeats(error: Error) {
    let busy = false;
    const h = harness(
      async (messages) => {
        busy = true;
        await new Promise((r) => setTimeout(r, 40));
        busy = false;
        return echo(messages, undefined as never);
      },
      { chunkSize: 1, heartbeatInterval: 5 },
    );
    const heartbeat = async () => {
      if (busy) throw error;
      h.events.push('heartbeat');
    };
    return { h, run: (messages: KafkaMessage[]) => h.run(messages, { heartbeat }) };
  }

  it('keeps going when a heartbeat fails for a reason other than losing the group', async () => {
    const { h, run } = busyWithFailingHeartbeats(new Error('request timed out'));
    await run([message(0, 'a'), message(1, 'b')]);
    expect(h.events).toEqual([
      'send:out:a',
      'resolve:0',
      'commit',
      'heartbeat',
      'send:out:b',
      'resolve:1',
      'commit',
      'heartbeat',
    ]);
    await h.consumer.stop();
  });

  it('commits what it finished but starts no further chunk once a heartbeat learned the group moved on', async () => {
    const lost = Object.assign(new Error('unknown member'), { type: 'UNKNOWN_MEMBER_ID' });
    const { h, run } = busyWithFailingHeartbeats(lost);
    await expect(run([message(0, 'a'), message(1, 'b')])).rejects.toBe(lost);
    expect(h.events).toEqual(['send:out:a', 'resolve:0', 'commit', 'heartbeat']);
    await h.consumer.stop();
  });

  it('tells the handler it may go on while running', async () => {
    const seen: boolean[] = [];
    const h = harness(async (messages, ctx) => {
      seen.push(ctx.isRunning());
      await ctx.yieldToEventLoop();
      return echo(messages, ctx);
    });
    await h.run([message(0, 'a')]);
    expect(seen).toEqual([true]);
    expect(h.events.slice(0, 2)).toEqual(['heartbeat', 'send:out:a']);
    await h.consumer.stop();
  });
});

describe('isMembershipLost', () => {
  it('is true only for the kafkajs errors that mean a rejoin', () => {
    for (const type of ['REBALANCE_IN_PROGRESS', 'UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION'])
      expect(isMembershipLost({ type })).toBe(true);
    expect(isMembershipLost({ type: 'REQUEST_TIMED_OUT' })).toBe(false);
    expect(isMembershipLost({ type: 27 })).toBe(false);
    expect(isMembershipLost(new Error('plain'))).toBe(false);
    expect(isMembershipLost(undefined)).toBe(false);
  });
});

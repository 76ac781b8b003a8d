import { Logger } from '@nestjs/common';
import { DlqHeader, WireHeader, type ErrorStage } from '@wiredesk/contracts';
import { WiredeskMetrics } from '@wiredesk/platform';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { buildDeadLetter } from './codecs/wire-dlq.codec';
import { decodeHeaders } from './headers';
import {
  Outcome,
  type BatchHandler,
  type ConsumedMessage,
  type HandlerContext,
  type MessageOutcome,
  type OutboundMessage,
} from './outcomes';
import { isTransientError } from './transient';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BatchConsumerOptions {
  groupId: string;
  topics: string[];
  /** the stage named in dead letters: 'normalize', 'enrich', 'store' */
  stage: ErrorStage;
  handler: BatchHandler;
  /** messages handed to the handler at once; offsets are committed after each chunk */
  chunkSize?: number;
  /** a new group starts at the oldest message (nothing ingested before the first start is skipped) */
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  /** backoff of transient failures (the partition pauses meanwhile) */
  backoff?: BackoffPolicy;
  /** a handler that throws something unclassified gets this many tries per message before dead-lettering it */
  maxUnexpectedAttempts?: number;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  maxBytesPerPartition?: number;
  maxWaitTimeInMs?: number;
}

/** Where a consumer's records go: the service's producer, or a fake in unit tests. */
export interface RecordSender {
  send(records: OutboundMessage[]): Promise<void>;
}

interface ChunkResult {
  /** messages at the head of the chunk that are fully handled, outputs acknowledged */
  completed: number;
  /** set when the message after them hit a transient failure */
  retryError?: unknown;
}

/**
 * A kafkajs eachBatch consumer with Wiredesk's delivery rules:
 * - the handler gets a chunk of messages and returns one outcome each;
 * - outputs and dead letters are produced and acknowledged BEFORE the chunk's offsets are resolved and committed
 *   (at-least-once; downstream writes are idempotent);
 * - a permanent failure goes to wire.dlq with the raw bytes and the error headers, and the partition moves on;
 * - a transient failure commits what is done, pauses the partition and consumes the failed message again after an
 *   exponential backoff with jitter: good input is never skipped or dead-lettered;
 * - heartbeats between chunks and while waiting, so long batches keep the group membership;
 * - stop(): no new fetches, the in-flight chunk finishes and commits, then the consumer leaves the group.
 */
export class BatchConsumer {
  private readonly logger: Logger;
  private readonly consumer: Consumer;
  private readonly chunkSize: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxUnexpectedAttempts: number;
  private readonly heartbeatInterval: number;
  private readonly retryState = new Map<string, { offset: string; attempts: number }>();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  private stopping = false;
  private started = false;

  constructor(
    kafka: Kafka,
    private readonly sender: RecordSender,
    private readonly dlqTopic: string,
    private readonly options: BatchConsumerOptions,
  ) {
    this.logger = new Logger(`Consumer:${options.groupId}`);
    this.chunkSize = Math.max(1, options.chunkSize ?? 200);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.maxUnexpectedAttempts = Math.max(1, options.maxUnexpectedAttempts ?? 3);
    this.heartbeatInterval = options.heartbeatInterval ?? 3000;
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeout ?? 30000,
      heartbeatInterval: this.heartbeatInterval,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 1000,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      this.logger.error({
        msg: 'consumer crashed',
        error: (event.payload.error as Error)?.message,
        restart: event.payload.restart,
      });
    });
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** Connects, joins the group and starts consuming; resolves once the consumer runs. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 2,
      eachBatch: (payload) => this.processBatch(payload),
    });
    this.logger.log({ msg: 'consuming', topics: this.options.topics });
  }

  /** Graceful: finish and commit the in-flight chunk, leave the group, disconnect. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const t of this.resumeTimers) clearTimeout(t);
    this.resumeTimers.clear();
    try {
      await this.consumer.disconnect();
    } catch (e) {
      this.logger.warn({ msg: 'consumer disconnect failed', error: (e as Error).message });
    }
  }

  /** kafkajs eachBatch callback; public so the delivery rules can be tested with a fake payload. */
  async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale, pause } =
      payload;
    const { topic, partition } = batch;
    const stage = this.options.stage;
    const ctx = this.context(heartbeat, isRunning);
    WiredeskMetrics.consumerLag().set(
      { group: this.options.groupId, topic, partition: String(partition) },
      Number(batch.offsetLag()),
    );

    for (let start = 0; start < batch.messages.length; start += this.chunkSize) {
      if (this.stopping || !isRunning() || isStale()) return;
      // the group moved on while the last chunk was in hand: its partitions may belong to another member now, so
      // stop here, uncommitted, and let kafkajs rejoin rather than go on with work this member no longer owns
      if (ctx.membership.lost !== undefined) throw ctx.membership.lost;
      const chunk = batch.messages.slice(start, start + this.chunkSize).map((m) => toConsumed(topic, partition, m));
      const timer = WiredeskMetrics.stageLatency().startTimer({ stage });
      const result = await this.processChunk(chunk, ctx);

      if (result.completed > 0) {
        resolveOffset(chunk[result.completed - 1].offset);
        await commitOffsetsIfNecessary(uncommittedOffsets());
        WiredeskMetrics.batchSize().observe({ stage }, result.completed);
        timer();
      }
      if (result.retryError !== undefined) {
        this.pauseAndRetry(topic, partition, chunk[result.completed].offset, result.retryError, pause);
        return;
      }
      this.retryState.delete(`${topic}|${partition}`);
      await heartbeat();
    }
  }

  private context(heartbeat: () => Promise<void>, isRunning: () => boolean): BatchContext {
    const membership: BatchContext['membership'] = {};
    return {
      membership,
      heartbeat,
      isRunning: () => !this.stopping && isRunning() && membership.lost === undefined,
      yieldToEventLoop: async () => {
        await new Promise<void>((r) => setImmediate(r));
        await heartbeat();
      },
    };
  }

  private async processChunk(chunk: ConsumedMessage[], ctx: BatchContext): Promise<ChunkResult> {
    const outcomes = await this.outcomesFor(chunk, ctx);
    let cut = outcomes.findIndex((o) => o.status === 'retry');
    if (cut === -1) cut = chunk.length;
    let retryError: unknown = cut < chunk.length ? (outcomes[cut] as { error: unknown }).error : undefined;

    const done = outcomes.slice(0, cut) as Extract<MessageOutcome, { status: 'done' }>[];
    const deadLetters: OutboundMessage[][] = done.map((o, i) =>
      o.deadLetters.map((spec) => buildDeadLetter(this.dlqTopic, this.options.stage, spec, chunk[i])),
    );

    // 1. outputs, one queue entry per input so a record the broker refuses only fails its own input
    const sent = await this.keepAlive(Promise.allSettled(done.map((o) => this.sender.send(o.outputs))), ctx);
    for (let i = 0; i < sent.length; i++) {
      const r = sent[i];
      if (r.status === 'fulfilled') continue;
      if (isTransientError(r.reason)) {
        cut = i;
        retryError = r.reason;
        break;
      }
      deadLetters[i].push(buildDeadLetter(this.dlqTopic, this.options.stage, rejectedOutputSpec(r.reason), chunk[i]));
    }

    // 2. dead letters of the inputs before the cut
    const dlqSent = await this.keepAlive(
      Promise.allSettled(deadLetters.slice(0, cut).map((d) => this.sender.send(d))),
      ctx,
    );
    const dlqFailed = dlqSent.findIndex((r) => r.status === 'rejected');
    if (dlqFailed !== -1) {
      // the DLQ must take every reject; when it cannot, the input is retried rather than lost
      cut = dlqFailed;
      retryError = (dlqSent[dlqFailed] as PromiseRejectedResult).reason;
    }
    for (let i = 0; i < cut; i++) this.recordDeadLetters(chunk[i], deadLetters[i]);
    return { completed: cut, retryError };
  }

  /** Runs the handler; if it throws, finds the culprit by handling the messages one at a time. */
  private async outcomesFor(chunk: ConsumedMessage[], ctx: BatchContext): Promise<MessageOutcome[]> {
    try {
      const outcomes = await this.keepAlive(this.options.handler(chunk, ctx), ctx);
      if (outcomes.length !== chunk.length) {
        throw new Error(`handler returned ${outcomes.length} outcomes for ${chunk.length} messages`);
      }
      return outcomes;
    } catch (e) {
      if (isTransientError(e)) return chunk.map(() => Outcome.retry(e));
      if (chunk.length === 1) return [await this.retryAlone(chunk[0], ctx, e)];
      const outcomes: MessageOutcome[] = [];
      for (const message of chunk) {
        const outcome = await this.retryAlone(message, ctx);
        outcomes.push(outcome);
        if (outcome.status === 'retry') break;
      }
      while (outcomes.length < chunk.length)
        outcomes.push(Outcome.retry(new Error('retried after an earlier message')));
      return outcomes;
    }
  }

  /**
   * Handles one message alone. An unclassified error is retried a few times in place (it may be a hiccup); if it
   * persists the message is poison for this code and goes to the DLQ as INTERNAL_ERROR, so the partition moves on.
   */
  private async retryAlone(message: ConsumedMessage, ctx: BatchContext, firstError?: unknown): Promise<MessageOutcome> {
    let attempt = firstError === undefined ? 0 : 1;
    let lastError = firstError;
    while (attempt < this.maxUnexpectedAttempts) {
      if (attempt > 0) {
        await sleep(backoffDelay(attempt, { initialMs: 100, maxMs: 2000 }));
        await ctx.heartbeat();
      }
      attempt++;
      try {
        const [outcome] = await this.keepAlive(this.options.handler([message], ctx), ctx);
        return outcome ?? Outcome.ok();
      } catch (e) {
        if (isTransientError(e)) return Outcome.retry(e);
        lastError = e;
      }
    }
    this.logger.error({
      msg: 'handler keeps failing on a message, dead-lettering it',
      ingestId: message.headers[WireHeader.ingestId],
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      error: (lastError as Error)?.message ?? String(lastError),
    });
    return Outcome.failed(lastError, { attempts: attempt });
  }

  private pauseAndRetry(
    topic: string,
    partition: number,
    offset: string,
    error: unknown,
    pause: () => () => void,
  ): void {
    const key = `${topic}|${partition}`;
    const previous = this.retryState.get(key);
    const attempts = previous?.offset === offset ? previous.attempts + 1 : 1;
    this.retryState.set(key, { offset, attempts });
    const delayMs = backoffDelay(attempts, this.backoff);
    WiredeskMetrics.retries().inc({ stage: this.options.stage });
    this.logger.warn({
      msg: 'transient failure, partition paused',
      topic,
      partition,
      offset,
      attempts,
      delayMs,
      error: (error as Error)?.message ?? String(error),
    });
    if (this.stopping) return;
    const resume = pause();
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      resume();
    }, delayMs);
    this.resumeTimers.add(timer);
  }

  /** Heartbeats while waiting on I/O (store writes, producer acks) so the group does not evict a busy member. */
  private async keepAlive<T>(work: Promise<T>, ctx: BatchContext): Promise<T> {
    const interval = setInterval(() => {
      ctx.heartbeat().catch((e: unknown) => {
        if (isMembershipLost(e)) ctx.membership.lost = e;
      });
    }, this.heartbeatInterval);
    try {
      return await work;
    } finally {
      clearInterval(interval);
    }
  }

  private recordDeadLetters(message: ConsumedMessage, records: OutboundMessage[]): void {
    for (const r of records) {
      const headers = decodeHeaders(r.headers);
      const code = headers[DlqHeader.code] ?? 'UNKNOWN';
      const stage = headers[DlqHeader.stage] ?? this.options.stage;
      WiredeskMetrics.deadLettered().inc({ code, stage });
      this.logger.warn({
        msg: 'dead-lettered',
        ingestId: headers[WireHeader.ingestId] ?? message.headers[WireHeader.ingestId],
        code,
        stage,
        reason: headers[DlqHeader.message],
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
      });
    }
  }
}

function toConsumed(topic: string, partition: number, m: KafkaMessage): ConsumedMessage {
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ?? null,
    value: m.value ?? null,
    headers: decodeHeaders(m.headers),
    rawHeaders: m.headers ?? {},
    timestamp: m.timestamp,
  };
}

/** The broker refused an output record for good (too large, invalid): the input goes to the DLQ instead. */
function rejectedOutputSpec(error: unknown) {
  const e = error as { type?: string; message?: string };
  const tooLarge = e?.type === 'MESSAGE_TOO_LARGE' || e?.type === 'RECORD_LIST_TOO_LARGE';
  return {
    code: tooLarge ? 'TOO_LARGE' : 'INTERNAL_ERROR',
    message: tooLarge
      ? 'The result of this input is larger than the topic accepts.'
      : `Kafka refused the result of this input: ${e?.message ?? String(error)}`,
  };
}

/** The handler's context plus what the runner tracks for one batch. */
interface BatchContext extends HandlerContext {
  /** set when a heartbeat during long work learns that the group has rebalanced or forgotten this member */
  membership: { lost?: unknown };
}

/** kafkajs errors that mean this member no longer owns its partitions until it rejoins the group. */
const MEMBERSHIP_ERRORS = new Set(['REBALANCE_IN_PROGRESS', 'UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION']);

export function isMembershipLost(e: unknown): boolean {
  const type = (e as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' && MEMBERSHIP_ERRORS.has(type);
}

import type { ErrorStage } from '@wiredesk/contracts';
import { isWireError } from '@wiredesk/contracts';
import type { IHeaders } from 'kafkajs';
import type { HeaderMap } from './headers';
import type { MessagePosition } from './codecs/wire-raw.codec';

/** A message to produce once its input is handled. */
export interface OutboundMessage {
  topic: string;
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: IHeaders;
  timestamp?: string;
}

/** What to write to wire.dlq for one input. Defaults come from the consumed message (its bytes, headers, position). */
export interface DeadLetterSpec {
  code: string;
  /** one sentence a person can act on */
  message: string;
  stage?: ErrorStage;
  /** the raw bytes, when they are not the consumed message's value (the enricher unwraps its envelope) */
  value?: Buffer | null;
  /** the original headers, when they are not the consumed message's */
  headers?: IHeaders;
  /** the original position, when it is not the consumed message's */
  origin?: MessagePosition;
  key?: string | Buffer | null;
  attempts?: number;
}

/**
 * The handler's verdict on one consumed message.
 * - done: outputs to produce and/or dead letters to write; the offset is committed once all of them are acknowledged.
 * - retry: a transient failure (broker or store unavailable, timeout): the partition pauses and this message is
 *   consumed again after a backoff. Never used for bad input.
 */
export type MessageOutcome =
  { status: 'done'; outputs: OutboundMessage[]; deadLetters: DeadLetterSpec[] } | { status: 'retry'; error: unknown };

export const Outcome = {
  ok(outputs: OutboundMessage[] = []): MessageOutcome {
    return { status: 'done', outputs, deadLetters: [] };
  },
  /** some articles of one input went through, others did not */
  partial(outputs: OutboundMessage[], deadLetters: DeadLetterSpec[]): MessageOutcome {
    return { status: 'done', outputs, deadLetters };
  },
  deadLetter(spec: DeadLetterSpec): MessageOutcome {
    return { status: 'done', outputs: [], deadLetters: [spec] };
  },
  /** a permanent failure from a WireError (its code) or anything else (INTERNAL_ERROR) */
  failed(error: unknown, overrides: Omit<Partial<DeadLetterSpec>, 'code' | 'message'> = {}): MessageOutcome {
    const code = isWireError(error) ? error.code : 'INTERNAL_ERROR';
    const message = isWireError(error)
      ? error.message
      : `Unexpected error while processing: ${(error as Error)?.message ?? String(error)}`;
    return Outcome.deadLetter({ code, message, ...overrides });
  },
  retry(error: unknown): MessageOutcome {
    return { status: 'retry', error };
  },
};

/** One message as a batch handler sees it. */
export interface ConsumedMessage extends MessagePosition {
  key: Buffer | null;
  value: Buffer | null;
  /** headers decoded to strings */
  headers: HeaderMap;
  /** headers exactly as received, copied to the DLQ */
  rawHeaders: IHeaders;
  /** broker timestamp, ms since epoch as a string */
  timestamp: string;
}

export interface HandlerContext {
  /** keeps the consumer's group membership alive during long work; cheap to call often */
  heartbeat(): Promise<void>;
  /** gives the event loop a turn (I/O, timers) and heartbeats; call between CPU-heavy items */
  yieldToEventLoop(): Promise<void>;
  /** false once shutdown has begun: finish the current item and return */
  isRunning(): boolean;
}

/** Handles one chunk; returns one outcome per message, in order. Throwing is allowed: the runner isolates the cause. */
export type BatchHandler = (messages: ConsumedMessage[], ctx: HandlerContext) => Promise<MessageOutcome[]>;

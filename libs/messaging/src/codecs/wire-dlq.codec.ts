import { DlqHeader, type ErrorStage } from '@wiredesk/contracts';
import type { IHeaders } from 'kafkajs';
import { decodeHeaders, headerSafe } from '../headers';
import type { ConsumedMessage, DeadLetterSpec, OutboundMessage } from '../outcomes';

/**
 * The wire.dlq record for one failed input: the original raw bytes and headers, untouched, plus the error headers of
 * docs/contracts.md. Error headers from an earlier failure (a replayed dead letter) are replaced, not repeated, except
 * wd-attempts, which counts on.
 */
export function buildDeadLetter(
  dlqTopic: string,
  defaultStage: ErrorStage,
  spec: DeadLetterSpec,
  source?: ConsumedMessage,
): OutboundMessage {
  const origin =
    spec.origin ?? (source ? { topic: source.topic, partition: source.partition, offset: source.offset } : undefined);
  const headers: IHeaders = { ...(spec.headers ?? source?.rawHeaders ?? {}) };
  // a replayed dead letter (wiredesk dlq replay) carries its earlier attempts: they add up
  const earlierAttempts = Number(decodeHeaders(headers)[DlqHeader.attempts]) || 0;
  for (const name of Object.values(DlqHeader)) delete headers[name];
  headers[DlqHeader.stage] = spec.stage ?? defaultStage;
  headers[DlqHeader.code] = spec.code;
  headers[DlqHeader.message] = headerSafe(spec.message);
  if (origin) {
    headers[DlqHeader.originalTopic] = origin.topic;
    headers[DlqHeader.originalPartition] = String(origin.partition);
    headers[DlqHeader.originalOffset] = String(origin.offset);
  }
  headers[DlqHeader.attempts] = String(earlierAttempts + (spec.attempts ?? 1));
  return {
    topic: dlqTopic,
    key: spec.key !== undefined ? spec.key : (source?.key ?? null),
    value: spec.value !== undefined ? spec.value : (source?.value ?? null),
    headers,
  };
}

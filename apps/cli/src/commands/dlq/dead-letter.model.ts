import { DlqHeader, WireHeader } from '@wiredesk/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';

// What a dead letter is to the CLI, and the pure rules over it: positions, filters, replay headers, rejects.

/** Headers a dead letter gains that must not travel back to wire.raw. wd-attempts is deliberately kept. */
const DROPPED_ON_REPLAY = [
  DlqHeader.stage,
  DlqHeader.code,
  DlqHeader.message,
  DlqHeader.originalTopic,
  DlqHeader.originalPartition,
  DlqHeader.originalOffset,
];
export const REPLAYED_FROM_HEADER = 'wd-replayed-from';

/** Where a dead letter sits in wire.dlq. */
export interface Position {
  partition: number;
  offset: string;
}

/** One dead letter as read from wire.dlq. */
export interface DeadLetter extends Position {
  /** when it was dead-lettered (broker timestamp, ms) */
  timestampMs: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  rawHeaders: IHeaders;
}

export interface DlqFilter {
  codes?: string[];
  sources?: string[];
  stages?: string[];
  sinceMs?: number;
  untilMs?: number;
}

/** What the replay topic records per replayed dead letter (key: "partition:offset"). */
export interface ReplayMark {
  replayedAt: string;
  to: string;
  ingestId?: string;
  code?: string;
}

export const positionText = (p: Position): string => `${p.partition}:${p.offset}`;

/** "3:1042" → { partition: 3, offset: "1042" }; throws on anything else. */
export function parsePosition(text: string): Position {
  const m = /^(\d{1,9}):(\d{1,19})$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a position: write partition:offset, e.g. 3:1042`);
  return { partition: Number(m[1]), offset: BigInt(m[2]).toString() };
}

export function matchesFilter(d: DeadLetter, f: DlqFilter): boolean {
  const inList = (list: string[] | undefined, value: string | undefined) =>
    !list?.length || (value !== undefined && list.some((x) => x.toLowerCase() === value.toLowerCase()));
  return (
    inList(f.codes, d.headers[DlqHeader.code]) &&
    inList(f.sources, d.headers[WireHeader.source]) &&
    inList(f.stages, d.headers[DlqHeader.stage]) &&
    (f.sinceMs === undefined || d.timestampMs >= f.sinceMs) &&
    (f.untilMs === undefined || d.timestampMs < f.untilMs)
  );
}

/**
 * The wire.raw headers of a replay: the original headers without the error ones, wd-attempts kept (the next dead
 * letter counts on from it), the dead letter named in wd-replayed-from, and the format override dropped or replaced.
 */
export function replayHeaders(
  d: DeadLetter,
  dlqTopic: string,
  options: { dropFormat?: boolean; format?: string } = {},
): IHeaders {
  const out: IHeaders = { ...d.rawHeaders };
  for (const name of DROPPED_ON_REPLAY) delete out[name];
  if (options.dropFormat) delete out[WireHeader.format];
  if (options.format) out[WireHeader.format] = options.format;
  out[DlqHeader.attempts] = String(Number(d.headers[DlqHeader.attempts]) || 1);
  out[REPLAYED_FROM_HEADER] = `${dlqTopic}/${positionText(d)}`;
  return out;
}

/** The JSON form of a dead letter (list --json): its headers by meaning, the raw copy only by size. */
export function summarize(d: DeadLetter, mark?: ReplayMark): Record<string, unknown> {
  const h = d.headers;
  return {
    position: positionText(d),
    partition: d.partition,
    offset: d.offset,
    time: new Date(d.timestampMs).toISOString(),
    stage: h[DlqHeader.stage] ?? null,
    code: h[DlqHeader.code] ?? null,
    message: h[DlqHeader.message] ?? null,
    source: h[WireHeader.source] ?? null,
    filename: h[WireHeader.filename] ?? null,
    ingestId: h[WireHeader.ingestId] ?? null,
    channel: h[WireHeader.channel] ?? null,
    contentType: h[WireHeader.contentType] ?? null,
    format: h[WireHeader.format] ?? null,
    receivedAt: h[WireHeader.receivedAt] ?? null,
    attempts: Number(h[DlqHeader.attempts]) || 1,
    original: h[DlqHeader.originalTopic]
      ? {
          topic: h[DlqHeader.originalTopic],
          partition: Number(h[DlqHeader.originalPartition]),
          offset: h[DlqHeader.originalOffset],
        }
      : null,
    bytes: d.value?.length ?? 0,
    replayed: mark ?? null,
  };
}

/**
 * What makes two dead letters the same reject: one input, one stage, one reason, one attempt. A stage killed after its dead letter
 * was acknowledged but before its offset commit writes it again on restart (docs/reliability.md); list and replay
 * count such copies once.
 */
export function rejectKey(d: DeadLetter): string | undefined {
  const ingestId = d.headers[WireHeader.ingestId];
  if (ingestId === undefined) return undefined;
  // attempts tell a replayed input that failed again (a new reject) from a restart's repeat (the same attempt)
  const h = d.headers;
  return `${ingestId}|${h[DlqHeader.stage] ?? ''}|${h[DlqHeader.code] ?? ''}|${h[DlqHeader.attempts] ?? '1'}`;
}

/** A wire.dlq message as a DeadLetter: the last value of each header, as text. */
export function toDeadLetter(partition: number, m: KafkaMessage): DeadLetter {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined && last !== null)
      headers[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  return {
    partition,
    offset: m.offset,
    timestampMs: Number(m.timestamp),
    key: m.key ?? null,
    value: m.value ?? null,
    headers,
    rawHeaders: m.headers ?? {},
  };
}

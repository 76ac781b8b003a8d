import { DlqHeader, WireHeader } from '@wiredesk/contracts';
import type { WiredeskConfig } from '@wiredesk/platform';
import { scanTopic } from '@wiredesk/messaging';
import type { Kafka } from 'kafkajs';
import { Exit, writeLine, type CliStreams } from '../../io';
import { Partitioners } from 'kafkajs';
import {
  matchesFilter,
  positionText,
  rejectKey,
  replayHeaders,
  toDeadLetter,
  type DeadLetter,
  type ReplayMark,
} from './dead-letter.model';
import type { DlqFlags } from './dlq.flags';
import { ensureReplayTopic, readMarks, replayTopicOf } from './replay-marks';

/** Produced to wire.raw in chunks of about this many bytes, each acknowledged before its replay is recorded. */
const REPLAY_CHUNK_BYTES = 4 * 1024 * 1024;

export async function replay(kafka: Kafka, config: WiredeskConfig, flags: DlqFlags, io: CliStreams): Promise<number> {
  const dlqTopic = config.topics.dlq;
  const wanted = new Set(flags.positions.map(positionText));
  const marks = await readMarks(kafka, dlqTopic);
  if (!flags.dryRun) await ensureReplayTopic(kafka, config);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  if (!flags.dryRun) await producer.connect();
  const seen = new Set<string>();
  const rejects = new Set<string>();
  let pending: DeadLetter[] = [];
  let pendingBytes = 0;
  let replayed = 0;
  let skipped = 0;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    await producer.send({
      topic: config.topics.wireRaw,
      acks: -1,
      messages: batch.map((d) => ({
        key: d.key,
        value: d.value,
        headers: replayHeaders(d, dlqTopic, { dropFormat: flags.dropFormat, format: flags.format }),
      })),
    });
    // recorded only once wire.raw has acknowledged: a crash in between replays again, which the pipeline absorbs
    const replayedAt = new Date().toISOString();
    await producer.send({
      topic: replayTopicOf(dlqTopic),
      acks: -1,
      messages: batch.map((d) => ({
        key: positionText(d),
        value: JSON.stringify({
          replayedAt,
          to: config.topics.wireRaw,
          ingestId: d.headers[WireHeader.ingestId],
          code: d.headers[DlqHeader.code],
        } satisfies ReplayMark),
      })),
    });
    replayed += batch.length;
  };
  try {
    const from = new Map<number, string>();
    for (const p of flags.positions) {
      const current = from.get(p.partition);
      if (current === undefined || BigInt(p.offset) < BigInt(current)) from.set(p.partition, p.offset);
    }
    const exists = await scanTopic(
      kafka,
      dlqTopic,
      async (partition, m) => {
        const d = toDeadLetter(partition, m);
        const position = positionText(d);
        if (wanted.size && !wanted.has(position)) return;
        if (!matchesFilter(d, flags.filter)) return;
        seen.add(position);
        if (marks.has(position) && !flags.again) {
          skipped++;
          return;
        }
        const key = rejectKey(d);
        if (key !== undefined && rejects.has(key)) return; // a repeated copy of a reject this run already replays
        if (key !== undefined) rejects.add(key);
        if (replayed + pending.length >= flags.limit) return true;
        const line = `${flags.dryRun ? 'would replay' : 'replaying'} ${position} ${d.headers[DlqHeader.code] ?? '-'} ${d.headers[WireHeader.source] ?? '-'} ${d.headers[WireHeader.filename] ?? ''}`;
        await writeLine(io.stderr, line.trimEnd());
        if (flags.dryRun) {
          replayed++;
          return;
        }
        pending.push(d);
        pendingBytes += d.value?.length ?? 0;
        if (pendingBytes >= REPLAY_CHUNK_BYTES || pending.length >= 500) await flush();
      },
      wanted.size ? { from, partitions: new Set(from.keys()) } : {},
    );
    if (!flags.dryRun) await flush();
    if (!exists) {
      await writeLine(io.stderr, `wiredesk dlq: topic ${dlqTopic} does not exist (yet)`);
      return wanted.size ? Exit.failed : Exit.ok;
    }
  } finally {
    if (!flags.dryRun) await producer.disconnect().catch(() => undefined);
  }
  const missing = [...wanted].filter((p) => !seen.has(p));
  const verb = flags.dryRun ? 'would replay' : 'replayed';
  await writeLine(
    io.stdout,
    `${verb} ${replayed} dead letter${replayed === 1 ? '' : 's'} from ${dlqTopic} to ${config.topics.wireRaw}` +
      (skipped ? `; skipped ${skipped} already replayed (--again replays them)` : '') +
      (missing.length ? `; not found: ${missing.join(' ')}` : ''),
  );
  return missing.length ? Exit.failed : Exit.ok;
}

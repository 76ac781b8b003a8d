import type { WiredeskConfig } from '@wiredesk/platform';
import { scanTopic } from '@wiredesk/messaging';
import type { Kafka } from 'kafkajs';
import { Exit, writeLine, type CliStreams } from '../../io';
import {
  matchesFilter,
  positionText,
  rejectKey,
  summarize,
  toDeadLetter,
  type DeadLetter,
  type ReplayMark,
} from './dead-letter.model';
import type { DlqFlags } from './dlq.flags';
import { formatTable } from './dlq.format';
import { readMarks } from './replay-marks';

/** `wiredesk dlq list`: one row per reject (repeated copies counted once), oldest first per partition. */
export async function list(kafka: Kafka, config: WiredeskConfig, flags: DlqFlags, io: CliStreams): Promise<number> {
  const marks = await readMarks(kafka, config.topics.dlq);
  const rows: { d: DeadLetter; mark?: ReplayMark; copies: number }[] = [];
  const byReject = new Map<string, { copies: number }>();
  let total = 0;
  let repeats = 0;
  const exists = await scanTopic(kafka, config.topics.dlq, async (partition, m) => {
    total++;
    const d = toDeadLetter(partition, m);
    d.value = null; // the list needs the size only; do not hold every raw copy in memory
    if (!matchesFilter(d, flags.filter)) return;
    const key = rejectKey(d);
    const first = key === undefined ? undefined : byReject.get(key);
    if (first) {
      first.copies++;
      repeats++;
      return;
    }
    const mark = marks.get(positionText(d));
    if (flags.json) await writeLine(io.stdout, JSON.stringify({ ...summarize(d, mark), bytes: m.value?.length ?? 0 }));
    else {
      const row = { d, mark, copies: 1 };
      rows.push(row);
      if (key !== undefined) byReject.set(key, row);
    }
    if (flags.json && key !== undefined) byReject.set(key, { copies: 1 });
    return rows.length >= flags.limit;
  });
  if (!exists) {
    await writeLine(io.stderr, `wiredesk dlq: topic ${config.topics.dlq} does not exist (yet)`);
    return Exit.ok;
  }
  if (!flags.json) for (const line of formatTable(rows)) await writeLine(io.stdout, line);
  await writeLine(
    io.stderr,
    `${config.topics.dlq}: ${total} dead letters read` +
      (repeats ? `; ${repeats} repeated copies of the same reject counted once` : ''),
  );
  return Exit.ok;
}

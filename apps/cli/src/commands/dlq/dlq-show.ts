import type { WiredeskConfig } from '@wiredesk/platform';
import { scanTopic } from '@wiredesk/messaging';
import type { Kafka } from 'kafkajs';
import { Exit, oneLine, writeLine, type CliStreams } from '../../io';
import { positionText, summarize, toDeadLetter, type DeadLetter } from './dead-letter.model';
import type { DlqFlags } from './dlq.flags';
import { preview } from './dlq.format';
import { readMarks } from './replay-marks';

/** `wiredesk dlq show`: every header and the start of the raw copy, or the exact bytes with --raw. */
export async function show(kafka: Kafka, config: WiredeskConfig, flags: DlqFlags, io: CliStreams): Promise<number> {
  const [target] = flags.positions;
  let found: DeadLetter | undefined;
  await scanTopic(
    kafka,
    config.topics.dlq,
    (partition, m) => {
      if (m.offset !== target.offset) return BigInt(m.offset) > BigInt(target.offset);
      found = toDeadLetter(partition, m);
      return true;
    },
    { from: new Map([[target.partition, target.offset]]), partitions: new Set([target.partition]) },
  );
  if (!found) {
    await writeLine(io.stderr, `wiredesk dlq: no dead letter at ${positionText(target)} in ${config.topics.dlq}`);
    return Exit.failed;
  }
  const value = found.value ?? Buffer.alloc(0);
  if (flags.raw) {
    await new Promise<void>((resolve, reject) => io.stdout.write(value, (e) => (e ? reject(e) : resolve())));
    return Exit.ok;
  }
  const marks = await readMarks(kafka, config.topics.dlq);
  const summary = summarize(found, marks.get(positionText(found)));
  if (flags.json) {
    await writeLine(
      io.stdout,
      JSON.stringify({ ...summary, headers: found.headers, key: found.key?.toString('utf8') ?? null }),
    );
    return Exit.ok;
  }
  await writeLine(io.stdout, `position:  ${config.topics.dlq} ${positionText(found)}`);
  await writeLine(io.stdout, `time:      ${summary.time}`);
  await writeLine(io.stdout, `key:       ${found.key ? oneLine(found.key.toString('utf8')) : '(none)'}`);
  if (summary.replayed) await writeLine(io.stdout, `replayed:  ${JSON.stringify(summary.replayed)}`);
  await writeLine(io.stdout, 'headers:');
  for (const name of Object.keys(found.headers).sort()) {
    await writeLine(io.stdout, `  ${name}: ${oneLine(found.headers[name])}`);
  }
  await writeLine(
    io.stdout,
    `raw copy:  ${value.length} bytes${value.length > flags.bytes ? `, the first ${flags.bytes}` : ''}`,
  );
  for (const line of preview(value, flags.bytes)) await writeLine(io.stdout, `  ${line}`);
  return Exit.ok;
}

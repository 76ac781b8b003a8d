import { loadConfig } from '@wiredesk/platform';
import { cliKafka } from '../flags';
import { Exit, oneLine, processStreams, writeLine, type CliStreams } from '../io';
import { list } from './dlq/dlq-list';
import { replay } from './dlq/dlq-replay';
import { show } from './dlq/dlq-show';
import { DLQ_USAGE, parseDlqFlags, type DlqFlags } from './dlq/dlq.flags';

// The model, flags, table and the three actions live in ./dlq; the topic scanner in libs/messaging.

/** `wiredesk dlq …`; returns the exit code. `env` names the brokers and topics (tests pass their own). */
export async function dlqCommand(
  args: string[],
  io: CliStreams = processStreams(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let flags: DlqFlags | 'help';
  try {
    flags = parseDlqFlags(args);
  } catch (e) {
    await writeLine(io.stderr, `wiredesk dlq: ${(e as Error).message}`);
    await writeLine(io.stderr, DLQ_USAGE);
    return Exit.usage;
  }
  if (flags === 'help') {
    await writeLine(io.stdout, DLQ_USAGE);
    return Exit.ok;
  }
  const config = loadConfig(env);
  const kafka = cliKafka(config, 'dlq');
  try {
    if (flags.action === 'list') return await list(kafka, config, flags, io);
    if (flags.action === 'show') return await show(kafka, config, flags, io);
    return await replay(kafka, config, flags, io);
  } catch (e) {
    await writeLine(
      io.stderr,
      `wiredesk dlq: ${oneLine((e as Error)?.message ?? String(e))} (KAFKA_BROKERS=${config.kafkaBrokers.join(',')})`,
    );
    return Exit.failed;
  }
}

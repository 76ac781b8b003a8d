import { Exit } from './io';

export const USAGE = `usage: wiredesk <command> [options]

commands:
  normalize [--format F] [--no-enrich] [--with-source] <file…|->
                          wire copy → ninjs 3.1 NDJSON on stdout, in-process (no Kafka, no MongoDB)
  up [--ingest-samples]   the whole stack on this machine in one terminal; Ctrl-C stops it all
  infra up|down|status    only the local Kafka and MongoDB-compatible store
  sources list|add|test|poll
                          scheduled sources (feeds, FTP/SFTP, IMAP…): state, add, test in-process, poll now
  dlq list|show|replay    inspect dead letters (wire.dlq) by code, source and time; replay them after a fix
  replay [--since T] [--until T] [--source S] [--dry-run]
                          re-run stored raw copy through the current pipeline (after a parser or enrichment fix)
  ingest <folder|file…> [--url U] [--source S]
                          push a backlog through the ingest HTTP API, with progress and a summary

"wiredesk <command> --help" says more.`;

// Loaded on demand: `normalize` should not pay for loading NestJS, the infra code or the HTTP client.
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  normalize: async (args) => (await import('./commands/normalize.command')).normalizeCommand(args),
  up: async (args) => (await import('./commands/up.command')).upCommand(args),
  infra: async (args) => (await import('./commands/infra.command')).infraCommand(args),
  dlq: async (args) => (await import('./commands/dlq.command')).dlqCommand(args),
  replay: async (args) => (await import('./commands/replay.command')).replayCommand(args),
  ingest: async (args) => (await import('./commands/ingest.command')).ingestCommand(args),
  sources: async (args) => (await import('./commands/sources.command')).sourcesCommand(args),
};

/** Runs one command line; resolves with the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'help' && args[0] && COMMANDS[args[0]]) return COMMANDS[args[0]](['--help']);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? Exit.usage : Exit.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`wiredesk: unknown command "${command}"\n${USAGE}\n`);
    return Exit.usage;
  }
  return run(args);
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ErrorCode, isWireError } from '@wiredesk/contracts';
import type { Enricher } from '@wiredesk/enrich';
import { WIRE_FORMATS, type WireFormat } from '@wiredesk/formats';
import { normalizeBytesAsync } from '@wiredesk/pipeline';
import { Exit, oneLine, processStreams, readAll, writeLine, type CliStreams } from '../io';

export const NORMALIZE_USAGE = `usage: wiredesk normalize [--format F] [--no-enrich] [--with-source] <file…|->

Parses and enriches wire copy in-process (no Kafka, no MongoDB) and writes one ninjs 3.1 document per article to
stdout as NDJSON, in input order. "-" reads stdin; a directory stands for the files in it.

  --format F      parse every input as F (${WIRE_FORMATS.join(', ')}) instead of detecting it
  --no-enrich     skip enrichment (people, places, subjects, summary…): parsing and mapping only
  --with-source   write envelopes instead: {"source","index","article"} per article, {"source","error"} per failure
  -h, --help      this text

A file that cannot be parsed gives one line on stderr, "<file>: <CODE>: <message>"; the other files go on and the
exit status is 1 at the end.`;

/** Not a wire problem but the file system's: the file could not be read at all. */
const READ_ERROR = 'READ_ERROR';

interface NormalizeFlags {
  format?: WireFormat;
  enrich: boolean;
  withSource: boolean;
  help: boolean;
  inputs: string[];
}

/** `wiredesk normalize …`; returns the exit code. */
export async function normalizeCommand(args: string[], io: CliStreams = processStreams()): Promise<number> {
  let flags: NormalizeFlags;
  try {
    flags = parseFlags(args);
  } catch (e) {
    await writeLine(io.stderr, `wiredesk normalize: ${(e as Error).message}`);
    await writeLine(io.stderr, NORMALIZE_USAGE);
    return Exit.usage;
  }
  if (flags.help) {
    await writeLine(io.stdout, NORMALIZE_USAGE);
    return Exit.ok;
  }
  if (flags.inputs.length === 0) {
    await writeLine(io.stderr, 'wiredesk normalize: no input given (a file, a directory, or - for stdin)');
    await writeLine(io.stderr, NORMALIZE_USAGE);
    return Exit.usage;
  }
  let enricher: Enricher | undefined;
  try {
    enricher = flags.enrich ? await loadEnricher() : undefined;
  } catch (e) {
    const reason = oneLine(e instanceof Error ? e.message : String(e));
    await writeLine(
      io.stderr,
      `wiredesk normalize: the enricher could not be loaded: ${reason} (--no-enrich skips it)`,
    );
    return Exit.failed;
  }
  let failed = false;
  for (const input of flags.inputs) {
    for (const source of await expand(input)) {
      const ok = await normalizeOne(source, flags, enricher, io);
      failed ||= !ok;
    }
  }
  return failed ? Exit.failed : Exit.ok;
}

/** Built once per run: loading gazetteers and models per file would dominate a batch; not loaded with --no-enrich. */
async function loadEnricher(): Promise<Enricher> {
  const { createEnricher } = await import('@wiredesk/enrich');
  return createEnricher();
}

function parseFlags(args: string[]): NormalizeFlags {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      'no-enrich': { type: 'boolean', default: false },
      'with-source': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const format = values.format?.toLowerCase();
  if (format !== undefined && !WIRE_FORMATS.includes(format as WireFormat)) {
    throw new Error(`unknown format "${values.format}" (one of ${WIRE_FORMATS.join(', ')})`);
  }
  return {
    format: format as WireFormat | undefined,
    enrich: !values['no-enrich'],
    withSource: values['with-source'],
    help: values.help,
    inputs: positionals,
  };
}

/** A directory stands for the files in it (sorted, hidden ones skipped, recursively); anything else for itself. */
async function expand(input: string): Promise<string[]> {
  if (input === '-') return [input];
  const info = await stat(input).catch(() => undefined);
  if (!info?.isDirectory()) return [input];
  const entries = (await readdir(input, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(input, entry.name);
    if (entry.isDirectory()) files.push(...(await expand(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

async function normalizeOne(
  source: string,
  flags: NormalizeFlags,
  enricher: Enricher | undefined,
  io: CliStreams,
): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = source === '-' ? await readAll(io.stdin) : await readFile(source);
  } catch (e) {
    await reportError(source, READ_ERROR, readErrorMessage(e), flags, io);
    return false;
  }
  let articles;
  try {
    const hints = { filename: source === '-' ? undefined : basename(source), format: flags.format };
    ({ articles } = await normalizeBytesAsync(bytes, hints, {
      enricher,
      meta: { receivedAt: new Date().toISOString() },
    }));
  } catch (e) {
    const code = isWireError(e) ? e.code : ErrorCode.INTERNAL_ERROR;
    const message = e instanceof Error ? e.message : String(e);
    await reportError(source, code, message, flags, io);
    return false;
  }
  for (let index = 0; index < articles.length; index++) {
    const article = articles[index];
    await writeLine(io.stdout, JSON.stringify(flags.withSource ? { source, index, article } : article));
  }
  return true;
}

async function reportError(source: string, code: string, message: string, flags: NormalizeFlags, io: CliStreams) {
  const text = oneLine(message);
  await writeLine(io.stderr, `${source}: ${code}: ${text}`);
  if (flags.withSource) await writeLine(io.stdout, JSON.stringify({ source, error: { code, message: text } }));
}

function readErrorMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'No such file.';
  if (err.code === 'EACCES') return 'Permission denied.';
  if (err.code === 'EISDIR') return 'Is a directory.';
  return err.message ?? String(e);
}

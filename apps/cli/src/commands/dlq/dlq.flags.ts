import { parseArgs } from 'node:util';
import { listOf, parseTime, positiveInt } from '../../flags';
import { parsePosition, type DlqFilter, type Position } from './dead-letter.model';

export const DLQ_USAGE = `usage: wiredesk dlq list|show|replay [options]

Inspects and replays the dead letters of wire.dlq (TOPIC_DLQ on KAFKA_BROKERS): everything that could not become an
article, with its raw bytes, original headers and the error that stopped it.

  wiredesk dlq list [filters] [--json]
      one row per dead letter, oldest first per partition: position (partition:offset), time it was dead-lettered,
      stage, code, source, filename, attempts, copies (the same input dead-lettered again at the same stage, for the
      same reason and attempt, by a stage restarted before its commit, is one row), whether it was replayed, message.
      --json: one JSON object a line, one per reject.
  wiredesk dlq show <partition:offset> [--bytes N] [--raw]
      every header and the first N bytes (default 1024) of the raw copy, as text or a hex dump;
      --raw writes the exact bytes to stdout and nothing else (wiredesk dlq show 2:17 --raw > copy.xml).
  wiredesk dlq replay [<partition:offset>…] [filters] [--all] [--no-format | --format F] [--again] [--dry-run]
      produces the selected dead letters to wire.raw again (TOPIC_WIRE_RAW), so they go through the current pipeline
      after a fix: same key, bytes and headers, minus the wd-error-* and wd-original-* ones; wd-attempts is kept, so
      one that fails again comes back with its attempts counted on; wd-replayed-from names the dead letter.
      Select by position(s), by filters, or everything with --all (one of them is required).
      Every replayed position is recorded in the compacted topic <TOPIC_DLQ>.replayed, and a later replay skips what
      it finds there, so running the same replay twice does not send anything twice. --again replays those too.
      --no-format drops the wd-format override the copy was sent with; --format F sets another one.
      --dry-run lists what would be replayed and sends nothing.

filters (all must match; --code, --source and --stage may be repeated or comma-separated):
  --code C        wd-error-code, e.g. UNKNOWN_FORMAT
  --source S      wd-source, the feed
  --stage S       wd-error-stage: ingest, normalize, enrich, store
  --since T       dead-lettered at or after T: an ISO 8601 time or date, or an age such as 30m, 6h, 2d
  --until T       dead-lettered before T (same forms)
  --limit N       at most N rows (list) or N replays (replay)

Exit status: 0 done, 1 failed (Kafka did not answer, a position was not found), 2 wrong command line.`;

export interface DlqFlags {
  action: 'list' | 'show' | 'replay';
  positions: Position[];
  filter: DlqFilter;
  json: boolean;
  raw: boolean;
  bytes: number;
  limit: number;
  all: boolean;
  again: boolean;
  dryRun: boolean;
  dropFormat: boolean;
  format?: string;
}

export function parseDlqFlags(args: string[], now = Date.now()): DlqFlags | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      code: { type: 'string', multiple: true },
      source: { type: 'string', multiple: true },
      stage: { type: 'string', multiple: true },
      since: { type: 'string' },
      until: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      raw: { type: 'boolean', default: false },
      bytes: { type: 'string' },
      all: { type: 'boolean', default: false },
      again: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'no-format': { type: 'boolean', default: false },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [action, ...rest] = positionals;
  if (values.help || action === 'help' || action === undefined) return 'help';
  if (action !== 'list' && action !== 'show' && action !== 'replay') throw new Error(`unknown action "${action}"`);
  const filter: DlqFilter = {
    codes: listOf(values.code),
    sources: listOf(values.source),
    stages: listOf(values.stage),
    sinceMs: values.since !== undefined ? parseTime(values.since, now) : undefined,
    untilMs: values.until !== undefined ? parseTime(values.until, now) : undefined,
  };
  const positions = rest.map(parsePosition);
  if (action === 'list' && positions.length) throw new Error('list takes filters, not positions (use show)');
  if (action === 'show' && positions.length !== 1) throw new Error('show takes exactly one position, e.g. 3:1042');
  const hasFilter = Object.values(filter).some((v) => v !== undefined);
  if (action === 'replay' && !positions.length && !hasFilter && !values.all) {
    throw new Error('replay needs positions, filters, or --all to replay every dead letter');
  }
  if (values['no-format'] && values.format) throw new Error('--no-format and --format exclude each other');
  if (values.format !== undefined && !/^[a-z0-9][a-z0-9.+-]{0,39}$/i.test(values.format)) {
    throw new Error('--format must be a format name such as nitf or newsml-g2');
  }
  return {
    action,
    positions,
    filter,
    json: values.json,
    raw: values.raw,
    bytes: positiveInt(values.bytes, 'bytes') ?? 1024,
    limit: positiveInt(values.limit, 'limit') ?? Number.MAX_SAFE_INTEGER,
    all: values.all,
    again: values.again,
    dryRun: values['dry-run'],
    dropFormat: values['no-format'],
    format: values.format?.toLowerCase(),
  };
}

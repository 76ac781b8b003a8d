import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DlqHeader, WireHeader } from '@wiredesk/contracts';
import { loadConfig, type WiredeskConfig } from '@wiredesk/platform';
import { Partitioners, type IHeaders, type Kafka, type KafkaMessage } from 'kafkajs';
import { cliKafka, listOf, parseTime, positiveInt } from '../flags';
import { Exit, oneLine, processStreams, writeLine, type CliStreams } from '../io';

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

const TABLE_COLUMNS = [
  'offset',
  'time',
  'stage',
  'code',
  'source',
  'filename',
  'att',
  'copies',
  'replayed',
  'message',
] as const;

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

/** Aligned table rows; long cells are cut so one dead letter stays on one line. */
export function formatTable(letters: { d: DeadLetter; mark?: ReplayMark; copies?: number }[]): string[] {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const rows = letters.map(({ d, mark, copies }) => [
    positionText(d),
    new Date(d.timestampMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    d.headers[DlqHeader.stage] ?? '-',
    d.headers[DlqHeader.code] ?? '-',
    cut(d.headers[WireHeader.source] ?? '-', 24),
    cut(d.headers[WireHeader.filename] ?? '-', 32),
    d.headers[DlqHeader.attempts] ?? '1',
    String(copies ?? 1),
    mark ? 'yes' : '',
    cut(oneLine(d.headers[DlqHeader.message] ?? ''), 100),
  ]);
  const all = [[...TABLE_COLUMNS] as string[], ...rows];
  const widths = TABLE_COLUMNS.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/** Valid UTF-8, allowing a character cut in two at the end (the preview stops at a byte count). */
function isUtf8(bytes: Buffer): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) {
    try {
      decoder.decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try without the last bytes
    }
  }
  return false;
}

/** The first bytes of a raw copy, readable: text with control characters escaped, or a hex dump for binary. */
export function preview(bytes: Buffer, max: number): string[] {
  const head = bytes.subarray(0, max);
  const text = head.toString('utf8');
  const controls = [...head].filter((b) => b < 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09).length;
  const binary = head.includes(0) || !isUtf8(head) || controls > head.length / 20;
  const lines: string[] = [];
  if (binary) {
    for (let i = 0; i < head.length; i += 16) {
      const row = head.subarray(i, i + 16);
      const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
      lines.push(`${i.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
    }
  } else {
    const safe = text.replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
    lines.push(...safe.split(/\r?\n/));
  }
  if (bytes.length > max) lines.push(`… ${bytes.length - max} more bytes (--bytes N shows more, --raw all of them)`);
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Kafka

function toDeadLetter(partition: number, m: KafkaMessage): DeadLetter {
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

/** How long a scan waits without any new message before it gives up on the partitions it has not finished. */
const SCAN_IDLE_MS = 15000;

/**
 * Reads a topic from the given offsets (default: its beginning) up to its end as it was when the scan started, with
 * a throwaway consumer group that commits nothing and is deleted afterwards, so the services' groups are untouched.
 * `onMessage` returning true stops the scan. Resolves false when the topic does not exist.
 */
export async function scanTopic(
  kafka: Kafka,
  topic: string,
  onMessage: (partition: number, message: KafkaMessage) => Promise<boolean | void> | boolean | void,
  options: { from?: Map<number, string>; partitions?: Set<number> } = {},
): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  const ranges = new Map<number, { next: bigint; end: bigint }>();
  const groupId = `wiredesk-dlq-cli-${randomBytes(6).toString('hex')}`;
  let joined = false;
  try {
    if (!(await admin.listTopics()).includes(topic)) return false;
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (options.partitions && !options.partitions.has(p.partition)) continue;
      const low = BigInt(p.low);
      const end = BigInt(p.high);
      const asked = options.from?.get(p.partition);
      const next = asked !== undefined && BigInt(asked) > low ? BigInt(asked) : low;
      if (next < end) ranges.set(p.partition, { next, end });
    }
    if (ranges.size === 0) return true;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
    joined = true;
    await consumer.connect();
    try {
      let lastProgress = Date.now();
      let finish!: (e?: unknown) => void;
      const done = new Promise<void>((resolve, reject) => {
        finish = (e?: unknown) => (e ? reject(e) : resolve());
      });
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch, isRunning, isStale }) => {
          const range = ranges.get(batch.partition);
          if (!range) return;
          try {
            for (const m of batch.messages) {
              if (!isRunning() || isStale()) return;
              const offset = BigInt(m.offset);
              if (offset < range.next) continue; // fetched before the seek took effect
              if (offset >= range.end) break;
              range.next = offset + 1n;
              lastProgress = Date.now();
              if (await onMessage(batch.partition, m)) {
                ranges.clear();
                break;
              }
            }
          } catch (e) {
            finish(e);
            return;
          }
          if (range.next >= range.end) ranges.delete(batch.partition);
          if (ranges.size === 0) finish();
        },
      });
      for (const [partition, range] of ranges) consumer.seek({ topic, partition, offset: range.next.toString() });
      const watchdog = setInterval(() => {
        if (Date.now() - lastProgress > SCAN_IDLE_MS) {
          finish(new Error(`no messages from ${topic} for ${SCAN_IDLE_MS / 1000} s before its end was reached`));
        }
      }, 1000);
      try {
        await done;
      } finally {
        clearInterval(watchdog);
      }
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    return true;
  } finally {
    if (joined) await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

export const replayTopicOf = (dlqTopic: string): string => `${dlqTopic}.replayed`;

/** The replay marks recorded so far, by position text; an absent topic means nothing was replayed yet. */
async function readMarks(kafka: Kafka, dlqTopic: string): Promise<Map<string, ReplayMark>> {
  const marks = new Map<string, ReplayMark>();
  await scanTopic(kafka, replayTopicOf(dlqTopic), (_p, m) => {
    const key = m.key?.toString('utf8');
    if (!key) return;
    if (!m.value)
      marks.delete(key); // a tombstone un-marks
    else {
      try {
        marks.set(key, JSON.parse(m.value.toString('utf8')) as ReplayMark);
      } catch {
        marks.set(key, { replayedAt: new Date(Number(m.timestamp)).toISOString(), to: '?' });
      }
    }
  });
  return marks;
}

async function ensureReplayTopic(kafka: Kafka, config: WiredeskConfig): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topic = replayTopicOf(config.topics.dlq);
    if ((await admin.listTopics()).includes(topic)) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: 1,
          replicationFactor: config.topicReplicationFactor,
          configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
        },
      ],
    });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the command

interface DlqFlags {
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

async function list(kafka: Kafka, config: WiredeskConfig, flags: DlqFlags, io: CliStreams): Promise<number> {
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

async function show(kafka: Kafka, config: WiredeskConfig, flags: DlqFlags, io: CliStreams): Promise<number> {
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

/** Produced to wire.raw in chunks of about this many bytes, each acknowledged before its replay is recorded. */
const REPLAY_CHUNK_BYTES = 4 * 1024 * 1024;

async function replay(kafka: Kafka, config: WiredeskConfig, flags: DlqFlags, io: CliStreams): Promise<number> {
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

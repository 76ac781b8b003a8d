import { parseArgs } from 'node:util';
import { WireHeader } from '@wiredesk/contracts';
import { loadConfig } from '@wiredesk/platform';
import { databaseName, RAW_COLLECTION, RAW_FILES_BUCKET } from '@wiredesk/storage';
import { Partitioners, type IHeaders, type Message, type Producer } from 'kafkajs';
import { GridFSBucket, MongoClient, type Db, type Document, type Filter, type ObjectId } from 'mongodb';
import { Exit, oneLine, processStreams, writeLine, type CliStreams } from '../io';
import { cliKafka, listOf, parseTime, positiveInt } from '../flags';
import { Progress } from '../progress';

/** Marks a wire.raw message as a replay of stored copy (travels on wire.raw; see docs/consumers.md). */
export const REPLAY_HEADER = WireHeader.replay;
/** When this replay run produced the message (ISO 8601). */
export const REPLAYED_AT_HEADER = 'wd-replayed-at';

export const REPLAY_USAGE = `usage: wiredesk replay [--since T] [--until T] [--source S] [--channel C] [--limit N] [--dry-run]

Re-runs stored raw copy (the archive's \`raw\` collection, large copies from the GridFS bucket raw_files) through the
current pipeline, e.g. after a parser or the enrichment improved: every selected copy is produced to wire.raw
(TOPIC_WIRE_RAW) again, byte for byte, with its ORIGINAL headers and key, plus ${REPLAY_HEADER}: true and
${REPLAYED_AT_HEADER}: <now>. Oldest first (by receive time).

  --since T       received at or after T: ISO 8601 time or date, or an age such as 30m, 6h, 2d
  --until T       received before T (same forms)
  --source S      only this feed (wd-source); may be repeated or comma-separated
  --channel C     only this channel (http, folder, kafka, ftp, rss); may be repeated or comma-separated
  --limit N       at most N copies
  --batch N       messages per Kafka produce call (default 200; large copies flush a batch earlier)
  --db NAME       the database (default: the one in MONGO_URL, else wiredesk)
  --dry-run       count and list what would be replayed; produce nothing

Idempotent: the copy keeps its wd-ingest-id (a copy that arrived without one gets the id it was stored under), so
the raw store ignores it (first copy wins), and the archive treats the articles it yields by content hash:
  - unchanged result (same uri, same content hash): a no-op, nothing new is stored;
  - a different result for the CURRENT version of a story (same uri and version, new content hash): the enricher
    passes ${REPLAY_HEADER} on, and the archive replaces the stored content with the better derivation (no new
    version; the earlier derivation is kept in that version's revisions) and publishes an \`updated\` event;
  - a different result for an older version, or for a canceled story: stale, nothing changes
    (see docs/consumers.md, "Replays").
Downstream consumers see the replayed articles on articles.normalized again (at-least-once) and must dedupe by
(uri, version, wd-content-hash), as docs/consumers.md describes.

Progress (count, rate, ETA) goes to stderr; the summary (read, produced, skipped, failed) to stdout.
Skipped: empty copies (nothing to parse). Failed: copies whose bytes could not be read or whose produce failed.
Environment: MONGO_URL, KAFKA_BROKERS, TOPIC_WIRE_RAW.
Exit status: 0 done, 1 something failed (store or Kafka unreachable, a copy not replayed), 2 wrong command line.`;

export interface ReplayFlags {
  sinceMs?: number;
  untilMs?: number;
  sources?: string[];
  channels?: string[];
  limit?: number;
  batch: number;
  db?: string;
  dryRun: boolean;
}

export function parseReplayFlags(args: string[], now = Date.now()): ReplayFlags | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      source: { type: 'string', multiple: true },
      channel: { type: 'string', multiple: true },
      limit: { type: 'string' },
      batch: { type: 'string' },
      db: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`);
  const flags: ReplayFlags = {
    sinceMs: values.since !== undefined ? parseTime(values.since, now) : undefined,
    untilMs: values.until !== undefined ? parseTime(values.until, now) : undefined,
    sources: listOf(values.source),
    channels: listOf(values.channel),
    limit: positiveInt(values.limit, 'limit'),
    batch: positiveInt(values.batch, 'batch') ?? 200,
    db: values.db,
    dryRun: values['dry-run'],
  };
  if (flags.sinceMs !== undefined && flags.untilMs !== undefined && flags.sinceMs >= flags.untilMs) {
    throw new Error('--since must be before --until');
  }
  return flags;
}

/** The MongoDB filter of a selection; values are passed as plain strings and dates, never as operators. */
export function rawFilter(flags: Pick<ReplayFlags, 'sinceMs' | 'untilMs' | 'sources' | 'channels'>): Filter<Document> {
  const filter: Document = {};
  const range: Document = {};
  if (flags.sinceMs !== undefined) range.$gte = new Date(flags.sinceMs);
  if (flags.untilMs !== undefined) range.$lt = new Date(flags.untilMs);
  if (Object.keys(range).length) filter.receivedAt = range;
  if (flags.sources) filter.source = { $in: flags.sources.map(String) };
  if (flags.channels) filter.channel = { $in: flags.channels.map(String) };
  return filter;
}

/** A `raw` document as this command reads it (schema: libs/storage/src/schemas/raw-copy.schema.ts). */
export interface StoredRawCopy {
  _id: unknown;
  ingestId?: string;
  size?: number;
  bytes?: Buffer | { buffer: Uint8Array };
  gridFsId?: ObjectId;
  headers?: { name: string; value?: string | null }[];
  key?: string | null;
  receivedAt?: Date;
  source?: string;
  channel?: string;
  filename?: string;
}

export function ingestIdOf(doc: StoredRawCopy): string {
  return doc.ingestId ?? String(doc._id);
}

/**
 * The wire.raw headers of a replayed copy: the stored ones as they arrived, the ingest id and receive time it was
 * stored under when the original message did not carry them (a producer writing to Kafka without headers: its ingest
 * id was derived from its Kafka position, which a replay does not have), and the replay marks.
 */
export function replayedHeaders(doc: StoredRawCopy, replayedAt: string): IHeaders {
  const out: IHeaders = {};
  for (const h of doc.headers ?? []) {
    if (!h?.name || h.value === undefined || h.value === null) continue;
    if (h.name === REPLAY_HEADER || h.name === REPLAYED_AT_HEADER) continue;
    out[h.name] = h.value;
  }
  out[WireHeader.ingestId] = ingestIdOf(doc);
  if (!out[WireHeader.receivedAt] && doc.receivedAt)
    out[WireHeader.receivedAt] = new Date(doc.receivedAt).toISOString();
  out[REPLAY_HEADER] = 'true';
  out[REPLAYED_AT_HEADER] = replayedAt;
  return out;
}

function inlineBytes(bytes: StoredRawCopy['bytes']): Buffer {
  if (!bytes) return Buffer.alloc(0);
  if (Buffer.isBuffer(bytes)) return bytes;
  return Buffer.from(bytes.buffer);
}

async function readGridFs(bucket: GridFSBucket, id: ObjectId): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of bucket.openDownloadStream(id)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export interface ReplaySummary {
  read: number;
  produced: number;
  skipped: number;
  failed: number;
}

/** A produce call is flushed at this many bytes too: Kafka refuses requests over its message.max.bytes. */
const BATCH_MAX_BYTES = 4 * 1024 * 1024;

/** `wiredesk replay …`; returns the exit code. `env` names the store, brokers and topics (tests pass their own). */
export async function replayCommand(
  args: string[],
  io: CliStreams = processStreams(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let flags: ReplayFlags | 'help';
  try {
    flags = parseReplayFlags(args);
  } catch (e) {
    await writeLine(io.stderr, `wiredesk replay: ${oneLine((e as Error).message)}`);
    await writeLine(io.stderr, 'usage: wiredesk replay [--since T] [--until T] [--source S] … (--help says more)');
    return Exit.usage;
  }
  if (flags === 'help') {
    await writeLine(io.stdout, REPLAY_USAGE);
    return Exit.ok;
  }
  const config = loadConfig(env);
  const client = new MongoClient(config.mongoUrl, { serverSelectionTimeoutMS: 5000 });
  let producer: Producer | undefined;
  const summary: ReplaySummary = { read: 0, produced: 0, skipped: 0, failed: 0 };
  try {
    await client.connect();
    const db = client.db(flags.db ?? databaseName(config.mongoUrl));
    if (!flags.dryRun) {
      producer = cliKafka(config, 'replay', 5).producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
    }
    await replayCopies(db, producer, config.topics.wireRaw, flags, io, summary);
  } catch (e) {
    await writeLine(
      io.stderr,
      `wiredesk replay: ${oneLine((e as Error)?.message ?? String(e))} (MONGO_URL=${redact(config.mongoUrl)}, KAFKA_BROKERS=${config.kafkaBrokers.join(',')})`,
    );
    summary.failed = Math.max(summary.failed, 1);
  } finally {
    await producer?.disconnect().catch(() => undefined);
    await client.close().catch(() => undefined);
  }
  const verb = flags.dryRun ? 'would produce' : 'produced';
  await writeLine(
    io.stdout,
    `replay: read ${summary.read}, ${verb} ${summary.produced}, skipped ${summary.skipped}, failed ${summary.failed}` +
      ` → ${config.topics.wireRaw}`,
  );
  return summary.failed > 0 ? Exit.failed : Exit.ok;
}

/** A MongoDB URL without its password, for error messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

async function replayCopies(
  db: Db,
  producer: Producer | undefined,
  topic: string,
  flags: ReplayFlags,
  io: CliStreams,
  summary: ReplaySummary,
): Promise<void> {
  const raw = db.collection<Document>(RAW_COLLECTION);
  const bucket = new GridFSBucket(db, { bucketName: RAW_FILES_BUCKET });
  const filter = rawFilter(flags);
  const matching = await raw.countDocuments(filter);
  const progress = new Progress(io.stderr, {
    unit: 'copies',
    total: flags.limit !== undefined ? Math.min(flags.limit, matching) : matching,
  });
  const replayedAt = new Date().toISOString();
  let batch: { message: Message; ingestId: string }[] = [];
  let batchBytes = 0;

  const flush = async () => {
    if (!batch.length) return;
    const sending = batch;
    batch = [];
    batchBytes = 0;
    try {
      // acks from every in-sync replica: a copy counts as produced only once Kafka holds it
      await producer!.send({ topic, acks: -1, messages: sending.map((b) => b.message) });
      summary.produced += sending.length;
    } catch (e) {
      summary.failed += sending.length;
      progress.clear();
      await writeLine(
        io.stderr,
        `wiredesk replay: ${sending.length} copies not produced (${sending[0].ingestId}…): ${oneLine((e as Error).message)}`,
      );
    }
    progress.tick(sending.length);
  };

  // oldest first, the order they first arrived in; _id breaks ties so a re-run goes through them the same way
  const cursor = raw.find(filter, { sort: { receivedAt: 1, _id: 1 }, batchSize: Math.max(16, flags.batch) });
  if (flags.limit !== undefined) cursor.limit(flags.limit);
  try {
    for await (const found of cursor) {
      const doc = found as StoredRawCopy;
      summary.read++;
      const ingestId = ingestIdOf(doc);
      let value: Buffer;
      try {
        value = doc.gridFsId ? await readGridFs(bucket, doc.gridFsId) : inlineBytes(doc.bytes);
      } catch (e) {
        summary.failed++;
        progress.clear();
        await writeLine(io.stderr, `${ingestId}: the stored bytes could not be read: ${oneLine((e as Error).message)}`);
        progress.tick();
        continue;
      }
      if (value.length === 0) {
        summary.skipped++;
        progress.tick();
        continue;
      }
      if (flags.dryRun) {
        summary.produced++;
        progress.clear();
        const when = doc.receivedAt ? new Date(doc.receivedAt).toISOString() : '-';
        await writeLine(
          io.stderr,
          `would replay ${ingestId} ${when} ${doc.source ?? '-'} ${doc.channel ?? '-'} ${value.length} B ${doc.filename ?? ''}`.trimEnd(),
        );
        progress.tick();
        continue;
      }
      if (batch.length && batchBytes + value.length > BATCH_MAX_BYTES) await flush();
      batch.push({ message: { key: doc.key ?? null, value, headers: replayedHeaders(doc, replayedAt) }, ingestId });
      batchBytes += value.length;
      if (batch.length >= flags.batch || batchBytes >= BATCH_MAX_BYTES) await flush();
    }
    await flush();
  } finally {
    await cursor.close().catch(() => undefined);
    progress.finish();
  }
}

/**
 * End-to-end benchmark (`npm run bench`): the infrastructure ceiling, the full pipeline's sustained throughput, the
 * latency at a fixed offered load, and the CPU and memory of every stage, in one run. See docs/performance.md.
 *
 *   npm run bench                        # 20,000 items, 3 runs, medians
 *   npm run bench -- --quick             # 3,000 items, 1 run, short latency phase (< 2 minutes)
 *   npm run bench -- --items 50000 --runs 1 --partitions 6 --rate 200 --latency-seconds 30
 *   npm run bench -- --cpu-prof          # also writes .cpuprofile files of every service under bench/results/
 *
 * Uses KAFKA_BROKERS / MONGO_URL when set, else the local stack (started if it is not running, left running).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { infraStatus, infraUp, KAFKA_VERSION } from '@wiredesk/infra';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import { buildCorpus, corpusStats, loadTemplates, type CorpusItem, type CorpusStats, type Template } from './corpus';
import { machineCpuMs, memoryMiB, treeCpuMs, treesCpuMs } from './procstat';
import { BENCH_SERVICES, startServices, stopServices, waitReady, type StartedService } from './stack';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..', '..');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const EXTRACTION_DIR = join(ROOT, '..', 'shared', 'bench', 'article-extraction');

interface Settings {
  items: number;
  runs: number;
  partitions: number;
  rate: number;
  latencySeconds: number;
  quick: boolean;
  cpuProf: boolean;
  keep: boolean;
  /** only normalizer + enricher; "done" = on articles.normalized (what the processing stages sustain without the store) */
  withoutArchive: boolean;
  /** the pipeline phase ends after this long even if not everything is through (reported as partial) */
  maxSeconds: number;
  chunkSize?: number;
}

interface RunFigures {
  runId: string;
  ceiling: { itemsPerSec: number; seconds: number; benchCpuMsPerItem: number; storeCpuMsPerItem: number };
  pipeline: {
    itemsPerSec: number;
    articlesPerSec: number;
    sustainedArticlesPerSec: number;
    ratioToCeiling: number;
    seconds: number;
    articlesStored: number;
    articlesExpected: number;
    deadLettered: number;
    machineBusyPct: number;
  };
  latency: { offeredPerSec: number; articles: number; p50: number; p95: number; p99: number; max: number };
  cpuMsPerArticle: Record<string, number>;
  /** CPU ms per article while the store held 60–90 % of the run's articles ÷ the same at 10–40 % (costGrowth) */
  costGrowth: Record<string, number>;
  memoryMiB: Record<string, { rss: number; peak: number }>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      items: { type: 'string' },
      runs: { type: 'string' },
      partitions: { type: 'string' },
      rate: { type: 'string' },
      'latency-seconds': { type: 'string' },
      'chunk-size': { type: 'string' },
      quick: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'without-archive': { type: 'boolean', default: false },
      'max-seconds': { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  return {
    quick,
    items: num(values.items, quick ? 3000 : 20000),
    runs: num(values.runs, quick ? 1 : 3),
    partitions: num(values.partitions, Number(process.env.TOPIC_PARTITIONS) || 6),
    rate: num(values.rate, 200),
    latencySeconds: num(values['latency-seconds'], quick ? 10 : 30),
    chunkSize: values['chunk-size'] === undefined ? undefined : Number(values['chunk-size']),
    cpuProf: values['cpu-prof'] ?? false,
    keep: values.keep ?? false,
    withoutArchive: values['without-archive'] ?? false,
    maxSeconds: num(values['max-seconds'], quick ? 60 : 600),
  };
}

function withDatabase(mongoUrl: string, db: string): string {
  const url = new URL(mongoUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

/** Produces the items as one would-be ingest does (headers of docs/contracts.md), in requests of a few MB, acks=all. */
async function produceAll(producer: Producer, topic: string, items: CorpusItem[], receivedAt?: () => string) {
  let batch: CorpusItem[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const at = receivedAt?.() ?? new Date().toISOString();
    await producer.send({ topic, acks: -1, messages: batch.map((item) => rawMessage(item, at)) });
    batch = [];
    bytes = 0;
  };
  for (const item of items) {
    batch.push(item);
    bytes += item.value.length;
    if (batch.length >= 500 || bytes >= 4 * 1024 * 1024) await flush();
  }
  await flush();
}

function rawMessage(item: CorpusItem, receivedAt: string) {
  return {
    value: item.value,
    headers: {
      'wd-ingest-id': item.ingestId,
      'wd-source': `bench-${item.template.category}`,
      'wd-channel': 'kafka',
      'content-type': item.template.contentType,
      'wd-filename': item.template.name,
      'wd-received-at': receivedAt,
    },
  };
}

/** (1) The ceiling: consume the same wire.raw and insertMany (unordered) into the store, nothing else. */
async function measureCeiling(
  kafka: Kafka,
  db: Db,
  topic: string,
  items: number,
  partitions: number,
  storePid: number | undefined,
): Promise<RunFigures['ceiling']> {
  const collection = db.collection<{ _id: string; value: Buffer | null; headers: Record<string, string> }>('ceiling');
  const consumer = kafka.consumer({
    groupId: `${topic}-ceiling`,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let written = 0;
  let first = 0;
  let last = 0;
  const cpu0 = process.cpuUsage();
  const store0 = storePid ? treeCpuMs(storePid) : 0;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  await consumer.run({
    autoCommit: true,
    partitionsConsumedConcurrently: partitions,
    eachBatch: async ({ batch }) => {
      if (!first) first = Date.now();
      const docs = batch.messages.map((m) => ({
        _id: `${batch.partition}-${m.offset}`,
        value: m.value,
        headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])),
      }));
      if (docs.length) await collection.insertMany(docs, { ordered: false });
      written += docs.length;
      last = Date.now();
      if (written >= items) done();
    },
  });
  await Promise.race([finished, sleep(600_000)]);
  const cpu = process.cpuUsage(cpu0);
  const storeMs = storePid ? treeCpuMs(storePid) - store0 : NaN;
  await consumer.disconnect();
  const seconds = (last - first) / 1000;
  return {
    itemsPerSec: round(written / seconds, 1),
    seconds: round(seconds, 1),
    benchCpuMsPerItem: round((cpu.user + cpu.system) / 1000 / written, 3),
    storeCpuMsPerItem: round(storeMs / written, 3),
  };
}

interface Sample {
  at: number;
  count: number;
  /** CPU ms so far of each measured process (pipeline phase only) */
  cpu?: Record<string, number>;
}

type Counter = () => Promise<number>;

/** Polls the counter until `target` is reached, nothing moves for `stallMs`, or `maxMs` has passed. */
async function waitForCount(
  count: Counter,
  target: number,
  stallMs: number,
  maxMs: number,
  samples: Sample[] = [],
  cpuProbe?: () => Record<string, number>,
): Promise<Sample[]> {
  const started = Date.now();
  let lastChange = Date.now();
  let lastCount = -1;
  for (;;) {
    const n = await count();
    const at = Date.now();
    samples.push({ at, count: n, ...(cpuProbe ? { cpu: cpuProbe() } : {}) });
    if (n !== lastCount) {
      lastCount = n;
      lastChange = at;
    }
    if (n >= target || at - lastChange > stallMs || at - started > maxMs) return samples;
    await sleep(500);
  }
}

/**
 * Stored versions, polled every 0.5 s, so it must cost the store next to nothing: on FerretDB `count` decodes every
 * document (28 % of its CPU in a profile), `collStats` counts the SQLite table's rows from its pages; on MongoDB the
 * collection's metadata count is exact.
 */
const storedCount =
  (db: Db, ferretdb: boolean): Counter =>
  async () => {
    if (!ferretdb) return db.collection('article_versions').estimatedDocumentCount();
    try {
      return Number((await db.command({ collStats: 'article_versions' })).count ?? 0);
    } catch {
      return 0; // not created yet
    }
  };
const topicCount =
  (admin: Admin, topic: string): Counter =>
  () =>
    topicMessageCount(admin, topic);

/** When the count first reached `n` (linear between samples). */
function timeAt(samples: Sample[], n: number): number {
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    if (b.count >= n) return b.count === a.count ? b.at : a.at + ((n - a.count) / (b.count - a.count)) * (b.at - a.at);
  }
  return samples[samples.length - 1].at;
}

async function topicMessageCount(admin: Admin, topic: string): Promise<number> {
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  } catch {
    return 0;
  }
}

/** (3) Latency: `rate` articles/s of one-article items for `seconds`, wd-received-at = the moment each is sent. */
async function measureLatency(
  kafka: Kafka,
  producer: Producer,
  count: Counter,
  db: Db | undefined,
  topics: { raw: string; articles: string },
  templates: Template[],
  rate: number,
  seconds: number,
  runTag: string,
): Promise<RunFigures['latency']> {
  const topic = topics.raw;
  const single = templates.filter((t) => t.articles === 1);
  const items = buildCorpus(single, Math.round(rate * seconds), `${runTag}L`);
  const before = await count();
  const start = Date.now();
  let sent = 0;
  while (sent < items.length) {
    const due = Math.min(items.length, Math.floor(((Date.now() - start) / 1000) * rate));
    if (due > sent) {
      const at = new Date().toISOString();
      await producer.send({ topic, acks: -1, messages: items.slice(sent, due).map((item) => rawMessage(item, at)) });
      sent = due;
    }
    await sleep(20);
  }
  await waitForCount(count, before + items.length, 20000, 120_000);
  const ids = items.map((i) => i.ingestId);
  const latencies = db
    ? await storedLatencies(db, ids, new Date(start))
    : await publishedLatencies(kafka, topics.articles, ids);
  latencies.sort((a, b) => a - b);
  return {
    offeredPerSec: rate,
    articles: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/** storedAt (the archive's clock when it writes the batch) − ingest.receivedAt (wd-received-at), per version. */
async function storedLatencies(db: Db, ids: string[], since: Date): Promise<number[]> {
  // one pass over what was stored since the phase began: on FerretDB any filter but {_id} is a scan that decodes
  // every document, so twelve $in queries of 500 ids cost twelve scans of the whole run (minutes at 30,000 versions)
  const wanted = new Set(ids);
  const latencies: number[] = [];
  const cursor = db
    .collection('article_versions')
    .find({ storedAt: { $gte: since } }, { projection: { storedAt: 1, ingest: 1 }, batchSize: 5000 });
  for await (const d of cursor) {
    const ingest = d.ingest as { ingestId?: string; receivedAt?: Date } | undefined;
    if (!ingest?.ingestId || !wanted.has(ingest.ingestId) || !ingest.receivedAt || !d.storedAt) continue;
    latencies.push((d.storedAt as Date).getTime() - ingest.receivedAt.getTime());
  }
  return latencies;
}

/** Without the archive: the articles.normalized record's timestamp (set by the enricher's producer) − wd-received-at. */
async function publishedLatencies(kafka: Kafka, topic: string, ids: string[]): Promise<number[]> {
  const wanted = new Set(ids);
  const latencies: number[] = [];
  const consumer = kafka.consumer({ groupId: `${topic}-latency-${Date.now()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        const id = m.headers?.['wd-ingest-id']?.toString();
        const received = Date.parse(m.headers?.['wd-received-at']?.toString() ?? '');
        if (id && wanted.has(id) && Number.isFinite(received)) {
          wanted.delete(id);
          latencies.push(Number(m.timestamp) - received);
        }
      }
      if (wanted.size === 0) done();
    },
  });
  await Promise.race([finished, sleep(60_000)]);
  await consumer.disconnect();
  return latencies;
}

type Topics = Record<'TOPIC_WIRE_RAW' | 'TOPIC_WIRE_PARSED' | 'TOPIC_ARTICLES' | 'TOPIC_DLQ', string>;
type Endpoints = { kafkaBrokers: string[]; mongoUrl: string };
type InfraPids = { kafka?: number; store?: number };

/** Starts the pipeline's services on this run's topics and database; resolves when all are ready. */
async function startPipeline(s: Settings, endpoints: Endpoints, topics: Topics, runId: string, dbName: string) {
  const prefix = `bench-${runId}`;
  const profDir = join(RESULTS_DIR, 'profiles', runId);
  if (s.cpuProf) mkdirSync(profDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...topics,
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    MONGO_URL: withDatabase(endpoints.mongoUrl, dbName),
    KAFKA_GROUP_PREFIX: prefix,
    TOPIC_PARTITIONS: String(s.partitions),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(s.chunkSize ? { CONSUMER_CHUNK_SIZE: String(s.chunkSize) } : {}),
  };
  const nodeArgs = s.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const names = s.withoutArchive ? BENCH_SERVICES.filter((n) => n !== 'archive') : BENCH_SERVICES;
  log(`pipeline: starting ${[...names].reverse().join(', ')}`);
  const t = Date.now();
  const services = await startServices(ROOT, env, nodeArgs, names);
  await waitReady(services, 120_000);
  log(`services ready in ${Date.now() - t} ms; the pre-filled wire.raw is being consumed`);
  return services;
}

/** CPU used by each service and server from now on, per article stored, and the memory each holds at the end. */
function startCpuMeter(services: StartedService[], pids: InfraPids) {
  const measured: Record<string, number> = Object.fromEntries(services.map((sv) => [sv.name, sv.child.pid!]));
  if (pids.kafka) measured.kafka = pids.kafka;
  if (pids.store) measured.store = pids.store;
  const cpu0 = Object.fromEntries(Object.entries(measured).map(([name, pid]) => [name, treeCpuMs(pid)]));
  const machine0 = machineCpuMs();
  return {
    probe: () => treesCpuMs(measured),
    perArticle(stored: number) {
      const machine1 = machineCpuMs();
      const cpuMsPerArticle: Record<string, number> = {};
      const memory: Record<string, { rss: number; peak: number }> = {};
      for (const [name, pid] of Object.entries(measured)) {
        cpuMsPerArticle[name] = round((treeCpuMs(pid) - cpu0[name]) / stored, 3);
        memory[name] = mapRound(memoryMiB(pid));
      }
      cpuMsPerArticle.total = round(
        Object.values(cpuMsPerArticle).reduce((a, b) => a + b, 0),
        3,
      );
      const machineBusyPct = round((100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total), 1);
      return { cpuMsPerArticle, memory, machineBusyPct };
    },
  };
}

/** Throughput from the stored-count samples: from the first article stored to the last, and sustained (10–90 %). */
function pipelineFigures(
  samples: Sample[],
  itemCount: number,
  corpus: CorpusStats,
  ceiling: RunFigures['ceiling'],
  extra: { deadLettered: number; machineBusyPct: number },
): RunFigures['pipeline'] {
  const stored = samples[samples.length - 1].count;
  const end = timeAt(samples, stored);
  const t10 = timeAt(samples, 0.1 * stored);
  const t90 = timeAt(samples, 0.9 * stored);
  const seconds = (end - timeAt(samples, 1)) / 1000;
  const itemsPerSec = (itemCount * (stored / corpus.articles)) / seconds;
  return {
    itemsPerSec: round(itemsPerSec, 1),
    articlesPerSec: round(stored / seconds, 1),
    sustainedArticlesPerSec: round((0.8 * stored) / ((t90 - t10) / 1000), 1),
    ratioToCeiling: round(itemsPerSec / ceiling.itemsPerSec, 3),
    seconds: round(seconds, 1),
    articlesStored: stored,
    articlesExpected: corpus.articles,
    ...extra,
  };
}

/** One run: produce the corpus, measure the ceiling, the pipeline's throughput and CPU, then latency at a fixed load. */
async function oneRun(
  s: Settings,
  endpoints: Endpoints,
  pids: InfraPids,
  templates: Template[],
  dropped: number,
  mongo: MongoClient,
  ferretdb: boolean,
): Promise<{ figures: RunFigures; corpus: CorpusStats }> {
  const runId = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const prefix = `bench-${runId}`;
  const topics: Topics = {
    TOPIC_WIRE_RAW: `${prefix}.wire.raw`,
    TOPIC_WIRE_PARSED: `${prefix}.wire.parsed`,
    TOPIC_ARTICLES: `${prefix}.articles.normalized`,
    TOPIC_DLQ: `${prefix}.wire.dlq`,
  };
  const dbName = `wdbench_${runId}`;
  const ceilingDbName = `wdbench_${runId}_ceiling`;
  const db = mongo.db(dbName);
  const kafka = new Kafka({ clientId: `${prefix}-load`, brokers: endpoints.kafkaBrokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await Promise.all([admin.connect(), producer.connect()]);
  let services: StartedService[] = [];
  try {
    log(`run ${runId}: building ${s.items} items`);
    const items = buildCorpus(templates, s.items, runId);
    const corpus = corpusStats(items, templates, dropped);
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: topics.TOPIC_WIRE_RAW,
          numPartitions: s.partitions,
          configEntries: [{ name: 'max.message.bytes', value: String(51 * 1024 * 1024) }],
        },
      ],
    });
    const t = Date.now();
    await produceAll(producer, topics.TOPIC_WIRE_RAW, items);
    log(`produced ${items.length} items (${round(corpus.bytes / 1048576, 1)} MiB) in ${Date.now() - t} ms`);

    log('ceiling: consume + insertMany, no processing');
    const ceiling = await measureCeiling(
      kafka,
      mongo.db(ceilingDbName),
      topics.TOPIC_WIRE_RAW,
      items.length,
      s.partitions,
      pids.store,
    );
    log(`ceiling ${ceiling.itemsPerSec} items/s`);

    services = await startPipeline(s, endpoints, topics, runId, dbName);
    const ready = Date.now();
    const meter = startCpuMeter(services, pids);
    const count = s.withoutArchive ? topicCount(admin, topics.TOPIC_ARTICLES) : storedCount(db, ferretdb);
    const samples = await waitForCount(
      count,
      corpus.articles,
      60_000,
      s.maxSeconds * 1000,
      [{ at: ready, count: 0, cpu: meter.probe() }],
      meter.probe,
    );
    const stored = samples[samples.length - 1].count;
    const { cpuMsPerArticle, memory, machineBusyPct } = meter.perArticle(stored);
    const deadLettered = await topicMessageCount(admin, topics.TOPIC_DLQ);
    const pipeline = pipelineFigures(samples, items.length, corpus, ceiling, { deadLettered, machineBusyPct });
    log(
      `pipeline ${pipeline.articlesPerSec} articles/s (sustained ${pipeline.sustainedArticlesPerSec}), ` +
        `${stored}/${corpus.articles} stored, ${deadLettered} dead-lettered`,
    );

    log(`latency: ${s.rate} articles/s for ${s.latencySeconds} s`);
    const latency = await measureLatency(
      kafka,
      producer,
      count,
      s.withoutArchive ? undefined : db,
      { raw: topics.TOPIC_WIRE_RAW, articles: topics.TOPIC_ARTICLES },
      templates,
      s.rate,
      s.latencySeconds,
      runId,
    );
    log(`latency p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms`);
    const costGrowthFigures = costGrowth(samples, stored);
    return {
      figures: { runId, ceiling, pipeline, latency, cpuMsPerArticle, costGrowth: costGrowthFigures, memoryMiB: memory },
      corpus,
    };
  } finally {
    await stopServices(services);
    if (!s.keep) {
      await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
      await db.dropDatabase().catch(() => undefined);
      await mongo
        .db(ceilingDbName)
        .dropDatabase()
        .catch(() => undefined);
    }
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}

/**
 * Does the cost per article grow as the store fills? CPU per article of the archive and of the store over the stretch
 * where the run had stored 60–90 % of its articles, divided by the same over 10–40 %: about 1 when it does not grow
 * with the stored count (start-up and tail left out). Only the stages that read and write the store are compared:
 * the normalizer and the enricher run ahead of it (they may be done before 60 %) and never touch it. NaN when a
 * stretch has no samples.
 */
const STORE_STAGES = ['archive', 'store'];

function costGrowth(samples: Sample[], stored: number): Record<string, number> {
  const withCpu = samples.filter((x) => x.cpu);
  const at = (share: number) => withCpu.find((x) => x.count >= share * stored);
  const perArticle = (from: Sample | undefined, to: Sample | undefined, name: string) =>
    from && to && to.count > from.count ? (to.cpu![name] - from.cpu![name]) / (to.count - from.count) : NaN;
  const [a, b, c, d] = [at(0.1), at(0.4), at(0.6), at(0.9)];
  const names = Object.keys(withCpu[0]?.cpu ?? {}).filter((n) => STORE_STAGES.includes(n));
  const ratios = Object.fromEntries(names.map((n) => [n, round(perArticle(c, d, n) / perArticle(a, b, n), 2)]));
  if (!names.includes('archive')) return {}; // --without-archive: nothing reads or writes the store
  const total = (from?: Sample, to?: Sample) => names.reduce((sum, n) => sum + perArticle(from, to, n), 0);
  return { ...ratios, total: round(total(c, d) / total(a, b), 2) };
}

function mapRound(m: { rss: number; peak: number }) {
  return { rss: round(m.rss, 0), peak: round(m.peak, 0) };
}

function medianFigures(runs: RunFigures[]) {
  const pick = (f: (r: RunFigures) => number) => round(median(runs.map(f)), 3);
  const stages = Object.keys(runs[0].cpuMsPerArticle);
  return {
    ceilingItemsPerSec: pick((r) => r.ceiling.itemsPerSec),
    pipelineItemsPerSec: pick((r) => r.pipeline.itemsPerSec),
    pipelineArticlesPerSec: pick((r) => r.pipeline.articlesPerSec),
    sustainedArticlesPerSec: pick((r) => r.pipeline.sustainedArticlesPerSec),
    ratioToCeiling: pick((r) => r.pipeline.ratioToCeiling),
    latencyP50Ms: pick((r) => r.latency.p50),
    latencyP95Ms: pick((r) => r.latency.p95),
    latencyP99Ms: pick((r) => r.latency.p99),
    cpuMsPerArticle: Object.fromEntries(stages.map((st) => [st, pick((r) => r.cpuMsPerArticle[st])])),
    costGrowth: Object.fromEntries(Object.keys(runs[0].costGrowth).map((st) => [st, pick((r) => r.costGrowth[st])])),
    memoryRssMiB: Object.fromEntries(
      Object.keys(runs[0].memoryMiB).map((st) => [st, pick((r) => r.memoryMiB[st]?.rss ?? NaN)]),
    ),
  };
}

function printTable(m: ReturnType<typeof medianFigures>, runs: RunFigures[], s: Settings, corpus: CorpusStats): void {
  const rows: [string, string][] = [
    ['corpus', `${corpus.items} items → ${corpus.articles} articles, ${round(corpus.bytes / 1048576, 1)} MiB`],
    ['runs (medians)', `${runs.length}, ${s.partitions} partitions`],
    ['(1) ceiling: Kafka → insertMany', `${m.ceilingItemsPerSec} items/s`],
    [
      s.withoutArchive ? '(2) pipeline: wire.raw → articles.normalized' : '(2) pipeline: wire.raw → stored',
      `${m.pipelineItemsPerSec} items/s = ${m.pipelineArticlesPerSec} articles/s`,
    ],
    ['    sustained (10–90 %)', `${m.sustainedArticlesPerSec} articles/s`],
    ['    ratio to ceiling (items/s)', `${m.ratioToCeiling}`],
    [
      `(3) latency @ ${s.rate} articles/s`,
      `p50 ${m.latencyP50Ms} ms, p95 ${m.latencyP95Ms} ms, p99 ${m.latencyP99Ms} ms`,
    ],
    [
      '(4) CPU ms / article',
      Object.entries(m.cpuMsPerArticle)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    ...(Object.keys(m.costGrowth).length > 0
      ? [
          [
            '    growth, 60–90 % vs 10–40 % stored',
            Object.entries(m.costGrowth)
              .map(([k, v]) => `${k} ×${v}`)
              .join(', '),
          ] as [string, string],
        ]
      : []),
    [
      '    resident memory MiB',
      Object.entries(m.memoryRssMiB)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    ['dead-lettered (per run)', runs.map((r) => r.pipeline.deadLettered).join(', ')],
    ['machine busy during (2)', runs.map((r) => `${r.pipeline.machineBusyPct} %`).join(', ')],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  log('infrastructure: KAFKA_BROKERS / MONGO_URL or the local stack');
  const endpoints = await infraUp({ log: (m) => log(m) });
  const status = await infraStatus();
  const pids = { kafka: status.kafka.pid, store: status.mongo.pid };

  const t = Date.now();
  const { templates, dropped } = loadTemplates({
    fixturesDir: join(ROOT, 'test', 'fixtures'),
    extractionDir: EXTRACTION_DIR,
    maxPages: settings.quick ? 40 : 181,
  });
  log(`${templates.length} templates (${dropped} left out: not parsed or not variable) in ${Date.now() - t} ms`);

  const mongo = new MongoClient(endpoints.mongoUrl);
  await mongo.connect();
  const build = await mongo.db('admin').command({ buildInfo: 1 });
  const runs: RunFigures[] = [];
  let corpus!: CorpusStats;
  try {
    for (let i = 0; i < settings.runs; i++) {
      const r = await oneRun(settings, endpoints, pids, templates, dropped, mongo, Boolean(build.ferretdbVersion));
      runs.push(r.figures);
      corpus = r.corpus;
    }
  } finally {
    await mongo.close();
  }
  const medians = medianFigures(runs);
  printTable(medians, runs, settings, corpus);
  const result = {
    at: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryMiB: Math.round(os.totalmem() / 1048576),
      node: process.version,
      kafka: status.kafka.managed ? `Apache Kafka ${KAFKA_VERSION} (local, KRaft)` : 'external',
      store: build.ferretdbVersion
        ? `FerretDB ${build.ferretdbVersion} (MongoDB ${build.version})`
        : `MongoDB ${build.version}`,
      storeKind: status.mongo.kind,
    },
    settings: { ...settings, services: BENCH_SERVICES },
    corpus,
    medians,
    runs,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `e2e-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  log(`written ${file}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`[bench] failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);

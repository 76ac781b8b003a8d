/**
 * `npm run test:faults` — the automated proof of issue 6: a load of mixed wire copy flows through the running stack
 * (ingest, normalizer, enricher, archive as real processes) while services are SIGKILLed and restarted, Kafka and the
 * store are restarted and poison is written into the internal topics. Once the pipeline is quiet, every good article
 * must be stored exactly once by (uri, version), every bad input must be in wire.dlq, nothing else. See
 * docs/reliability.md for the fault model and how each guarantee is met.
 *
 * Env: FAULTS_ITEMS (deliveries, default 3000), FAULTS_SEED (PRNG seed, printed), FAULTS_ROUNDS (each round injects
 * every fault kind once, default 2 from 2000 items, else 1), FAULTS_LOAD_SECONDS (how long the load is spread over),
 * FAULTS_DRAIN_TIMEOUT_S (bound on waiting for the pipeline to be quiet), FAULTS_CHUNK_SIZE (CONSUMER_CHUNK_SIZE of
 * the services, default 50), FAULTS_KEEP=1 (keep logs and data).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_KINDS, buildLoad, poisonBatch, type LoadItem } from './corpus';
import {
  consumerGroups,
  faultKafka,
  PatientAdmin,
  PatientProducer,
  readDeadLetters,
  StoreReader,
  type DeadLetter,
  type FaultTopics,
} from './counts';
import { between, seededRandom, shuffled } from '../support/prng';
import { FaultInfra, freePort, SERVICES, ServiceProcess, type ServiceName } from './stack';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..');
const int = (v: string | undefined, fallback: number) => (v && Number.isFinite(Number(v)) ? Number(v) : fallback);

const ITEMS = int(process.env.FAULTS_ITEMS, 3000);
const SEED = int(process.env.FAULTS_SEED, Math.floor(Math.random() * 2 ** 31));
const ROUNDS = int(process.env.FAULTS_ROUNDS, ITEMS >= 2000 ? 2 : 1);
const LOAD_SECONDS = int(process.env.FAULTS_LOAD_SECONDS, Math.min(90, Math.max(20, Math.round(ITEMS / 50))));
const DRAIN_TIMEOUT_MS = int(process.env.FAULTS_DRAIN_TIMEOUT_S, 420) * 1000;
const PARTITIONS = 3;
const QUIET_POLLS = 3; // consecutive polls (2 s apart) with lag 0 and unchanged counts

type FaultKind = `kill-${ServiceName}` | 'restart-kafka' | 'restart-store' | 'poison';
const FAULT_KINDS: FaultKind[] = [
  'kill-normalizer',
  'kill-enricher',
  'kill-archive',
  'kill-ingest',
  'restart-kafka',
  'restart-store',
  'poison',
];

const say = (line: string) => process.stderr.write(`[faults] ${line}\n`);

describe('delivery under faults (issue 6: nothing lost, nothing duplicated)', () => {
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const runDir = join(tmpdir(), `wiredesk-faults-${tag}`);
  const topics: FaultTopics = {
    wireRaw: `wire.raw.faults.${tag}`,
    wireParsed: `wire.parsed.faults.${tag}`,
    articles: `articles.normalized.faults.${tag}`,
    dlq: `wire.dlq.faults.${tag}`,
  };
  const groupPrefix = `faults-${tag}`;
  const infra = new FaultInfra(runDir, say);
  const services = new Map<ServiceName, ServiceProcess>();
  let admin: PatientAdmin | undefined;
  let producer: PatientProducer | undefined;
  let store: StoreReader | undefined;
  let passed = false;

  afterAll(async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await producer?.close();
    if (!infra.managed.kafka && admin) {
      await admin.use((a) => a.deleteTopics({ topics: Object.values(topics) })).catch(() => undefined);
    }
    await admin?.close();
    if (!infra.managed.mongo) await store?.dropDatabase();
    await store?.close();
    await infra.down().catch((e) => say(`stopping the infrastructure: ${(e as Error).message}`));
    if (passed && !process.env.FAULTS_KEEP) rmSync(runDir, { recursive: true, force: true });
    else say(`logs and data kept in ${runDir}`);
  }, 120_000);

  it('stores every good article exactly once and dead-letters every bad input', async () => {
    mkdirSync(runDir, { recursive: true });
    const rnd = seededRandom(SEED);
    const began = Date.now();
    say(
      `seed ${SEED} (FAULTS_SEED=${SEED} repeats this run), ${ITEMS} deliveries, ${ROUNDS} round(s), run dir ${runDir}`,
    );

    const plan = buildLoad(join(ROOT, 'test', 'fixtures'), ITEMS, tag, rnd);
    say(`load: ${plan.items.length} deliveries from ${plan.templates} templates (${seconds(began)} s)`);

    await infra.up();
    const dbName = `faults_${tag}`;
    const mongoUrl = `${infra.mongoBase}/${dbName}`;
    const kafka = faultKafka(infra.kafkaBrokers);
    admin = new PatientAdmin(kafka);
    producer = new PatientProducer(kafka);
    store = new StoreReader(mongoUrl);
    await admin.use((a) =>
      a.createTopics({
        waitForLeaders: true,
        topics: Object.values(topics).map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
      }),
    );

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: mongoUrl,
      TOPIC_WIRE_RAW: topics.wireRaw,
      TOPIC_WIRE_PARSED: topics.wireParsed,
      TOPIC_ARTICLES: topics.articles,
      TOPIC_DLQ: topics.dlq,
      TOPIC_PARTITIONS: String(PARTITIONS),
      TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_GROUP_PREFIX: groupPrefix,
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
      WIRE_DROP_DIR: '',
      API_KEYS: '',
      RATE_LIMIT_PER_MINUTE: '0',
      // small chunks: a chunk's store writes stay far below the 30 s session timeout even on a slow FerretDB, and a
      // kill redoes little work (docs/reliability.md, "Findings")
      CONSUMER_CHUNK_SIZE: process.env.FAULTS_CHUNK_SIZE ?? '50',
    };
    for (const name of SERVICES) {
      services.set(name, new ServiceProcess(name, await freePort(), ROOT, env, join(runDir, 'logs')));
    }
    for (const s of services.values()) s.start();
    const readiness = await Promise.all([...services.values()].map((s) => s.waitReady(180_000)));
    if (readiness.includes(false)) {
      const stuck = [...services.values()].filter((_, i) => !readiness[i]);
      throw new Error(`not ready: ${stuck.map((s) => `${s.name}\n  ${s.tail.join('\n  ')}`).join('\n')}`);
    }
    say(
      `stack up in ${seconds(began)} s: kafka ${infra.kafkaBrokers} (${infra.managed.kafka ? 'ours' : 'external'}), ${mongoUrl}`,
    );

    // ---- load and faults, side by side ----
    const sent = { kafka: 0, http: 0, httpRetries: 0, refusedAtIngest: [] as LoadItem[] };
    const poisonIds: string[] = [];
    const faults: Record<string, number> = {};
    const skipped: string[] = [];
    const ingest = services.get('ingest')!;

    const sendLoad = async () => {
      const ticks = Math.max(1, LOAD_SECONDS * 4);
      const perTick = Math.ceil(plan.items.length / ticks);
      const httpQueue: LoadItem[] = [];
      let loadDone = false;
      const httpWorker = async () => {
        for (;;) {
          const item = httpQueue.shift();
          if (!item) {
            if (loadDone) return;
            await sleep(50);
            continue;
          }
          await postUntilAccepted(item);
        }
      };
      const postUntilAccepted = async (item: LoadItem) => {
        for (;;) {
          try {
            const headers: Record<string, string> = {
              'content-type': item.contentType ?? 'application/octet-stream',
              'x-wire-source': 'faults',
              'idempotency-key': item.key,
            };
            if (item.filename) headers['x-wire-filename'] = item.filename;
            if (item.format) headers['x-wire-format'] = item.format;
            const res = await fetch(`${ingest.url}/v1/wire`, {
              method: 'POST',
              body: item.value,
              headers,
              signal: AbortSignal.timeout(40_000),
            });
            const text = await res.text();
            if (res.status === 202) {
              item.ingestId = (JSON.parse(text) as { ingestId: string }).ingestId;
              sent.http++;
              return;
            }
            if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
              item.code = `HTTP ${res.status}`;
              sent.refusedAtIngest.push(item);
              return;
            }
          } catch {
            // ingest is down (killed) or Kafka did not answer in time: the client retries, same Idempotency-Key
          }
          sent.httpRetries++;
          await sleep(300 + Math.floor(Math.random() * 700));
        }
      };
      const workers = Array.from({ length: 4 }, httpWorker);
      for (let i = 0; i < plan.items.length; i += perTick) {
        const slice = plan.items.slice(i, i + perTick);
        const viaKafka = slice.filter((it) => it.channel === 'kafka');
        httpQueue.push(...slice.filter((it) => it.channel === 'http'));
        if (viaKafka.length) {
          await producer!.send(
            topics.wireRaw,
            viaKafka.map((it) => ({ key: it.key, value: it.value, headers: wireHeaders(it) })),
          );
          sent.kafka += viaKafka.length;
        }
        await sleep(250);
      }
      loadDone = true;
      await Promise.all(workers);
    };

    const injectFaults = async () => {
      const schedule = Array.from({ length: ROUNDS }, () => shuffled(rnd, FAULT_KINDS)).flat();
      for (const kind of schedule) {
        await sleep(between(rnd, 1500, 6000));
        const at = seconds(began);
        if (kind.startsWith('kill-')) {
          const s = services.get(kind.slice(5) as ServiceName)!;
          await s.kill();
          await sleep(between(rnd, 300, 2500));
          s.start();
          const ok = await s.waitReady(180_000);
          say(`${at} s: ${kind} (SIGKILL), back ${ok ? 'ready' : 'NOT READY'} at ${seconds(began)} s`);
        } else if (kind === 'restart-kafka' || kind === 'restart-store') {
          const which = kind === 'restart-kafka' ? 'kafka' : 'mongo';
          if (!infra.managed[which]) {
            skipped.push(`${kind}: ${which === 'kafka' ? 'KAFKA_BROKERS' : 'MONGO_URL'} names an external server`);
            continue;
          }
          await infra.restart(which, between(rnd, 500, 3000));
          const ok = await Promise.all([...services.values()].map((s) => s.waitReady(120_000)));
          say(`${at} s: ${kind}, services ${ok.every(Boolean) ? 'ready' : 'NOT all ready'} at ${seconds(began)} s`);
        } else {
          const batch = poisonBatch(tag, faults.poison ?? 0);
          for (const p of batch) {
            await producer!.send(topics[p.topic], [
              {
                key: p.ingestId,
                value: p.value,
                headers: { 'wd-ingest-id': p.ingestId, 'wd-source': 'faults-poison' },
              },
            ]);
            poisonIds.push(p.ingestId);
          }
          say(`${at} s: poison x${batch.length} into ${topics.wireParsed} and ${topics.articles}`);
        }
        faults[kind] = (faults[kind] ?? 0) + 1;
      }
    };

    await Promise.all([sendLoad(), injectFaults()]);
    say(`load sent and faults done at ${seconds(began)} s; waiting for the pipeline to be quiet`);

    // ---- quiet: every group caught up, counts unchanged for a few polls ----
    const groups = consumerGroups(groupPrefix, topics);
    let quiet = false;
    let last = '';
    let stable = 0;
    let lags: Record<string, number> = {};
    const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (Date.now() < drainDeadline) {
      await sleep(2000);
      try {
        const allReady = (await Promise.all([...services.values()].map((s) => s.isReady()))).every(Boolean);
        lags = await admin.lags(groups);
        const counts = await store.quickCounts();
        const dlq = await admin.messagesIn(topics.dlq);
        const snapshot = JSON.stringify({ lags, counts, dlq });
        const caughtUp = allReady && Object.values(lags).every((l) => l === 0);
        stable = caughtUp && snapshot === last ? stable + 1 : 0;
        last = snapshot;
        if (stable >= QUIET_POLLS) {
          quiet = true;
          break;
        }
      } catch {
        stable = 0; // Kafka or the store still settling
      }
    }
    say(`${quiet ? 'quiet' : 'NOT quiet (drain timeout)'} at ${seconds(began)} s; lag ${JSON.stringify(lags)}`);

    // ---- count ----
    const stored = await store.read();
    const dlqTotal = await admin.messagesIn(topics.dlq);
    const deadLetters = await readDeadLetters(kafka, topics.dlq, dlqTotal, 60_000);
    const f = figures(plan.items, sent.refusedAtIngest, poisonIds, stored, deadLetters);
    // the raw copies of the items with odd source names are served (this once ended the archive process)
    const archive = services.get('archive')!;
    const oddItems = plan.items.filter((it) => it.source !== undefined && it.channel === 'kafka');
    let oddRawFailures = 0;
    for (const it of oddItems) {
      const res = await fetch(`${archive.url}/v1/raw/${it.ingestId}`).catch(() => undefined);
      await res?.arrayBuffer();
      if (res?.status !== 200 || decodeURIComponent(res.headers.get('x-wire-source') ?? '') !== it.source)
        oddRawFailures++;
    }
    say(`odd source names: ${oddItems.length} raw copies fetched, ${oddRawFailures} failed`);

    const report = {
      seed: SEED,
      seconds: Number(seconds(began)),
      quiet,
      sent: {
        deliveries: plan.items.length,
        viaKafka: sent.kafka,
        viaHttp: sent.http,
        httpRetries: sent.httpRetries,
        producerRetries: producer.retries,
        good: count(plan.items, 'good'),
        redeliveries: count(plan.items, 'redelivery'),
        bad: Object.fromEntries(BAD_KINDS.map((k) => [k, count(plan.items, k)])),
        refusedAtIngest: sent.refusedAtIngest.length,
        poison: poisonIds.length,
      },
      ...f.report,
      faults: { injected: faults, total: Object.values(faults).reduce((a, b) => a + b, 0), skipped },
      services: Object.fromEntries(
        [...services.values()].map((s) => [
          s.name,
          { starts: s.starts, crashes: s.crashes.length, startFailures: s.startFailures.length },
        ]),
      ),
    };
    printReport(report);
    writeFileSync(join(tmpdir(), 'wiredesk-faults-last.json'), JSON.stringify(report, null, 2) + '\n');

    const crashes = [...services.values()].flatMap((s) => s.crashes.map((c) => `${s.name}: ${c}`));
    expect({ quiet, ...f.verdict, oddRawFailures, crashes }).toEqual({
      quiet: true,
      oddRawFailures: 0,
      lost: 0,
      duplicates: 0,
      unexpectedStored: 0,
      lostArticles: 0,
      duplicateArticles: 0,
      staleArticles: 0,
      lostRawCopies: 0,
      badMissingFromDlq: 0,
      goodInDlq: 0,
      unknownInDlq: 0,
      wrongCode: 0,
      crashes: [],
    });
    passed = true;
  });
});

function wireHeaders(it: LoadItem): Record<string, string> {
  const h: Record<string, string> = {
    'wd-ingest-id': it.ingestId,
    'wd-source': it.source ?? 'faults',
    'wd-channel': 'kafka',
    'wd-received-at': new Date().toISOString(),
  };
  if (it.contentType) h['content-type'] = it.contentType;
  if (it.filename) h['wd-filename'] = it.filename;
  if (it.format) h['wd-format'] = it.format;
  return h;
}

const count = (items: LoadItem[], kind: LoadItem['kind']) => items.filter((i) => i.kind === kind).length;
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

const versionNumber = (v: string) => (Number.isFinite(Number(v)) && v !== '' ? Number(v) : NaN);

/** The expected state (from the oracle) against what the store and the DLQ hold. */
function figures(
  items: LoadItem[],
  refusedAtIngest: LoadItem[],
  poisonIds: string[],
  stored: Awaited<ReturnType<StoreReader['read']>>,
  deadLetters: DeadLetter[],
) {
  const good = items.filter((i) => i.kind === 'good' || i.kind === 'redelivery');
  const refused = new Set(refusedAtIngest);
  const bad = items.filter((i) => i.kind !== 'good' && i.kind !== 'redelivery' && !refused.has(i));

  // store: (uri, version) pairs
  const expected = new Set(good.flatMap((i) => i.pairs));
  const storedCount = new Map<string, number>();
  for (const v of stored.versions) storedCount.set(v.key, (storedCount.get(v.key) ?? 0) + 1);
  const lostPairs = [...expected].filter((k) => !storedCount.has(k));
  const duplicatePairs = [...storedCount].filter(([, n]) => n > 1);
  const unexpectedPairs = [...storedCount.keys()].filter((k) => !expected.has(k));

  // articles: one per uri, holding the highest version
  const highest = new Map<string, string>();
  for (const key of expected) {
    const [uri, version] = splitPair(key);
    const current = highest.get(uri);
    if (current === undefined || versionNumber(version) > versionNumber(current)) highest.set(uri, version);
  }
  const articleCount = new Map<string, number>();
  for (const a of stored.articles) articleCount.set(a.uri, (articleCount.get(a.uri) ?? 0) + 1);
  const lostArticles = [...highest.keys()].filter((u) => !articleCount.has(u));
  const duplicateArticles = [...articleCount].filter(([, n]) => n > 1);
  const stale = stored.articles.filter((a) => highest.has(a.uri) && a.version !== highest.get(a.uri));

  // raw copies: every accepted delivery's audit copy, by ingest id (poison never went through wire.raw)
  const rawIds = new Set(stored.rawIngestIds);
  const accepted = items.filter((i) => !refused.has(i));
  const lostRaw = accepted.filter((i) => !rawIds.has(i.ingestId));

  // DLQ, by ingest id
  const dlqById = new Map<string, DeadLetter[]>();
  for (const d of deadLetters) dlqById.set(d.ingestId ?? '(none)', [...(dlqById.get(d.ingestId ?? '(none)') ?? []), d]);
  const badById = new Map(bad.map((i) => [i.ingestId, i]));
  const poison = new Set(poisonIds);
  const goodIds = new Set(good.map((i) => i.ingestId));
  const badMissing = [...badById.keys(), ...poison].filter((id) => !dlqById.has(id));
  const goodInDlq = [...dlqById.keys()].filter((id) => goodIds.has(id));
  const unknownInDlq = [...dlqById.keys()].filter((id) => !goodIds.has(id) && !badById.has(id) && !poison.has(id));
  const wrongCode = [...badById].filter(
    ([id, item]) => dlqById.has(id) && dlqById.get(id)!.some((d) => d.code !== item.code),
  );
  const byCode: Record<string, number> = {};
  for (const [, list] of dlqById) byCode[list[0].code ?? '?'] = (byCode[list[0].code ?? '?'] ?? 0) + 1;
  const repeated = [...dlqById.values()].filter((l) => l.length > 1).length;

  const sample = <T>(list: T[]) => list.slice(0, 5);
  return {
    verdict: {
      lost: lostPairs.length,
      duplicates: duplicatePairs.length,
      unexpectedStored: unexpectedPairs.length,
      lostArticles: lostArticles.length,
      duplicateArticles: duplicateArticles.length,
      staleArticles: stale.length,
      lostRawCopies: lostRaw.length,
      badMissingFromDlq: badMissing.length,
      goodInDlq: goodInDlq.length,
      unknownInDlq: unknownInDlq.length,
      wrongCode: wrongCode.length,
    },
    report: {
      store: {
        expectedVersions: expected.size,
        storedVersionDocs: stored.versions.length,
        storedDistinctVersions: storedCount.size,
        duplicates: duplicatePairs.length,
        lost: lostPairs.length,
        unexpected: unexpectedPairs.length,
        expectedArticles: highest.size,
        storedArticles: stored.articles.length,
        duplicateArticles: duplicateArticles.length,
        lostArticles: lostArticles.length,
        staleArticles: stale.length,
        rawCopies: { expected: accepted.length, stored: stored.rawIngestIds.length, lost: lostRaw.length },
        samples: {
          lost: sample(lostPairs),
          duplicates: sample(duplicatePairs),
          unexpected: sample(unexpectedPairs),
          stale: sample(stale.map((a) => `${a.uri} has ${a.version}, expected ${highest.get(a.uri)}`)),
          lostRaw: sample(lostRaw.map((i) => `${i.kind} ${i.channel} ${i.ingestId}`)),
        },
      },
      deadLettered: {
        raw: deadLetters.length,
        distinctIngestIds: dlqById.size,
        repeatedIngestIds: repeated,
        expectedBad: badById.size + poison.size,
        badFound: badById.size + poison.size - badMissing.length,
        badMissing: badMissing.length,
        goodInDlq: goodInDlq.length,
        unknown: unknownInDlq.length,
        wrongCode: wrongCode.length,
        byCode,
        samples: {
          missing: sample(badMissing),
          good: sample(
            goodInDlq.map(
              (id) =>
                `${id}: ${dlqById
                  .get(id)!
                  .map((d) => `${d.stage}/${d.code}`)
                  .join(',')}`,
            ),
          ),
          wrongCode: sample(
            wrongCode.map(([id, i]) => `${i.kind}: expected ${i.code}, got ${dlqById.get(id)!.map((d) => d.code)}`),
          ),
        },
      },
    },
  };
}

function splitPair(key: string): [string, string] {
  const at = key.lastIndexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

function printReport(r: Record<string, unknown> & { store?: unknown }): void {
  const s = r as unknown as {
    seed: number;
    seconds: number;
    quiet: boolean;
    sent: {
      deliveries: number;
      viaKafka: number;
      viaHttp: number;
      good: number;
      redeliveries: number;
      bad: Record<string, number>;
      refusedAtIngest: number;
      poison: number;
      httpRetries: number;
      producerRetries: number;
    };
    store: {
      expectedVersions: number;
      storedDistinctVersions: number;
      storedVersionDocs: number;
      duplicates: number;
      lost: number;
      unexpected: number;
      expectedArticles: number;
      storedArticles: number;
      staleArticles: number;
      rawCopies: { expected: number; stored: number; lost: number };
    };
    deadLettered: {
      raw: number;
      distinctIngestIds: number;
      repeatedIngestIds: number;
      expectedBad: number;
      badFound: number;
      goodInDlq: number;
      unknown: number;
      byCode: Record<string, number>;
    };
    faults: { injected: Record<string, number>; total: number; skipped: string[] };
    services: Record<string, { starts: number; crashes: number; startFailures: number }>;
  };
  const badTotal = Object.values(s.sent.bad).reduce((a, b) => a + b, 0);
  const lines = [
    '',
    `==== fault test (seed ${s.seed}, ${s.seconds} s, ${s.quiet ? 'quiet' : 'NOT QUIET'}) ====`,
    `sent          ${s.sent.deliveries} deliveries (${s.sent.viaKafka} Kafka, ${s.sent.viaHttp} HTTP): ${s.sent.good} good, ${s.sent.redeliveries} redeliveries, ${badTotal} bad ${JSON.stringify(s.sent.bad)}, ${s.sent.refusedAtIngest} refused by ingest; ${s.sent.poison} poison messages; retries: ${s.sent.httpRetries} HTTP, ${s.sent.producerRetries} producer`,
    `stored        ${s.store.storedDistinctVersions}/${s.store.expectedVersions} versions (${s.store.storedVersionDocs} docs), ${s.store.storedArticles}/${s.store.expectedArticles} articles, raw ${s.store.rawCopies.stored}/${s.store.rawCopies.expected}`,
    `duplicates    ${s.store.duplicates}`,
    `lost          ${s.store.lost} versions, raw ${s.store.rawCopies.lost}; unexpected ${s.store.unexpected}; stale articles ${s.store.staleArticles}`,
    `dead-lettered ${s.deadLettered.raw} raw, ${s.deadLettered.distinctIngestIds} distinct ingest ids (${s.deadLettered.repeatedIngestIds} repeated); bad ${s.deadLettered.badFound}/${s.deadLettered.expectedBad}; good in DLQ ${s.deadLettered.goodInDlq}; unknown ${s.deadLettered.unknown}; ${JSON.stringify(s.deadLettered.byCode)}`,
    `faults        ${s.faults.total} injected ${JSON.stringify(s.faults.injected)}${s.faults.skipped.length ? `; skipped: ${s.faults.skipped.join('; ')}` : ''}`,
    `services      ${Object.entries(s.services)
      .map(([n, v]) => `${n}: ${v.starts} starts, ${v.crashes} crashes, ${v.startFailures} failed starts`)
      .join('; ')}`,
    `(full report: ${join(tmpdir(), 'wiredesk-faults-last.json')})`,
    '',
  ];
  process.stderr.write(lines.join('\n') + '\n');
}

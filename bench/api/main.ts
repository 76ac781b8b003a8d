/**
 * `npm run bench:api`: the archive's query API over a large store.
 *
 * 1. Fill: a private database (`--db`, default `wdbench_api`, on MONGO_URL's server: the shared local FerretDB unless
 *    told otherwise) gets `--articles` stories (default 100,000) through the archive's real write path
 *    (ArticleRepository.applyBatch, batches of `--batch`), spread over the last `--days` days; about 5 % get a second
 *    version and 1 % a kill. Resumable: a database already holding that many stories is reused (`--fresh` drops it).
 * 2. Measure: the archive's HTTP API (ArchiveModule, no consumers) on a free port; `--requests` sequential requests
 *    per endpoint; p50/p95/p99 and the status codes per endpoint, printed as a table.
 *
 * Invented text only (generated here). Timings are printed, never asserted.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Ninjs } from '@wiredesk/ninjs';
import { loadConfig } from '@wiredesk/platform';
import { ArticleRepository } from '@wiredesk/storage';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ArchiveModule } from '../../apps/archive/src/archive.module';
import { incoming, ninjsOf } from '../../libs/storage/testing/article-fixtures';

interface Options {
  db: string;
  articles: number;
  batch: number;
  days: number;
  requests: number;
  fresh: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { db: 'wdbench_api', articles: 100_000, batch: 500, days: 60, requests: 200, fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'fresh') options.fresh = true;
    else if (name === 'db') options.db = argv[++i];
    else if (name in options) (options as unknown as Record<string, number>)[name] = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

const PEOPLE = Array.from({ length: 400 }, (_, i) => [`Person ${i}`, `http://www.wikidata.org/entity/Q${9000 + i}`]);
const ORGS = Array.from({ length: 150 }, (_, i) => [
  `Organisation ${i}`,
  `http://www.wikidata.org/entity/Q${7000 + i}`,
]);
const PLACES = Array.from({ length: 200 }, (_, i) => [`Place ${i}`, `http://sws.geonames.org/${2000000 + i}/`]);
const SUBJECTS = Array.from({ length: 60 }, (_, i) => [String(20000000 + i * 7), `subject ${i}`] as [string, string]);
const WORDS = 'harbour council minister budget flood election court vote river summit bank energy school strike'.split(
  ' ',
);
const LANGUAGES = ['en', 'en', 'en', 'fr', 'de', 'es'];
const SOURCES = ['afp-en', 'reuters-world', 'belga', 'dpa', 'ap'];

/** A small deterministic generator, so two fills give the same store. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(rand: () => number, list: readonly T[], skew = 1): T {
  return list[Math.floor(rand() ** skew * list.length)];
}

function story(n: number, start: number, spanMs: number, total: number): { ninjs: Ninjs; source: string } {
  const rand = random(n + 1);
  const at = new Date(start + Math.floor((n / total) * spanMs + rand() * 60_000)).toISOString();
  const word = () => pick(rand, WORDS);
  const headline = `${word()} ${word()} ${word()} report number ${n}`;
  const ninjs = ninjsOf({
    uri: `urn:wiredesk:bench-api:${n}`,
    versionCreated: at,
    headline,
    language: pick(rand, LANGUAGES),
    paragraphs: [
      `The ${word()} and the ${word()} were discussed on ${at.slice(0, 10)}, officials said in item ${n}.`,
      `A second paragraph about the ${word()}, the ${word()} and the ${word()}.`,
    ],
    people: [pick(rand, PEOPLE, 2), pick(rand, PEOPLE, 2)] as [string, string][],
    organisations: [pick(rand, ORGS, 2)] as [string, string][],
    places: [pick(rand, PLACES, 2), pick(rand, PLACES, 3)] as [string, string][],
    subjects: [pick(rand, SUBJECTS, 2)],
  });
  return { ninjs, source: pick(rand, SOURCES) };
}

async function fill(repository: ArticleRepository, options: Options, stored: number): Promise<void> {
  const spanMs = options.days * 24 * 3600 * 1000;
  const start = Date.now() - spanMs;
  const started = Date.now();
  for (let from = stored; from < options.articles; from += options.batch) {
    const batch = [];
    for (let n = from; n < Math.min(from + options.batch, options.articles); n++) {
      const { ninjs, source } = story(n, start, spanMs, options.articles);
      batch.push(incoming(ninjs, { source, ingestId: `bench-api-${n}` }));
      if (n % 20 === 7) {
        const later = new Date(Date.parse(ninjs.versionCreated!) + 30 * 60_000).toISOString();
        const update: Ninjs = { ...ninjs, version: '2', versionCreated: later };
        update.headlines = [{ role: 'main', value: `${ninjs.headlines?.[0].value} (updated)` }];
        batch.push(incoming(update, { source, ingestId: `bench-api-${n}-2` }));
      }
      if (n % 100 === 13) {
        batch.push(
          incoming({ ...ninjs, version: '3', pubStatus: 'canceled' }, { source, ingestId: `bench-api-${n}-k` }),
        );
      }
    }
    const outcomes = await repository.applyBatch(batch);
    const rejected = outcomes.filter((o) => o.outcome === 'rejected');
    if (rejected.length > 0) throw new Error(`rejected: ${rejected[0].error}`);
    const done = Math.min(from + options.batch, options.articles);
    const rate = (done - stored) / ((Date.now() - started) / 1000);
    process.stdout.write(`\rfill ${done}/${options.articles} stories, ${rate.toFixed(0)} stories/s   `);
  }
  process.stdout.write('\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(base: string, name: string, paths: () => string, requests: number) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await fetch(base + paths());
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(' '),
  };
}

async function main(options: Options): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(
    ArchiveModule.forRoot(config, { dbName: options.db, consume: false }),
    { logger: ['error', 'warn'] },
  );
  const connection = app.get<Connection>(getConnectionToken());
  if (options.fresh) {
    await connection.db!.dropDatabase();
    await app.close();
    return main({ ...options, fresh: false });
  }
  await app.listen(0, '127.0.0.1');
  const repository = app.get(ArticleRepository);
  try {
    const stored = (await repository.totals()).stories ?? 0;
    console.log(`database ${options.db} on ${config.mongoUrl.replace(/\/[^/]*$/, '')}: ${stored} stories stored`);
    if (stored < options.articles) await fill(repository, options, stored);

    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const rand = random(42);
    const uri = () => encodeURIComponent(`urn:wiredesk:bench-api:${Math.floor(rand() * options.articles)}`);
    const person = () => encodeURIComponent(pick(rand, PEOPLE)[0]);
    const firstPage = (await (await fetch(`${base}/v1/articles?limit=20`)).json()) as { next: string | null };
    const rows = [];
    const n = options.requests;
    rows.push(await measure(base, 'list ?limit=20', () => '/v1/articles?limit=20', n));
    rows.push(await measure(base, 'list ?limit=1', () => '/v1/articles?limit=1', n));
    rows.push(await measure(base, 'list page 2 (cursor)', () => `/v1/articles?limit=20&cursor=${firstPage.next}`, n));
    rows.push(await measure(base, 'list ?person=', () => `/v1/articles?person=${person()}`, n));
    rows.push(await measure(base, 'list ?language=fr&source=dpa', () => '/v1/articles?language=fr&source=dpa', n));
    rows.push(await measure(base, 'get /v1/articles/{id}', () => `/v1/articles/${uri()}`, n));
    rows.push(await measure(base, 'versions', () => `/v1/articles/${uri()}/versions`, n));
    rows.push(await measure(base, 'tags /v1/tags/people (24 h)', () => '/v1/tags/people', n));
    rows.push(await measure(base, 'tags /v1/tags/places (7 days)', () => tagsWeek(), Math.max(20, n / 4)));
    rows.push(await measure(base, 'stats', () => '/v1/stats', n));
    rows.push(await measure(base, 'search ?q=harbour (not in the goal)', () => '/v1/articles?q=harbour', 5));

    console.log(`\n${options.articles} stories, ${n} sequential requests per endpoint (fewer where marked)\n`);
    console.log(
      `${'endpoint'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  statuses`,
    );
    for (const r of rows) {
      const f = (v: number) => v.toFixed(1).padStart(8);
      console.log(`${r.name.padEnd(40)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)}  ${r.statuses}`);
    }
  } finally {
    await app.close();
  }
}

function tagsWeek(): string {
  const until = new Date();
  const since = new Date(until.getTime() - 7 * 24 * 3600 * 1000);
  return `/v1/tags/places?since=${since.toISOString()}&until=${until.toISOString()}`;
}

main(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

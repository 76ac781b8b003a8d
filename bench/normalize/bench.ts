/**
 * Normalizer CPU benchmark (`npm run bench:normalize`): what one wire.raw message costs the normalizer service, without
 * Kafka. The corpus is the end-to-end benchmark's (bench/e2e/corpus.ts: every parseable fixture of test/fixtures and
 * the pages of ../shared/bench/article-extraction as HTML and as flattened text, mixed 1 HTML page : 11 page texts :
 * 28 agency copies by item count), each item turned into a wire.raw message with the headers ingest writes, and run
 * through normalizeMessage (apps/normalizer/src/normalize-message.ts), the function the service calls per message:
 * header decoding, charset decoding, format detection, parsing, ninjs mapping and the wire.parsed envelope encoding.
 *
 *   npm run bench:normalize                          # all pages, 40 items per HTML page, 2 warm-up + 7 timed runs
 *   npm run bench:normalize -- --quick               # 40 pages, 1 + 3 runs (about half a minute)
 *   npm run bench:normalize -- --items 4000 --runs 5 --warmup 1 --pages 100
 *   npm run bench:normalize -- --json out.json       # also write the figures as JSON
 *   npm run bench:normalize -- --only page-html      # only the items of one category (fixture, page-text, page-html)
 *   npm run bench:normalize -- --extraction-dir /work/shared/bench/article-extraction   # pages somewhere else
 *
 * Items in corpus order, in chunks of 200 per category run, through normalizeMessages with the service's worker
 * pool (one worker thread, the default WORKER_THREADS; `--in-process` parses on the main thread instead, as the
 * normalizer did before its parse budget). Every figure is the median over the timed runs: articles per CPU-second of the
 * process (process.cpuUsage: user + system, the V8 helper threads' GC work included, as a service would pay it; robust
 * to other load on the machine) and per wall-clock second, CPU milliseconds per article and per item by category, and
 * the share of wall time spent in garbage-collection pauses on the main thread (PerformanceObserver 'gc' entries).
 * Per-category CPU is read where the corpus passes from one category to the next (the mix comes in runs of one
 * category), so measuring costs a few microseconds per run of items, not per item. Garbage collection is paid by
 * whichever item triggers it, so the split by category is a little less exact than the total.
 */
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ConsumedMessage } from '@wiredesk/messaging';
import { BudgetedPool } from '@wiredesk/platform';
import { PARSE_WORKER, type ParseItem, type ParsedArticles } from '@wiredesk/pipeline';
import { inProcessParse, normalizeMessages, type ParseItems } from '../../apps/normalizer/src/normalize-message';
import { buildCorpus, loadTemplates, type Category, type CorpusItem } from '../e2e/corpus';

const ROOT = join(__dirname, '..', '..', '..');
const EXTRACTION_DIR = join(ROOT, '..', 'shared', 'bench', 'article-extraction');
const PARSED_TOPIC = 'wire.parsed';
const CATEGORIES: Category[] = ['fixture', 'page-text', 'page-html'];
/** The mix has one HTML page in 40 items: this many items per HTML template uses every template once per run. */
const ITEMS_PER_HTML_TEMPLATE = 40;
/** messages handed to the handler at once, as CONSUMER_CHUNK_SIZE's default does */
const CHUNK = 200;

interface Settings {
  items?: number;
  runs: number;
  warmup: number;
  pages: number;
  json?: string;
  /** run only the items of this category (the mix is built first, so the items are the same ones) */
  only?: Category;
  /** the article-extraction pages (default ../shared/bench/article-extraction beside the repository) */
  extractionDir: string;
  /** parse on the main thread (no worker pool, no time limit): the path before issue 15, for comparison */
  inProcess: boolean;
}

interface CategoryFigures {
  items: number;
  articles: number;
  cpuMsPerArticle: number;
  cpuMsPerItem: number;
  /** share of the run's CPU time */
  cpuShare: number;
}

interface RunFigures {
  cpuMs: number;
  wallMs: number;
  gcMs: number;
  articles: number;
  items: number;
  byCategory: Record<Category, { cpuMs: number; items: number; articles: number }>;
}

interface Figures {
  articlesPerCpuSecond: number;
  articlesPerWallSecond: number;
  cpuMsPerArticle: number;
  gcShareOfWall: number;
  byCategory: Record<Category, CategoryFigures>;
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      pages: { type: 'string' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      json: { type: 'string' },
      'extraction-dir': { type: 'string' },
      'in-process': { type: 'boolean' },
    },
  });
  const quick = values.quick ?? false;
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  return {
    items: values.items === undefined ? undefined : Number(values.items),
    runs: num(values.runs, quick ? 3 : 7),
    warmup: num(values.warmup, quick ? 1 : 2),
    pages: num(values.pages, quick ? 40 : 181),
    json: values.json,
    only: values.only === undefined ? undefined : categoryOf(values.only),
    extractionDir: values['extraction-dir'] ?? EXTRACTION_DIR,
    inProcess: values['in-process'] ?? false,
  };
}

function categoryOf(name: string): Category {
  if (!(CATEGORIES as string[]).includes(name)) throw new Error(`--only takes one of ${CATEGORIES.join(', ')}`);
  return name as Category;
}

/** A wire.raw message as the consumer hands it to the handler: the headers of bench/e2e (what ingest writes), decoded. */
function toMessage(item: CorpusItem, offset: number, receivedAt: string): ConsumedMessage {
  const headers: Record<string, string> = {
    'wd-ingest-id': item.ingestId,
    'wd-source': `bench-${item.template.category}`,
    'wd-channel': 'kafka',
    'content-type': item.template.contentType,
    'wd-filename': item.template.name,
    'wd-received-at': receivedAt,
  };
  const rawHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
  return {
    topic: 'wire.raw',
    partition: 0,
    offset: String(offset),
    key: Buffer.from(item.ingestId),
    value: item.value,
    headers,
    rawHeaders,
    timestamp: String(Date.parse(receivedAt)),
  };
}

function cpuMsBetween(start: NodeJS.CpuUsage, end: NodeJS.CpuUsage): number {
  return (end.user - start.user + end.system - start.system) / 1000;
}

/** Main-thread GC pauses from the performance timeline, summed over a window of performance.now() time. */
function gcMeter() {
  let pauses: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    /** GC entries reach the observer some milliseconds after the pause: call once the window is well past */
    pausedMs(from: number, to: number): number {
      const inside = pauses.filter((p) => p.start >= from && p.start < to);
      pauses = pauses.filter((p) => p.start >= to);
      return inside.reduce((sum, p) => sum + p.duration, 0);
    },
    stop: () => observer.disconnect(),
  };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

async function oneRun(
  messages: ConsumedMessage[],
  items: CorpusItem[],
  gc: ReturnType<typeof gcMeter>,
  parse: ParseItems,
) {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { cpuMs: 0, items: 0, articles: 0 }])) as Record<
    Category,
    { cpuMs: number; items: number; articles: number }
  >;
  let failed = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  // The mix comes in runs of one category: CPU is read where the category changes, not around every item.
  let segment = items.length ? items[0].template.category : undefined;
  let segmentStart = cpuStart;
  // chunks of up to CHUNK messages of one category, each handled as the service's handler does
  for (let start = 0; start < messages.length;) {
    const category = items[start].template.category;
    let end = start + 1;
    while (end < messages.length && end - start < CHUNK && items[end].template.category === category) end++;
    if (category !== segment) {
      const now = process.cpuUsage();
      byCategory[segment as Category].cpuMs += cpuMsBetween(segmentStart, now);
      segment = category;
      segmentStart = now;
    }
    const outcomes = await normalizeMessages(messages.slice(start, end), parse, PARSED_TOPIC);
    for (let i = start; i < end; i++) {
      const c = byCategory[category];
      c.items++;
      c.articles += items[i].template.articles;
      const outcome = outcomes[i - start];
      if (outcome.status !== 'done' || outcome.deadLetters.length > 0) failed++;
    }
    start = end;
  }
  const cpuEnd = process.cpuUsage();
  if (segment) byCategory[segment].cpuMs += cpuMsBetween(segmentStart, cpuEnd);
  const cpuMs = cpuMsBetween(cpuStart, cpuEnd);
  const wallEnd = performance.now();
  await settle();
  if (failed) throw new Error(`${failed} messages did not normalize: the corpus holds only templates that do`);
  const articles = CATEGORIES.reduce((n, c) => n + byCategory[c].articles, 0);
  return {
    cpuMs,
    wallMs: wallEnd - wallStart,
    gcMs: gc.pausedMs(wallStart, wallEnd),
    articles,
    items: messages.length,
    byCategory,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function summarise(runs: RunFigures[]): Figures {
  const m = (f: (r: RunFigures) => number) => median(runs.map(f));
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => {
      const first = runs[0].byCategory[c];
      const figures: CategoryFigures = {
        items: first.items,
        articles: first.articles,
        cpuMsPerArticle: round(
          m((r) => r.byCategory[c].cpuMs / Math.max(1, r.byCategory[c].articles)),
          3,
        ),
        cpuMsPerItem: round(
          m((r) => r.byCategory[c].cpuMs / Math.max(1, r.byCategory[c].items)),
          3,
        ),
        cpuShare: round(
          m((r) => r.byCategory[c].cpuMs / r.cpuMs),
          3,
        ),
      };
      return [c, figures];
    }),
  ) as Record<Category, CategoryFigures>;
  return {
    articlesPerCpuSecond: Math.round(m((r) => r.articles / (r.cpuMs / 1000))),
    articlesPerWallSecond: Math.round(m((r) => r.articles / (r.wallMs / 1000))),
    cpuMsPerArticle: round(
      m((r) => r.cpuMs / r.articles),
      3,
    ),
    gcShareOfWall: round(
      m((r) => r.gcMs / r.wallMs),
      3,
    ),
    byCategory,
  };
}

function printTable(f: Figures, runs: RunFigures[], templates: Record<Category, number>): void {
  const rows: [string, string][] = [
    ['items per run (articles)', `${runs[0].items} (${runs[0].articles})`],
    ['templates', CATEGORIES.map((c) => `${c} ${templates[c]}`).join(', ')],
    ['timed runs', String(runs.length)],
    [
      'articles per CPU-second',
      `${f.articlesPerCpuSecond}  (runs: ${runs.map((r) => Math.round(r.articles / (r.cpuMs / 1000))).join(', ')})`,
    ],
    ['articles per wall second', String(f.articlesPerWallSecond)],
    ['CPU ms per article', String(f.cpuMsPerArticle)],
    ...CATEGORIES.filter((c) => f.byCategory[c].items > 0).map((c): [string, string] => {
      const x = f.byCategory[c];
      return [
        `  ${c}`,
        `${x.cpuMsPerArticle} ms/article, ${x.cpuMsPerItem} ms/item, ${Math.round(x.cpuShare * 100)} % of CPU (${x.items} items, ${x.articles} articles)`,
      ];
    }),
    ['GC pauses, share of wall', `${round(f.gcShareOfWall * 100, 1)} %`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const t = Date.now();
  const { templates, dropped } = loadTemplates({
    fixturesDir: join(ROOT, 'test', 'fixtures'),
    extractionDir: settings.extractionDir,
    maxPages: settings.pages,
  });
  const templateCounts = Object.fromEntries(
    CATEGORIES.map((c) => [c, templates.filter((x) => x.category === c).length]),
  ) as Record<Category, number>;
  process.stderr.write(`${templates.length} templates (${dropped} left out) in ${Date.now() - t} ms\n`);

  // A fixed tag: the same corpus every time the benchmark runs with the same settings.
  const itemCount = settings.items ?? ITEMS_PER_HTML_TEMPLATE * Math.max(1, templateCounts['page-html']);
  const items = buildCorpus(templates, itemCount, 'bench').filter(
    (item) => !settings.only || item.template.category === settings.only,
  );
  const receivedAt = new Date().toISOString();
  const messages = items.map((item, i) => toMessage(item, i, receivedAt));

  const pool = settings.inProcess
    ? undefined
    : new BudgetedPool<ParseItem, ParsedArticles>({
        module: PARSE_WORKER,
        name: 'parse',
        threads: 1,
        itemTimeLimitMs: 10_000,
      });
  const parse: ParseItems = pool ? (batch) => pool.run(batch) : inProcessParse;
  process.stderr.write(settings.inProcess ? 'parsing in-process\n' : 'parsing on a worker thread (the service path)\n');
  const gc = gcMeter();
  const runs: RunFigures[] = [];
  for (let i = 0; i < settings.warmup + settings.runs; i++) {
    const r = await oneRun(messages, items, gc, parse);
    const label = i < settings.warmup ? 'warm-up' : 'run';
    process.stderr.write(`${label} ${i + 1}: ${Math.round(r.articles / (r.cpuMs / 1000))} articles/CPU-s\n`);
    if (i >= settings.warmup) runs.push(r);
  }
  gc.stop();
  await pool?.close();

  const figures = summarise(runs);
  printTable(figures, runs, templateCounts);
  if (settings.json) {
    const result = {
      at: new Date().toISOString(),
      command: `npm run bench:normalize -- ${process.argv.slice(2).join(' ')}`.trim(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryMiB: Math.round(os.totalmem() / 1048576),
        node: process.version,
      },
      settings: { ...settings, items: itemCount },
      corpus: { templates: templateCounts, templatesDropped: dropped },
      medians: figures,
      runs,
    };
    writeFileSync(settings.json, JSON.stringify(result, null, 2) + '\n');
    process.stderr.write(`wrote ${settings.json}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

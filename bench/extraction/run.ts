/**
 * `npm run bench:extraction`: scores Wiredesk's article bodies on the article-extraction benchmark
 * (../shared/bench/article-extraction: 181 news pages, their flattened text and the true article bodies) with the
 * benchmark's own metric, for the flattened text pages parsed as `text` and for the HTML pages parsed as `html`.
 *
 *   node dist/bench/extraction/run.js [--dir <benchmark dir>] [--only text|html|whole-text] [--pages] [--json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseWire, type WireItem } from '@wiredesk/formats';
import { score, shingleMatch, type PageCounts, type Scores } from './metric';

interface Options {
  dir: string;
  only?: Mode;
  pages: boolean;
  json: boolean;
}

interface PageResult {
  id: string;
  counts: PageCounts;
  error?: string;
}

type Mode = 'text' | 'html' | 'whole-text';

interface ModeResult extends Scores {
  mode: Mode;
  pagesPerSecond: number;
  errors: number;
  perPage: PageResult[];
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    dir: resolve(process.cwd(), '../shared/bench/article-extraction'),
    pages: false,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dir') opts.dir = resolve(argv[++i]);
    else if (arg === '--only') opts.only = argv[++i] as Mode;
    else if (arg === '--pages') opts.pages = true;
    else if (arg === '--json') opts.json = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

/** The article body as the benchmark's truth has it: body paragraphs, one per line. */
export function bodyText(items: WireItem[]): string {
  return items.map((item) => item.body.map((b) => b.text).join('\n')).join('\n');
}

function runMode(mode: Mode, ids: string[], truth: Record<string, { articleBody: string }>, dir: string): ModeResult {
  const inputs = ids.map((id) => {
    const file = mode === 'html' ? join(dir, 'html', `${id}.html.gz`) : join(dir, 'text', `${id}.txt`);
    const raw = readFileSync(file);
    return { id, bytes: mode === 'html' ? gunzipSync(raw) : raw };
  });
  const predictions: { id: string; text: string; error?: string }[] = [];
  const started = process.hrtime.bigint();
  for (const { id, bytes } of inputs) {
    if (mode === 'whole-text') {
      // the floor the README gives (0.671): every line of the flattened page, nothing removed
      predictions.push({ id, text: bytes.toString('utf8') });
      continue;
    }
    try {
      const result = parseWire(bytes, { format: mode, contentType: mode === 'html' ? 'text/html' : 'text/plain' });
      predictions.push({ id, text: bodyText(result.items) });
    } catch (e) {
      predictions.push({ id, text: '', error: e instanceof Error ? e.message : String(e) });
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perPage = predictions.map(({ id, text, error }) => ({
    id,
    counts: shingleMatch(truth[id].articleBody ?? '', text),
    error,
  }));
  return {
    mode,
    ...score(perPage.map((p) => p.counts)),
    pagesPerSecond: inputs.length / seconds,
    errors: perPage.filter((p) => p.error).length,
    perPage,
  };
}

function pageF1({ tp, fp, fn }: PageCounts): number {
  return tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const truthFile = join(opts.dir, 'ground-truth.json');
  if (!existsSync(truthFile)) {
    // the pages live outside the repository (the Wiredesk workspace's shared folder): without them, skip cleanly
    console.log(`skipped: the extraction benchmark is not at ${opts.dir} (pass --dir to point at it)`);
    return;
  }
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody: string }>;
  const ids = Object.keys(truth).sort();
  const modes = (['text', 'html', 'whole-text'] as const).filter((m) => !opts.only || opts.only === m);
  const available = (m: Mode) => (readdirSync(join(opts.dir, m === 'html' ? 'html' : 'text')).length > 0 ? ids : []);
  const results = modes.map((m) => runMode(m, available(m), truth, opts.dir));
  if (opts.json) {
    console.log(
      JSON.stringify(
        results.map(({ perPage, ...r }) => (opts.pages ? { ...r, perPage } : r)),
        null,
        2,
      ),
    );
    return;
  }
  console.log(`article-extraction benchmark: ${ids.length} pages (${opts.dir})`);
  console.log('mode        F1     precision  recall  pages/s  errors');
  for (const r of results) {
    const label = r.mode === 'whole-text' ? 'baseline' : r.mode;
    console.log(
      `${label.padEnd(11)} ${r.f1.toFixed(3)}  ${r.precision.toFixed(3)}      ${r.recall.toFixed(3)}   ` +
        `${r.mode === 'whole-text' ? '     -' : r.pagesPerSecond.toFixed(1).padStart(6)}   ${r.errors}`,
    );
  }
  console.log('(text: flattened pages parsed with format text; html: pages parsed with format html;');
  console.log(' baseline: the whole flattened text unparsed, 0.671 in the benchmark README)');
  if (opts.pages) {
    for (const r of results) {
      console.log(`\n${r.mode}: pages by F1, worst first`);
      for (const p of [...r.perPage].sort((a, b) => pageF1(a.counts) - pageF1(b.counts))) {
        const { tp, fp, fn } = p.counts;
        console.log(`${pageF1(p.counts).toFixed(3)} ${p.id} tp=${tp} fp=${fp} fn=${fn}${p.error ? ` ${p.error}` : ''}`);
      }
    }
  }
}

main();

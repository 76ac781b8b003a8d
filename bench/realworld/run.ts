/**
 * `npm run bench:realworld` (issue 11): runs every real agency file of ../shared/realworld/files through the same
 * in-process path as `wiredesk normalize` (parse, map, enrich, validate: libs/pipeline normalizeBytesAsync with the
 * enricher) and checks the field expectations of bench/realworld/expectations/*.yaml, written by reading each source.
 * Prints the share of checks that hold, overall and per group file, every miss, and the files nobody wrote
 * expectations for. Exits 0 whatever the score (it is a measurement, not a gate), and when the files are absent.
 *
 *   npm run bench:realworld
 *   npm run bench:realworld -- --dir <files dir> --only text --file anpa-3.tst --json out.json --quiet
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ErrorCode, isWireError } from '@wiredesk/contracts';
import type { Enricher } from '@wiredesk/enrich';
import { normalizeBytesAsync } from '@wiredesk/pipeline';
import {
  evaluateFile,
  percent,
  readExpectations,
  tally,
  type CheckResult,
  type FileExpectation,
  type Outcome,
} from './checks';

/** The repository root, from dist/bench/realworld or bench/realworld alike. */
const ROOT = [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')].find((d) =>
  existsSync(join(d, 'package.json')),
)!;
const EXPECTATIONS_DIR = join(ROOT, 'bench', 'realworld', 'expectations');
/** Beside the repository (the Wiredesk workspace), or beside the worktrees' folder when run from a worktree. */
const CANDIDATE_DIRS = [
  join(ROOT, '..', 'shared', 'realworld', 'files'),
  join(ROOT, '..', '..', 'shared', 'realworld', 'files'),
];

interface Settings {
  dir?: string;
  only?: string;
  file?: string;
  json?: string;
  quiet: boolean;
}

function settings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      only: { type: 'string' },
      file: { type: 'string' },
      json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  return { dir: values.dir, only: values.only, file: values.file, json: values.json, quiet: values.quiet };
}

interface Group {
  name: string;
  entries: FileExpectation[];
}

function loadGroups(only?: string): Group[] {
  return readdirSync(EXPECTATIONS_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.ya?ml$/, ''), path: join(EXPECTATIONS_DIR, f) }))
    .filter((g) => !only || g.name === only)
    .map((g) => ({ name: g.name, entries: readExpectations(parseYaml(readFileSync(g.path, 'utf8')), g.path) }));
}

/** What `wiredesk normalize <file>` does with one file: its articles, or the code it would report (and dead-letter). */
async function normalizeFile(path: string, enricher: Enricher): Promise<Outcome> {
  try {
    const bytes = readFileSync(path);
    const { articles } = await normalizeBytesAsync(
      bytes,
      { filename: basename(path) },
      { enricher, meta: { receivedAt: new Date().toISOString() } },
    );
    return { articles };
  } catch (e) {
    const code = isWireError(e) ? e.code : ErrorCode.INTERNAL_ERROR;
    return { error: { code, message: e instanceof Error ? e.message : String(e) } };
  }
}

function printMisses(results: CheckResult[]): void {
  for (const r of results.filter((x) => !x.ok)) {
    const where = r.article === undefined ? r.file : `${r.file} #${r.article}`;
    console.log(`  ✗ ${where} ${r.key}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.got)}`);
  }
}

async function main(): Promise<void> {
  const opts = settings(process.argv.slice(2));
  const dir = opts.dir ? resolve(opts.dir) : CANDIDATE_DIRS.find((d) => existsSync(d));
  if (!dir || !existsSync(dir)) {
    console.log(`bench:realworld: no realworld files (looked in ${opts.dir ?? CANDIDATE_DIRS.join(', ')}); skipped.`);
    return;
  }
  const groups = loadGroups(opts.only);
  const { createEnricher } = await import('@wiredesk/enrich');
  const enricher = await createEnricher();
  const present = new Set(readdirSync(dir).filter((f) => !f.startsWith('.')));
  const expected = new Set<string>();
  const all: CheckResult[] = [];
  const perGroup: { name: string; results: CheckResult[] }[] = [];
  const started = process.hrtime.bigint();
  for (const group of groups) {
    const results: CheckResult[] = [];
    for (const entry of group.entries) {
      expected.add(entry.file);
      if (opts.file && entry.file !== opts.file) continue;
      const outcome: Outcome = present.has(entry.file)
        ? await normalizeFile(join(dir, entry.file), enricher)
        : { error: { code: 'MISSING_FILE', message: `${entry.file} is not in ${dir}` } };
      results.push(...evaluateFile(entry, outcome));
    }
    perGroup.push({ name: group.name, results });
    all.push(...results);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  console.log(`realworld benchmark: ${dir} (${present.size} files), ${seconds.toFixed(1)} s`);
  for (const { name, results } of perGroup) {
    const t = tally(results);
    const files = new Set(results.map((r) => r.file)).size;
    const filesClean = [...new Set(results.map((r) => r.file))].filter((f) =>
      results.every((r) => r.file !== f || r.ok),
    ).length;
    console.log(
      `  ${name.padEnd(8)} ${percent(t).padStart(7)} of checks hold (${t.held}/${t.total}), ${filesClean}/${files} files without a miss`,
    );
  }
  const t = tally(all);
  console.log(`  ${'overall'.padEnd(8)} ${percent(t).padStart(7)} of checks hold (${t.held}/${t.total})`);
  if (!opts.quiet) {
    for (const { name, results } of perGroup) {
      if (results.some((r) => !r.ok)) {
        console.log(`\nmisses in ${name}.yaml:`);
        printMisses(results);
      }
    }
  }
  const unexpected = [...present].filter((f) => !expected.has(f)).sort();
  if (unexpected.length && !opts.only && !opts.file) {
    console.log(`\nfiles with no expectations (${unexpected.length}):`);
    for (const f of unexpected) console.log(`  ${f}`);
  }
  if (opts.json) {
    const byGroup = Object.fromEntries(perGroup.map((g) => [g.name, tally(g.results)]));
    writeFileSync(opts.json, JSON.stringify({ dir, overall: t, byGroup, results: all, unexpected }, null, 2));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

/**
 * Enrichment benchmark: quality on the labelled evaluation set, speed, memory and start-up, with the npm package
 * compromise measured on the same set in the same run as the baseline.
 *
 *   npm run bench:enrich                      # eval set (test/fixtures/enrich/eval.jsonl)
 *   npm run bench:enrich -- --set dev         # the tuning set instead
 *   npm run bench:enrich -- --details         # print every miss and false alarm
 *   npm run bench:enrich -- --json out.json   # also write the figures as JSON
 *   npm run bench:enrich -- --ner-split dev   # entity corpora: the dev splits (tuning) instead of test
 *   npm run bench:enrich -- --no-corpora      # skip the entity corpora (entities-eval.ts)
 *
 * Speed is measured on one thread (Node runs the enricher on one core) over articles of about 3 KB, built by joining
 * the evaluation texts: median of 7 timed runs after 2 warm-up runs, as articles per CPU-second of the process (what
 * one core sustains, robust to other load on the machine) and per wall-clock second. Memory and start-up are measured in a fresh child
 * process: start-up = from process start to an enricher ready to use, memory = resident set after enriching.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createEnricher, type EnrichInput, type Enrichment } from '@wiredesk/enrich';
import { evaluateEntityCorpora, formatEntityEvaluation, summarizeEntityEvaluation } from './entities-eval';
import type { Split } from './ner-datasets';
import { evaluateSubjects, formatSubjectFigures } from './subjects-eval';

type Kind = 'people' | 'organisations' | 'places';
const KINDS: Kind[] = ['people', 'organisations', 'places'];

interface EvalDoc {
  id: string;
  language: string;
  headline: string;
  located?: string;
  paragraphs: string[];
  labels: { topic: string; people: string[]; organisations: string[]; places: string[] };
}

type Predicted = Record<Kind, string[]>;

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

const ENTITY_KIND: Record<string, Kind> = { person: 'people', organisation: 'organisations', place: 'places' };

function fixturesDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'test', 'fixtures', 'enrich');
    if (existsSync(join(candidate, 'eval.jsonl'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('test/fixtures/enrich not found');
    dir = parent;
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function loadDocs(set: string): EvalDoc[] {
  return readFileSync(join(fixturesDir(), `${set}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalDoc);
}

/** Names compare without case, accents, leading articles, possessives and punctuation. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[.,;:!?"“”'’()]/g, '')
    .replace(/^(the|la|le|les|l|el|los|las|der|die|das)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function scoreDoc(gold: string[], predicted: string[], misses: string[], falseAlarms: string[]): Score {
  const goldSets = gold.map((g) => new Set(g.split('|').map(normalizeName)));
  const used = new Array<boolean>(gold.length).fill(false);
  let tp = 0;
  let fp = 0;
  for (const p of new Set(predicted.map(normalizeName))) {
    const k = goldSets.findIndex((s, i) => !used[i] && s.has(p));
    if (k >= 0) {
      used[k] = true;
      tp++;
    } else {
      fp++;
      falseAlarms.push(p);
    }
  }
  gold.forEach((g, i) => used[i] || misses.push(g.split('|')[0]));
  return { tp, fp, fn: used.filter((u) => !u).length };
}

const prf = (s: Score): { p: number; r: number; f1: number } => {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function addScore(a: Score, b: Score): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

interface QualityReport {
  byKind: Record<Kind, Score>;
  all: Score;
  english: Score;
  otherLanguages: Score;
  details: string[];
}

function evaluateEntities(docs: EvalDoc[], predict: (d: EvalDoc) => Predicted): QualityReport {
  const zero = (): Score => ({ tp: 0, fp: 0, fn: 0 });
  const report: QualityReport = {
    byKind: { people: zero(), organisations: zero(), places: zero() },
    all: zero(),
    english: zero(),
    otherLanguages: zero(),
    details: [],
  };
  for (const d of docs) {
    const predicted = predict(d);
    for (const kind of KINDS) {
      const misses: string[] = [];
      const falseAlarms: string[] = [];
      const s = scoreDoc(d.labels[kind], predicted[kind], misses, falseAlarms);
      addScore(report.byKind[kind], s);
      addScore(report.all, s);
      addScore(d.language === 'en' ? report.english : report.otherLanguages, s);
      if (misses.length || falseAlarms.length) {
        report.details.push(`${d.id} ${kind}: missed [${misses.join('; ')}] false [${falseAlarms.join('; ')}]`);
      }
    }
  }
  return report;
}

const toInput = (d: EvalDoc): EnrichInput => ({
  headline: d.headline,
  paragraphs: d.paragraphs,
  located: d.located,
  captions: [],
  sourceSubjects: [],
});

function ourPredictions(e: Enrichment): Predicted {
  const out: Predicted = { people: [], organisations: [], places: [] };
  for (const t of e.entities) out[ENTITY_KIND[t.kind]].push(t.name);
  return out;
}

interface CompromiseDoc {
  people(): { out(format: 'array'): string[] };
  places(): { out(format: 'array'): string[] };
  organizations(): { out(format: 'array'): string[] };
}
type Compromise = (text: string) => CompromiseDoc;

function compromisePredictions(nlp: Compromise, d: EvalDoc): Predicted {
  const doc = nlp([d.headline, ...d.paragraphs].join('\n\n'));
  const clean = (xs: string[]): string[] =>
    xs.map((x) => x.replace(/[\s.,;:!?"“”'’()-]+$/g, '').replace(/^[\s"“(]+/, '')).filter(Boolean);
  return {
    people: clean(doc.people().out('array')),
    places: clean(doc.places().out('array')),
    organisations: clean(doc.organizations().out('array')),
  };
}

/** Articles of about 3 KB: consecutive evaluation texts joined until the size is reached. */
function speedArticles(docs: EvalDoc[]): EnrichInput[] {
  const out: EnrichInput[] = [];
  for (let i = 0; i < docs.length; i++) {
    const paragraphs: string[] = [];
    let size = 0;
    for (let k = i; size < 3000; k = (k + 1) % docs.length) {
      for (const p of docs[k].paragraphs) {
        paragraphs.push(p);
        size += p.length + 2;
      }
    }
    out.push({ headline: docs[i].headline, paragraphs, captions: [], sourceSubjects: [] });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Rate {
  /** articles per second of CPU time of this (single-threaded) process: articles/s on one core */
  cpu: number;
  /** articles per second of wall-clock time (lower when other processes share the cores) */
  wall: number;
}

function throughput(
  articles: EnrichInput[],
  run: (a: EnrichInput) => unknown,
  minArticles: number,
  runs: number,
  warmups: number,
): Rate {
  const pass = (): Rate => {
    const t0 = performance.now();
    const c0 = cpuMs();
    let n = 0;
    while (n < minArticles) {
      for (const a of articles) run(a);
      n += articles.length;
    }
    return { cpu: (n * 1000) / (cpuMs() - c0), wall: (n * 1000) / (performance.now() - t0) };
  };
  for (let i = 0; i < warmups; i++) pass();
  const rates: Rate[] = [];
  for (let i = 0; i < runs; i++) rates.push(pass());
  return { cpu: median(rates.map((r) => r.cpu)), wall: median(rates.map((r) => r.wall)) };
}

/** Child process: start-up time and resident memory of a fresh enricher. */
function childStartup(): void {
  const t0 = performance.now();
  const c0 = cpuMs();
  const enricher = createEnricher();
  const ready = performance.now();
  const readyCpu = cpuMs() - c0;
  const docs = loadDocs('eval');
  for (let i = 0; i < 3; i++) for (const d of docs) enricher.enrich(toInput(d));
  for (const a of speedArticles(docs)) enricher.enrich(a);
  const used = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({
      createMs: ready - t0,
      createCpuMs: readyCpu,
      sinceProcessStartMs: ready,
      rssMb: used.rss / 2 ** 20,
      heapMb: used.heapUsed / 2 ** 20,
    }),
  );
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const f2 = (x: number): string => x.toFixed(3);

function formatQuality(name: string, q: QualityReport): string[] {
  const rows = [`  ${name}`];
  const line = (label: string, s: Score): string => {
    const { p, r, f1 } = prf(s);
    return `    ${label.padEnd(22)} P ${f2(p)}  R ${f2(r)}  F1 ${f2(f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  };
  rows.push(line('all entities', q.all));
  for (const k of KINDS) rows.push(line(k, q.byKind[k]));
  rows.push(line('English texts', q.english));
  rows.push(line('fr/de/es texts', q.otherLanguages));
  return rows;
}

function main(): void {
  if (process.argv.includes('--child-startup')) return childStartup();
  const set = argValue('--set') ?? 'eval';
  const docs = loadDocs(set);
  const child = spawnSync(process.execPath, [__filename, '--child-startup'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`start-up child failed: ${child.stderr}`);
  const startup = JSON.parse(child.stdout) as {
    createMs: number;
    createCpuMs: number;
    sinceProcessStartMs: number;
    rssMb: number;
    heapMb: number;
  };

  const enricher = createEnricher();
  const results = new Map(docs.map((d) => [d.id, enricher.enrich(toInput(d))]));
  const ours = evaluateEntities(docs, (d) => ourPredictions(results.get(d.id)!));

  let subjectsRight = 0;
  let subjectsAnywhere = 0;
  let languageRight = 0;
  const subjectMisses: string[] = [];
  const mediaTopicTop = (uri: string): string => uri.replace(/.*\//, '');
  for (const d of docs) {
    const r = results.get(d.id)!;
    const machine = r.subjects.filter((s) => s.creator === 'machine');
    const first = machine[0];
    // the first subject's top-level ancestor: the last non-broader chain ends at the top level
    const firstTop = first ? topLevelOf(first.uri, machine) : undefined;
    if (firstTop === d.labels.topic) subjectsRight++;
    else
      subjectMisses.push(
        `${d.id}: expected ${d.labels.topic}, first ${first ? `${mediaTopicTop(first.uri)} ${first.name} (top ${firstTop})` : 'none'}`,
      );
    if (machine.some((s) => mediaTopicTop(s.uri) === d.labels.topic)) subjectsAnywhere++;
    if (r.language === d.language) languageRight++;
    else subjectMisses.push(`${d.id}: language ${r.language}, expected ${d.language}`);
  }

  const corpora = process.argv.includes('--no-corpora')
    ? undefined
    : evaluateEntityCorpora((argValue('--ner-split') ?? 'test') as Split);
  // subjects on the held-out test splits of the open sets and of our written snippets (subjects-eval.ts)
  const forced = createEnricher({ subjectThreshold: 0 });
  const subjectFigures = evaluateSubjects(
    (x) => forced.enrich(x),
    (x) => enricher.enrich(x),
    'test',
  );

  const nlp = require('compromise') as Compromise; // eslint-disable-line @typescript-eslint/no-require-imports
  const baseline = evaluateEntities(docs, (d) => compromisePredictions(nlp, d));

  const articles = speedArticles(docs);
  const avgSize = articles.reduce((n, a) => n + a.paragraphs.join('\n\n').length, 0) / articles.length;
  const ourRate = throughput(articles, (a) => enricher.enrich(a), 2000, 7, 2);
  const compromiseRate = throughput(
    articles,
    (a) => {
      const doc = nlp(a.paragraphs.join('\n\n'));
      return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
    },
    60,
    3,
    1,
  );

  const out: string[] = [];
  out.push(
    `Enrichment benchmark — ${set} set: ${docs.length} texts (${docs.filter((d) => d.language === 'en').length} en, ${docs.filter((d) => d.language !== 'en').length} fr/de/es)`,
  );
  out.push('');
  out.push(
    "Entities on the project's own labelled texts (a small check, partly tuned on; document level, micro-averaged over texts; a name counts when it equals the label or one of its listed forms)",
  );
  out.push(...formatQuality('wiredesk', ours));
  out.push(...formatQuality('compromise 14 (baseline)', baseline));
  out.push('');
  out.push(
    ...(corpora
      ? formatEntityEvaluation(corpora)
      : ['Entity corpora: skipped (../shared/datasets not found, or --no-corpora)']),
  );
  out.push('');
  out.push(
    `Subjects: right top-level Media Topic first ${subjectsRight}/${docs.length} = ${pct(subjectsRight / docs.length)}; right top-level anywhere ${pct(subjectsAnywhere / docs.length)}`,
  );
  out.push(...formatSubjectFigures('test', subjectFigures));
  out.push(`Language: ${languageRight}/${docs.length} = ${pct(languageRight / docs.length)} on the ${set} set`);
  const languageSet = readFileSync(join(fixturesDir(), 'language.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { language: string; text: string });
  const languageMisses: string[] = [];
  const languageSetRight = languageSet.filter((x) => {
    const got = enricher.enrich({ paragraphs: [x.text], captions: [], sourceSubjects: [] }).language;
    if (got !== x.language) languageMisses.push(`${x.language} → ${got}: ${x.text.slice(0, 50)}`);
    return got === x.language;
  }).length;
  out.push(
    `Language: ${languageSetRight}/${languageSet.length} = ${pct(languageSetRight / languageSet.length)} on the language set (en fr de es it pt nl, short and mixed text → und; 31 languages: npm run bench:language)`,
  );
  out.push('');
  out.push(
    `Speed (one thread, ${articles.length} articles of ${Math.round(avgSize)} characters on average, median of 7 runs after warm-up)`,
  );
  out.push(
    `  wiredesk     ${Math.round(ourRate.cpu)} articles/s per CPU-second (${Math.round(ourRate.wall)} articles/s wall clock)`,
  );
  out.push(
    `  compromise   ${Math.round(compromiseRate.cpu)} articles/s per CPU-second (${Math.round(compromiseRate.wall)} wall clock; entities only)`,
  );
  out.push(
    `  load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores: wall-clock figures drop when other work shares the machine`,
  );
  out.push(
    `Start-up: ${Math.round(startup.createMs)} ms wall (${Math.round(startup.createCpuMs)} ms CPU) to load the data and build the enricher, ${Math.round(startup.sinceProcessStartMs)} ms from process start`,
  );
  out.push(`Resident memory after enriching: ${Math.round(startup.rssMb)} MB (heap ${Math.round(startup.heapMb)} MB)`);
  if (process.argv.includes('--details')) {
    out.push(
      '',
      'Wiredesk misses and false alarms:',
      ...ours.details.map((x) => `  ${x}`),
      '',
      'Subject and language misses:',
      ...subjectMisses.map((x) => `  ${x}`),
      ...languageMisses.map((x) => `  ${x}`),
    );
  }
  console.log(out.join('\n'));
  const jsonPath = argValue('--json');
  if (jsonPath) {
    writeFileSync(
      jsonPath,
      JSON.stringify(
        {
          set,
          texts: docs.length,
          entities: { wiredesk: summarizeQuality(ours), compromise: summarizeQuality(baseline) },
          entityCorpora: corpora && summarizeEntityEvaluation(corpora),
          subjectsTopLevelFirst: subjectsRight / docs.length,
          subjectsTestSplits: subjectFigures,
          language: languageRight / docs.length,
          languageSet: languageSetRight / languageSet.length,
          articlesPerSecond: { wiredesk: ourRate, compromise: compromiseRate, articleChars: avgSize },
          startup,
        },
        null,
        2,
      ),
    );
  }
}

function summarizeQuality(q: QualityReport): Record<string, { p: number; r: number; f1: number }> {
  const out: Record<string, { p: number; r: number; f1: number }> = {
    all: prf(q.all),
    english: prf(q.english),
    otherLanguages: prf(q.otherLanguages),
  };
  for (const k of KINDS) out[k] = prf(q.byKind[k]);
  return out;
}

/** The top-level topic of a subject: the broader entry of the same machine group with a top-level code. */
function topLevelOf(uri: string, subjects: { uri: string }[]): string {
  const code = uri.replace(/.*\//, '');
  if (/^\d\d000000$/.test(code)) return code;
  // subjects are listed specific-first, then their broader chain up to the top level
  const start = subjects.findIndex((s) => s.uri === uri);
  for (let i = start + 1; i < subjects.length; i++) {
    const c = subjects[i].uri.replace(/.*\//, '');
    if (/^\d\d000000$/.test(c)) return c;
  }
  return code;
}

main();

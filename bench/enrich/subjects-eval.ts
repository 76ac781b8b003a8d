/**
 * Subject evaluation on held-out splits, per dataset (bench/enrich/scripts/subject-data.ts says which split is which):
 * top-level accuracy@1 and macro-F1 with the classifier forced to answer, calibration (expected calibration error,
 * 10 equal-width bins, on the confidence of the first top-level topic), and coverage and accuracy at the abstention
 * threshold the model ships with. For the snippets written for Wiredesk, also whether the right level-2 topic is
 * among the machine's subjects. Runs the whole enricher, as a service would.
 *
 *   npm run build && node dist/bench/enrich/subjects-eval.js [--split dev|test] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { createEnricher, type EnrichInput, type Enrichment, type SubjectTag } from '@wiredesk/enrich';
import {
  arisetv,
  datasetsDir,
  type LabelledText,
  mediaTopicRows,
  sib200,
  snippets,
  type Split,
} from './scripts/subject-data';

type Enrich = (input: EnrichInput) => Enrichment;

export interface DatasetFigures {
  dataset: string;
  texts: number;
  /** forced to answer: share whose first top-level topic is right */
  accuracy: number;
  macroF1: number;
  ece: number;
  /** at the shipped threshold: share answered, and share of those right */
  coverage: number;
  answeredAccuracy: number;
  /** written snippets with a level-2 label: share whose level-2 topic the machine gave (at the threshold) */
  level2?: number;
}

const topCode = (uri: string): string => uri.replace(/.*\//, '');

/** The top-level topic of the first machine subject, and its confidence: subjects list specific-first, then broader. */
export function firstTopLevel(subjects: readonly SubjectTag[]): { id: string; confidence: number } | undefined {
  const machine = subjects.filter((s) => s.creator === 'machine');
  for (const s of machine) {
    const code = topCode(s.uri);
    if (/^\d\d000000$/.test(code)) return { id: code, confidence: s.confidence / 100 };
  }
  return undefined;
}

function expectedCalibrationError(items: readonly { p: number; right: boolean }[], bins = 10): number {
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const inBin = items.filter((x) => Math.min(bins - 1, Math.floor(x.p * bins)) === b);
    if (!inBin.length) continue;
    const conf = inBin.reduce((s, x) => s + x.p, 0) / inBin.length;
    const acc = inBin.filter((x) => x.right).length / inBin.length;
    ece += (inBin.length / items.length) * Math.abs(conf - acc);
  }
  return ece;
}

function macroF1(gold: readonly string[], predicted: readonly (string | undefined)[]): number {
  const classes = [...new Set(gold)];
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === c && g === c) tp++;
      else {
        if (p === c) fp++;
        if (g === c) fn++;
      }
    });
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return classes.length ? sum / classes.length : 0;
}

const input = (t: LabelledText): EnrichInput => ({
  headline: t.headline,
  paragraphs: t.paragraphs,
  captions: [],
  sourceSubjects: [],
  ...(t.language ? { language: t.language } : {}),
});

/**
 * Figures per dataset. `forced` answers always (abstention off); `shipped` is the enricher as it ships. Pass the same
 * enricher twice when it cannot abstain (the old naive Bayes).
 */
export function evaluateSubjects(forced: Enrich, shipped: Enrich, split: Split): DatasetFigures[] {
  const root = datasetsDir();
  if (!root) return [];
  const rows = mediaTopicRows();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const topOf = (id: string): string => byId.get(id)?.top ?? id;
  const level2Of = (id: string): string | undefined => {
    let r = byId.get(id);
    while (r && r.level > 2) r = r.parent ? byId.get(r.parent) : undefined;
    return r?.level === 2 ? r.id : undefined;
  };
  const texts = [...sib200(root, split), ...arisetv(root, split), ...snippets(split)];
  const out: DatasetFigures[] = [];
  for (const dataset of [...new Set(texts.map((t) => t.dataset))]) {
    const of = texts.filter((t) => t.dataset === dataset);
    const gold = of.map((t) => topOf(t.topics[0]));
    const forcedTop = of.map((t) => firstTopLevel(forced(input(t)).subjects));
    const shippedResults = of.map((t) => shipped(input(t)).subjects);
    const shippedTop = shippedResults.map(firstTopLevel);
    const right = (p: { id: string } | undefined, i: number): boolean => p?.id === gold[i];
    const answered = shippedTop.filter((p) => p !== undefined).length;
    const figures: DatasetFigures = {
      dataset,
      texts: of.length,
      accuracy: forcedTop.filter(right).length / of.length,
      macroF1: macroF1(
        gold,
        forcedTop.map((p) => p?.id),
      ),
      ece: expectedCalibrationError(forcedTop.map((p, i) => ({ p: p?.confidence ?? 0, right: right(p, i) }))),
      coverage: answered / of.length,
      answeredAccuracy: answered ? shippedTop.filter(right).length / answered : 0,
    };
    const withLevel2 = of.map((t, i) => ({ l2: level2Of(t.topics[0]), i })).filter((x) => x.l2);
    if (dataset === 'written' && withLevel2.length) {
      figures.level2 =
        withLevel2.filter((x) => shippedResults[x.i].some((s) => s.creator === 'machine' && topCode(s.uri) === x.l2))
          .length / withLevel2.length;
    }
    out.push(figures);
  }
  return out;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export function formatSubjectFigures(split: Split, figures: readonly DatasetFigures[]): string[] {
  if (!figures.length) return [`Subjects (${split} splits): ../shared/datasets not found, skipped`];
  const lines = [
    `Subjects, ${split} splits (top level; accuracy, macro-F1 and ECE with the model forced to answer; coverage and accuracy at the shipped threshold)`,
    `  ${'dataset'.padEnd(12)} ${'texts'.padStart(5)}  ${'acc@1'.padStart(7)}  ${'macro-F1'.padStart(8)}  ${'ECE'.padStart(6)}  ${'coverage'.padStart(8)}  ${'acc answered'.padStart(12)}`,
  ];
  for (const f of figures) {
    lines.push(
      `  ${f.dataset.padEnd(12)} ${String(f.texts).padStart(5)}  ${pct(f.accuracy).padStart(7)}  ${f.macroF1.toFixed(3).padStart(8)}  ${f.ece.toFixed(3).padStart(6)}  ${pct(f.coverage).padStart(8)}  ${pct(f.answeredAccuracy).padStart(12)}${f.level2 !== undefined ? `   level 2 given: ${pct(f.level2)}` : ''}`,
    );
  }
  return lines;
}

function main(): void {
  const i = process.argv.indexOf('--split');
  const split = (i > 0 ? process.argv[i + 1] : 'test') as Split;
  const shipped = createEnricher();
  const forced = createEnricher({ subjectThreshold: 0 });
  const figures = evaluateSubjects(
    (x) => forced.enrich(x),
    (x) => shipped.enrich(x),
    split,
  );
  console.log(formatSubjectFigures(split, figures).join('\n'));
  const j = process.argv.indexOf('--json');
  if (j > 0) writeFileSync(process.argv[j + 1], JSON.stringify({ split, figures }, null, 2));
}

if (require.main === module) main();

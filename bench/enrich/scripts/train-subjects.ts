/**
 * Trains the Media Topic classifier offline and writes libs/enrich/data/subject-model.json:
 *
 *   npm run enrich:train            (= npm run build && node dist/bench/enrich/scripts/train-subjects.js)
 *
 * Two stages of multinomial logistic regression over hashed words, word pairs and number shapes
 * (libs/enrich/src/subjects/topic-features.ts): one over the 17 top-level Media Topics, then one per top-level topic
 * over its level-2 topics. Each is calibrated by a temperature and given an abstention threshold, both fitted on the
 * dev splits (subject-data.ts). Training text (train splits only): SIB-200 and AriseTV, the IPTC names and
 * definitions in 15 locales, the snippets written for Wiredesk, and the subject codes on our own agency-format
 * fixtures. Deeper levels come from topic names found in the text under the chosen level-2 topic.
 *
 * Same command, same weights: no clock, seeded shuffles. Options (for experiments on dev; the defaults are what ships):
 *   --epochs N --lr X --l2 X --iptc-weight X --snippet-weight X --fixture-weight X --balance X --prune X --out FILE
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from '../../../libs/enrich/src/data-files';
import { LinearModel, type LinearModelFile, softmax } from '../../../libs/enrich/src/subjects/linear-model';
import { MediaTopics, type MediaTopicsFile } from '../../../libs/enrich/src/subjects/media-topics';
import type { SubjectModelFile } from '../../../libs/enrich/src/subjects/subject-model';
import { loadStopwords } from '../../../libs/enrich/src/resources';
import { PUNCT, type Token, tokenizeSegment } from '../../../libs/enrich/src/text/tokenizer';
import { normalizeBytes } from '../../../libs/pipeline/src/normalize';
import { buildEnrichInput } from '../../../libs/pipeline/src/enrich-input';
import { type Example, fitTemperature, fitThreshold, quantise, train, type TrainOptions } from './logistic-regression';
import {
  arisetv,
  datasetsDir,
  type LabelledText,
  localeLanguage,
  mediaTopicRows,
  type MediaTopicRow,
  sib200,
  snippets,
} from './subject-data';
import { Featurizer, type Vector } from './subject-featurize';
import { dataDir, repoRoot } from './paths';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Our own agency-format fixtures that carry the agency's subject codes (NITF, NewsML-G2). */
function fixtureTexts(topics: MediaTopics): LabelledText[] {
  const out: LabelledText[] = [];
  for (const folder of ['nitf', 'newsml-g2', 'newsml-g2/iptc']) {
    const dir = join(repoRoot(), 'test', 'fixtures', folder);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()) {
      let articles;
      try {
        articles = normalizeBytes(readFileSync(join(dir, file)), { filename: file }).articles;
      } catch {
        continue; // a fixture that is meant to fail parsing
      }
      for (const a of articles) {
        const input = buildEnrichInput(a);
        const codes = [...new Set(input.sourceSubjects.map((s) => topics.resolve(s.code)).filter(Boolean))] as string[];
        if (codes.length && input.paragraphs.length)
          out.push({ dataset: 'fixtures', headline: input.headline, paragraphs: input.paragraphs, topics: codes });
      }
    }
  }
  return out;
}

/**
 * Story-length dev texts: our dev items are one to three sentences, agency stories run to dozens. Consecutive dev items
 * of AriseTV and of the written snippets with the same top-level topic are joined, six at a time, into one text
 * (dataset "long"), so that dev measures and calibrates the model on long copy too.
 */
function longTexts(dev: readonly LabelledText[], topOf: (id: string) => string | undefined): LabelledText[] {
  const out: LabelledText[] = [];
  for (const dataset of ['arisetv', 'written']) {
    const groups = new Map<string, LabelledText[]>();
    for (const t of dev.filter((x) => x.dataset === dataset)) {
      const top = topOf(t.topics[0]);
      if (!top) continue;
      const g = groups.get(top) ?? [];
      g.push(t);
      groups.set(top, g);
    }
    for (const [top, items] of groups) {
      for (let i = 0; i + 6 <= items.length; i += 6) {
        const part = items.slice(i, i + 6);
        out.push({
          dataset: 'long',
          language: part[0].language,
          headline: part[0].headline,
          paragraphs: part.flatMap((p, k) => (k > 0 && p.headline ? [p.headline, ...p.paragraphs] : p.paragraphs)),
          topics: [top],
        });
      }
    }
  }
  return out;
}

interface Options extends TrainOptions {
  iptcWeight: number;
  snippetWeight: number;
  fixtureWeight: number;
  prune: number;
  balance: number;
  normPower: number;
}

class Trainer {
  private readonly featurizer: Featurizer;
  private readonly rows: MediaTopicRow[] = mediaTopicRows();
  private readonly byId = new Map(this.rows.map((r) => [r.id, r]));
  private readonly topics = new MediaTopics(readJson<MediaTopicsFile>(dataDir(), 'mediatopics.json'));
  readonly topClasses = this.rows.filter((r) => r.level === 1).map((r) => r.id);
  private readonly vectors = new Map<LabelledText, Vector>();

  constructor(private readonly opts: Options) {
    this.featurizer = new Featurizer(dataDir(), opts.normPower);
  }

  topOf(id: string): string | undefined {
    return this.byId.get(id)?.top;
  }

  /** The level-2 topic at or above `id` (undefined for a top-level id). */
  level2Of(id: string): string | undefined {
    let r = this.byId.get(id);
    while (r && r.level > 2) r = r.parent ? this.byId.get(r.parent) : undefined;
    return r?.level === 2 ? r.id : undefined;
  }

  vector(t: LabelledText): Vector {
    let v = this.vectors.get(t);
    if (!v) this.vectors.set(t, (v = this.featurizer.vector(t.headline, t.paragraphs, t.language)));
    return v;
  }

  /** The IPTC vocabulary as text: one example per topic and locale, the name and its definition. */
  iptcTexts(): LabelledText[] {
    const out: LabelledText[] = [];
    for (const r of this.rows)
      for (const t of r.texts)
        out.push({
          dataset: 'iptc',
          language: localeLanguage(t.locale) ?? 'und',
          paragraphs: [`${t.name}. ${t.definition}`],
          topics: [r.id],
        });
    return out;
  }

  examples(
    texts: readonly { t: LabelledText; weight: number }[],
    classes: string[],
    labelOf: (id: string) => string | undefined,
  ): Example[] {
    const index = new Map(classes.map((c, i) => [c, i]));
    const out: Example[] = [];
    for (const { t, weight } of texts) {
      const labels = [...new Set(t.topics.map(labelOf).filter((l): l is string => !!l && index.has(l)))];
      for (const l of labels)
        out.push({ ...this.vector(t), label: index.get(l)!, weight: weight / labels.length, dataset: t.dataset });
    }
    return out;
  }

  /**
   * Evens out how much each class weighs in training (by the power `balance`: 0 = as the data come, 1 = every class
   * the same total), so the topics only our snippets and the IPTC definitions cover are not drowned by the six the
   * open sets cover.
   */
  balanced(examples: Example[], classes: string[]): Example[] {
    const total = new Float64Array(classes.length);
    for (const e of examples) total[e.label] += e.weight;
    let sum = 0;
    let present = 0;
    for (const t of total) {
      if (t <= 0) continue;
      sum += t;
      present++;
    }
    const target = sum / present;
    return examples.map((e) => ({ ...e, weight: e.weight * Math.pow(target / total[e.label], this.opts.balance) }));
  }

  /** Trains, quantises, then fits temperature and threshold on dev through the stored (quantised) model. */
  fit(examples: Example[], classes: string[], dev: Example[], name: string): LinearModelFile {
    const trained = train(this.balanced(examples, classes), classes, this.opts);
    let file = quantise(trained, 1, 0, this.opts.prune);
    if (dev.length >= 10) {
      const model = new LinearModel(file);
      const z = dev.map((e) => model.scores(e.ids, e.values, e.ids.length, new Float64Array(classes.length)));
      const temperature = fitTemperature(
        z,
        dev.map((e) => e.label),
      );
      const scored = z.map((s, i) => {
        const p = softmax(Float64Array.from(s), temperature);
        let best = 0;
        for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return { p: p[best], right: best === dev[i].label };
      });
      const threshold = fitThreshold(scored);
      file = { ...file, temperature, threshold };
      const right = scored.filter((s) => s.right).length;
      log(
        `  ${name}: ${examples.length} examples, dev ${dev.length}: accuracy ${((100 * right) / dev.length).toFixed(1)} %, temperature ${temperature}, threshold ${threshold}`,
      );
      let meanAccuracy = 0;
      const datasets = [...new Set(dev.map((e) => e.dataset))];
      for (const ds of datasets) {
        const of = scored.filter((_, i) => dev[i].dataset === ds);
        meanAccuracy += of.filter((s) => s.right).length / of.length / datasets.length;
        const answered = of.filter((s) => s.p >= threshold);
        log(
          `    dev ${ds}: ${of.length}, accuracy ${((100 * of.filter((s) => s.right).length) / of.length).toFixed(1)} %; answered ${((100 * answered.length) / of.length).toFixed(1)} %, of which right ${((100 * answered.filter((s) => s.right).length) / Math.max(1, answered.length)).toFixed(1)} %`,
        );
      }
      log(`    dev mean accuracy over datasets: ${(100 * meanAccuracy).toFixed(1)} %`);
    } else log(`  ${name}: ${examples.length} examples, dev ${dev.length} (too few to fit: T 1, threshold 0.5)`);
    if (dev.length < 10) file = { ...file, temperature: 1, threshold: 0.5 };
    return file;
  }

  run(): SubjectModelFile {
    const root = datasetsDir();
    if (!root) throw new Error('../shared/datasets not found (set WIREDESK_DATASETS)');
    const { iptcWeight, snippetWeight, fixtureWeight } = this.opts;
    const fixtures = fixtureTexts(this.topics);
    const trainSet = [
      ...this.iptcTexts().map((t) => ({ t, weight: iptcWeight })),
      ...sib200(root, 'train').map((t) => ({ t, weight: 1 })),
      ...arisetv(root, 'train').map((t) => ({ t, weight: 1 })),
      ...snippets('train').map((t) => ({ t, weight: snippetWeight })),
      ...fixtures.map((t) => ({ t, weight: fixtureWeight })),
    ];
    const devTexts = [...sib200(root, 'dev'), ...arisetv(root, 'dev'), ...snippets('dev')];
    const dev = [...devTexts, ...longTexts(devTexts, (id) => this.topOf(id))].map((t) => ({ t, weight: 1 }));
    log(`training texts: ${trainSet.length} (${fixtures.length} fixtures), dev texts: ${dev.length}`);

    const top = this.fit(
      this.examples(trainSet, this.topClasses, (id) => this.topOf(id)),
      this.topClasses,
      this.examples(dev, this.topClasses, (id) => this.topOf(id)),
      'top level',
    );

    // stage 2: per top-level topic, its level-2 topics; one temperature and threshold pooled over all branches' dev
    const branches: Record<string, LinearModelFile> = {};
    const branchDev: { z: Float64Array; label: number; top: string }[] = [];
    for (const topId of this.topClasses) {
      const classes = this.rows.filter((r) => r.level === 2 && r.parent === topId).map((r) => r.id);
      if (classes.length < 2) continue;
      const inBranch = (x: { t: LabelledText }): boolean => x.t.topics.some((id) => this.topOf(id) === topId);
      const labelOf = (id: string): string | undefined => this.level2Of(id);
      const examples = this.examples(trainSet.filter(inBranch), classes, labelOf);
      const trained = train(this.balanced(examples, classes), classes, this.opts);
      branches[topId] = quantise(trained, 1, 0, this.opts.prune);
      const model = new LinearModel(branches[topId]);
      for (const e of this.examples(dev.filter(inBranch), classes, labelOf))
        branchDev.push({
          z: model.scores(e.ids, e.values, e.ids.length, new Float64Array(classes.length)),
          label: e.label,
          top: topId,
        });
    }
    const temperature =
      branchDev.length >= 10
        ? fitTemperature(
            branchDev.map((d) => d.z),
            branchDev.map((d) => d.label),
          )
        : 1;
    const scored = branchDev.map((d) => {
      const p = softmax(Float64Array.from(d.z), temperature);
      let best = 0;
      for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
      return { p: p[best], right: best === d.label };
    });
    const threshold = branchDev.length >= 10 ? Math.max(0.5, fitThreshold(scored)) : 0.5;
    for (const b of Object.values(branches)) Object.assign(b, { temperature, threshold });
    log(
      `  level 2: ${Object.keys(branches).length} branch models, dev ${branchDev.length}: accuracy ${((100 * scored.filter((s) => s.right).length) / Math.max(1, scored.length)).toFixed(1)} %, temperature ${temperature}, threshold ${threshold}`,
    );
    return { version: 2, normPower: this.opts.normPower, top, branches, names: this.names() };
  }

  /** Topic names in every locale, as lower-case token sequences → topic ids (evidence for levels 3 and below). */
  names(): Record<string, string[]> {
    const stopwords = loadStopwords(dataDir());
    const names: Record<string, string[]> = {};
    for (const r of this.rows) {
      if (r.level < 3) continue;
      for (const name of new Set(r.texts.map((t) => t.name.toLowerCase()).filter(Boolean))) {
        const tokens: Token[] = [];
        tokenizeSegment(name, 0, tokens);
        const words = tokens.filter((k) => k.kind !== PUNCT).map((k) => k.lower);
        // single stop words and very short names ("art") match too much text to be evidence
        if (words.length === 0 || (words.length === 1 && (words[0].length < 5 || stopwords.has(words[0])))) continue;
        // phrases are looked up by their first word: one that is a stop word would be tried at every "the" or "de"
        if (stopwords.has(tokens[0].lower) || tokens[0].kind === PUNCT) continue;
        const phrase = tokens.map((k) => k.lower).join(' ');
        const ids = (names[phrase] ??= []);
        if (!ids.includes(r.id)) ids.push(r.id);
      }
    }
    return names;
  }
}

function main(): void {
  const opts: Options = {
    epochs: arg('--epochs', 12),
    learningRate: arg('--lr', 0.3),
    l2: arg('--l2', 1e-2),
    seed: 20260101,
    iptcWeight: arg('--iptc-weight', 0.1),
    snippetWeight: arg('--snippet-weight', 4),
    fixtureWeight: arg('--fixture-weight', 2),
    prune: arg('--prune', 0.01),
    balance: arg('--balance', 1),
    normPower: arg('--norm-power', 1),
    bias: arg('--bias', 0) === 1,
  };
  const out = process.argv.includes('--out')
    ? process.argv[process.argv.indexOf('--out') + 1]
    : join(dataDir(), 'subject-model.json');
  log(`options: ${JSON.stringify(opts)}`);
  const model = new Trainer(opts).run();
  writeFileSync(out, JSON.stringify(model));
  log(
    `${out}: ${(JSON.stringify(model).length / 2 ** 20).toFixed(1)} MB, ${Object.keys(model.names).length} name phrases`,
  );
}

main();

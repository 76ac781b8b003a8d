/**
 * Trains the Media Topic classifier offline and writes libs/enrich/data/subject-model.json:
 *   npm run build && node dist/bench/enrich/scripts/train-subjects.js [--alpha-top 0.05] [--alpha-fine 0.1]
 *
 * Training text: every live topic's names and definitions in all 15 locales of the IPTC vocabulary
 * (data/sources/mediatopics-2023-10-24.csv), and the team's labelled news snippets (data/training/*.jsonl, one
 * {"topics": [ids], "text": "..."} per line). The top-level model pools a topic's text into its top-level ancestor;
 * the fine model gives each topic its own text, a share of its narrower topics' text, and the labelled snippets.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStopwords } from '../../../libs/enrich/src/resources';
import { addFeatures } from '../../../libs/enrich/src/subjects/features';
import type { NaiveBayesFile, SubjectModelFile } from '../../../libs/enrich/src/subjects/subject-model';
import { PUNCT, type Token, tokenizeSegment } from '../../../libs/enrich/src/text/tokenizer';
import { parseCsv } from './csv';
import { dataDir } from './paths';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Weight of a labelled snippet relative to vocabulary text (--snippet-weight). */
const SNIPPET_WEIGHT = 3;
/** Share of a narrower topic's text that its broader topics also learn from (fine model). */
const DESCENDANT_SHARE = 0.3;

interface Topic {
  id: string;
  parent?: string;
  top: string;
  texts: string[];
  names: string[];
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function readTopics(dir: string): Map<string, Topic> {
  const rows = parseCsv(readFileSync(join(dir, 'sources', 'mediatopics-2023-10-24.csv'), 'utf8'));
  const header = rows[1];
  const nameCols = header.map((h, i) => (h.startsWith('Name (') ? i : -1)).filter((i) => i >= 0);
  const defCols = header.map((h, i) => (h.startsWith('Definition (') ? i : -1)).filter((i) => i >= 0);
  const cQcode = header.indexOf('NewsCode-QCode (flat)');
  const cRetired = header.indexOf('RetiredDate');
  const topics = new Map<string, Topic>();
  const stack: string[] = [];
  for (const row of rows.slice(2)) {
    if (!row[cQcode]) continue;
    const depth = ([2, 3, 4, 5, 6, 7].find((i) => row[i] !== '') ?? 2) - 1;
    const id = row[cQcode].replace('medtop:', '');
    stack[depth] = id;
    stack.length = depth + 1;
    if (row[cRetired]) continue;
    const names = nameCols.map((i) => row[i]).filter(Boolean);
    const defs = defCols.map((i) => row[i]).filter(Boolean);
    topics.set(id, {
      id,
      parent: depth > 1 ? stack[depth - 1] : undefined,
      top: stack[1],
      texts: [...names, ...defs],
      names,
    });
  }
  return topics;
}

function readSnippets(dir: string): { topics: string[]; text: string }[] {
  const folder = join(dir, 'training');
  const out: { topics: string[]; text: string }[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (line.trim()) out.push(JSON.parse(line) as { topics: string[]; text: string });
    }
  }
  return out;
}

class Counts {
  readonly perClass = new Map<string, Map<string, number>>();
  add(cls: string, features: ReadonlyMap<string, number>, weight: number): void {
    let m = this.perClass.get(cls);
    if (!m) this.perClass.set(cls, (m = new Map()));
    for (const [term, n] of features) m.set(term, (m.get(term) ?? 0) + n * weight);
  }
}

function toModel(counts: Counts, classes: string[], alpha: number): NaiveBayesFile {
  const vocabulary = new Set<string>();
  for (const m of counts.perClass.values()) for (const t of m.keys()) vocabulary.add(t);
  const v = vocabulary.size;
  const base: number[] = [];
  const terms: Record<string, number[]> = {};
  classes.forEach((cls, c) => {
    const m = counts.perClass.get(cls) ?? new Map<string, number>();
    let total = 0;
    for (const n of m.values()) total += n;
    base.push(round(Math.log(alpha / (total + alpha * v))));
    for (const [term, n] of m) {
      if (n <= 0) continue;
      (terms[term] ??= []).push(c, round(Math.log((n + alpha) / alpha)));
    }
  });
  return { classes, base, terms };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function features(text: string, stopwords: ReadonlyMap<string, number>): Map<string, number> {
  const tokens: Token[] = [];
  tokenizeSegment(text, 0, tokens);
  const out = new Map<string, number>();
  addFeatures(tokens, 0, tokens.length, stopwords, out, 1);
  return out;
}

function main(): void {
  const dir = dataDir();
  const alphaTop = arg('--alpha-top', 0.2);
  const alphaFine = arg('--alpha-fine', 0.1);
  const snippetWeight = arg('--snippet-weight', SNIPPET_WEIGHT);
  // --fold k/n leaves out every n-th snippet (from the k-th) for cross-validation; --out writes elsewhere
  const fold = process.argv.includes('--fold')
    ? process.argv[process.argv.indexOf('--fold') + 1].split('/').map(Number)
    : undefined;
  const outFile = process.argv.includes('--out')
    ? process.argv[process.argv.indexOf('--out') + 1]
    : join(dir, 'subject-model.json');
  const stopwords = loadStopwords(dir);
  const topics = readTopics(dir);
  const snippets = readSnippets(dir);
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let t = topics.get(id); t?.parent; t = topics.get(t.parent)) out.push(t.parent);
    return out;
  };

  const top = new Counts();
  const fine = new Counts();
  for (const t of topics.values()) {
    const f = features(t.texts.join(' . '), stopwords);
    top.add(t.top, f, 1);
    fine.add(t.id, f, 1);
    for (const a of ancestors(t.id)) fine.add(a, f, DESCENDANT_SHARE);
  }
  let used = 0;
  for (const [index, s] of snippets.entries()) {
    if (fold && index % fold[1] === fold[0]) continue;
    const f = features(s.text, stopwords);
    const labelled = s.topics.filter((id) => topics.has(id));
    if (labelled.length !== s.topics.length) log(`unknown topic in training snippet: ${s.topics.join(',')}`);
    const tops = new Set(labelled.map((id) => topics.get(id)!.top));
    for (const t of tops) top.add(t, f, snippetWeight);
    for (const id of labelled) fine.add(id, f, snippetWeight);
    if (labelled.length) used++;
  }

  const topClasses = [...new Set([...topics.values()].map((t) => t.top))].sort();
  const fineModels: Record<string, NaiveBayesFile> = {};
  let fineTerms = 0;
  for (const top of topClasses) {
    const classes = [...topics.values()]
      .filter((t) => t.top === top && t.id !== top)
      .map((t) => t.id)
      .sort();
    if (classes.length === 0) continue;
    fineModels[top] = toModel(fine, classes, alphaFine);
    fineTerms += Object.keys(fineModels[top].terms).length;
  }
  const names: Record<string, string[]> = {};
  for (const t of topics.values()) {
    for (const name of new Set(t.names.map((n) => n.toLowerCase()))) {
      const tokens: Token[] = [];
      tokenizeSegment(name, 0, tokens);
      const words = tokens.filter((k) => k.kind !== PUNCT).map((k) => k.lower);
      // single stop words and very short names ("art") match too much text to be evidence
      if (words.length === 0 || (words.length === 1 && (words[0].length < 4 || stopwords.has(words[0])))) continue;
      // phrases are looked up by their first word: one that is a stop word would be tried at every "the" or "de"
      if (stopwords.has(tokens[0].lower) || tokens[0].kind === PUNCT) continue;
      const phrase = tokens.map((k) => k.lower).join(' ');
      const ids = (names[phrase] ??= []);
      if (!ids.includes(t.id)) ids.push(t.id);
    }
  }
  const model: SubjectModelFile = {
    version: 1,
    trainedAt: new Date().toISOString().slice(0, 10),
    alpha: alphaTop,
    top: toModel(top, topClasses, alphaTop),
    fine: fineModels,
    names,
  };
  writeFileSync(outFile, JSON.stringify(model));
  log(
    `subject-model.json: ${topClasses.length} top-level topics, ${Object.keys(fineModels).length} branch models (${fineTerms} term entries), ${used} labelled snippets, ${Object.keys(names).length} name phrases`,
  );
}

main();

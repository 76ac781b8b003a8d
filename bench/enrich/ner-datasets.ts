/**
 * The named-entity corpora of ../shared/datasets, read into one shape (documents of sentences of tokens with BIO tags
 * over PER/ORG/LOC) and split into train/dev/test. Where a dataset has its own splits they are used; where it has
 * none, the split is deterministic by document (or sentence) index and written down here and in docs/entities.md:
 *
 *   universal-ner en_ewt      train / dev / test files as released
 *   universal-ner en_pud      one file: documents (newdoc) alternate dev / test (even index dev, odd test)
 *   universal-ner de_pud      one file: document index mod 10 = 0 test, 1 dev, else train
 *   wikigold                  one file: document (-DOCSTART-) index mod 10 = 0 test, 1 dev, else train
 *   broad-twitter-corpus      six files: tweet index within each file mod 10 = 0 test, 1 dev, else train
 *   wnut17                    train / dev / test files as released
 *   multiconer2-en            train90 train, train10 dev, en-dev (the official dev) test; lowercased text
 *   re3d                      per-document files sorted by path: index mod 10 = 0 test, 1 dev, else train
 *   germeval2014              dev + test files (no train file here) concatenated: sentence index mod 10 = 0 test, 1 dev, else train
 *   europeana de / fr         40-token windows (no sentence breaks in the source): index mod 10 = 0 test, 1 dev, else train
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type NerType = 'PER' | 'ORG' | 'LOC';
export type Split = 'train' | 'dev' | 'test';

export interface NerSentence {
  tokens: string[];
  /** IOB2 over PER, ORG, LOC ("O", "B-PER", "I-PER", …) */
  tags: string[];
}

export interface NerDoc {
  id: string;
  sentences: NerSentence[];
}

export interface NerCorpus {
  /** e.g. "en_ewt", "germeval2014" */
  name: string;
  language: 'en' | 'de' | 'fr';
  split: Split;
  docs: NerDoc[];
  /** share of this corpus's sentences used per training epoch (down-weighting noisy or off-register sets) */
  weight: number;
  /** the source text is all lower case (MultiCoNER): capitalisation cues mean nothing there */
  lowercased?: boolean;
}

/** ../shared/datasets, found by walking up from here (worktree or main checkout), or NER_DATASETS. */
export function datasetsDir(): string | undefined {
  if (process.env.NER_DATASETS) return process.env.NER_DATASETS;
  let dir = __dirname;
  for (;;) {
    for (const c of [join(dir, 'shared', 'datasets'), join(dir, '..', 'shared', 'datasets')]) {
      if (existsSync(join(c, 'README.md')) && existsSync(join(c, 'universal-ner'))) return c;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface Mapping {
  map: Record<string, string | null>;
  typo_fixes?: Record<string, string | null>;
}

function loadMapping(root: string, folder: string): (label: string) => NerType | null {
  const m = JSON.parse(readFileSync(join(root, folder, 'label_map.json'), 'utf8')) as Mapping;
  return (label) => {
    const fixed = m.typo_fixes && label in m.typo_fixes ? m.typo_fixes[label] : label;
    if (fixed === null || fixed === undefined) return null;
    const mapped = m.map[fixed];
    return mapped === 'PER' || mapped === 'ORG' || mapped === 'LOC' ? mapped : null;
  };
}

/** Source tags (IOB1 or IOB2, any label set) → IOB2 over our three types; other types become O. */
export function normalizeTags(raw: string[], mapLabel: (label: string) => NerType | null): string[] {
  const out: string[] = [];
  let prevType: NerType | null = null;
  for (const tag of raw) {
    const dash = tag.indexOf('-');
    const prefix = dash > 0 ? tag.slice(0, dash) : tag;
    const label = dash > 0 ? tag.slice(dash + 1) : '';
    const type = prefix === 'B' || prefix === 'I' ? mapLabel(label) : null;
    if (!type) {
      out.push('O');
      prevType = null;
      continue;
    }
    out.push(prefix === 'B' || prevType !== type ? `B-${type}` : `I-${type}`);
    prevType = type;
  }
  return out;
}

/** Blank-line separated blocks of token lines; `docBreak` lines start a new document. */
function readBlocks(
  text: string,
  parse: (line: string) => [string, string] | undefined,
  docBreak: (line: string) => boolean,
): { raw: { tokens: string[]; tags: string[] }[]; docStarts: number[] } {
  const raw: { tokens: string[]; tags: string[] }[] = [];
  const docStarts: number[] = [];
  let cur: { tokens: string[]; tags: string[] } = { tokens: [], tags: [] };
  const flush = (): void => {
    if (cur.tokens.length) raw.push(cur);
    cur = { tokens: [], tags: [] };
  };
  for (const line of text.split(/\r?\n/)) {
    if (docBreak(line)) {
      flush();
      docStarts.push(raw.length);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const p = parse(line);
    if (p && p[0].length > 0) {
      cur.tokens.push(p[0]);
      cur.tags.push(p[1]);
    }
  }
  flush();
  return { raw, docStarts };
}

function group(name: string, sentences: NerSentence[], docStarts: number[]): NerDoc[] {
  if (!docStarts.length) return sentences.map((s, i) => ({ id: `${name}#${i}`, sentences: [s] }));
  const starts = [...new Set([0, ...docStarts])].filter((s) => s < sentences.length).sort((a, b) => a - b);
  return starts.map((s, k) => ({
    id: `${name}#${k}`,
    sentences: sentences.slice(s, starts[k + 1] ?? sentences.length),
  }));
}

const bySplit = (i: number): Split => (i % 10 === 0 ? 'test' : i % 10 === 1 ? 'dev' : 'train');

function tabCols(tokenCol: number, tagCol: number, sep: RegExp = /\t/): (line: string) => [string, string] | undefined {
  return (line) => {
    if (line.startsWith('#')) return undefined;
    const cols = line.split(sep);
    return cols.length > Math.max(tokenCol, tagCol) ? [cols[tokenCol], cols[tagCol].trim()] : undefined;
  };
}

function readFile(
  root: string,
  folder: string,
  file: string,
  parse: (line: string) => [string, string] | undefined,
  docBreak: (line: string) => boolean = () => false,
): NerDoc[] {
  const mapLabel = loadMapping(root, folder);
  const { raw, docStarts } = readBlocks(readFileSync(join(root, folder, file), 'utf8'), parse, docBreak);
  const sentences = raw.map((r) => ({ tokens: r.tokens, tags: normalizeTags(r.tags, mapLabel) }));
  return group(file, sentences, docStarts);
}

function pick(docs: NerDoc[], split: Split, rule: (i: number) => Split = bySplit): NerDoc[] {
  return docs.filter((_, i) => rule(i) === split);
}

/** re3d marks analysts' mentions ("mourners"), not only names: spans without a capital letter are dropped. */
function onlyCapitalisedSpans(s: NerSentence): NerSentence {
  const tags = [...s.tags];
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i].startsWith('B-')) continue;
    let j = i + 1;
    while (j < tags.length && tags[j].startsWith('I-')) j++;
    if (!s.tokens.slice(i, j).some((t) => /^\p{Lu}/u.test(t))) for (let k = i; k < j; k++) tags[k] = 'O';
  }
  return { tokens: s.tokens, tags };
}

/** Europeana has no sentence breaks: 40-token windows, cut after a full stop when one comes late enough. */
function windows(docs: NerDoc[]): NerDoc[] {
  const out: NerSentence[] = [];
  for (const d of docs)
    for (const s of d.sentences) {
      let from = 0;
      while (from < s.tokens.length) {
        let to = Math.min(s.tokens.length, from + 40);
        for (let k = to - 1; k > from + 15 && to - from === 40; k--) {
          if (s.tokens[k] === '.' && !(s.tags[k + 1] ?? 'O').startsWith('I-')) {
            to = k + 1;
            break;
          }
        }
        while (to < s.tokens.length && (s.tags[to] ?? 'O').startsWith('I-')) to++;
        out.push({ tokens: s.tokens.slice(from, to), tags: s.tags.slice(from, to) });
        from = to;
      }
    }
  return out.map((s, i) => ({ id: `w${i}`, sentences: [s] }));
}

/** Every corpus part of one split. `root` defaults to datasetsDir(). */
export function loadCorpora(split: Split, root = datasetsDir()): NerCorpus[] {
  if (!root) return [];
  const out: NerCorpus[] = [];
  const uner = tabCols(1, 2);
  const newdoc = (l: string): boolean => l.startsWith('# newdoc');
  const ewtFile = { train: 'en_ewt-ud-train.iob2', dev: 'en_ewt-ud-dev.iob2', test: 'en_ewt-ud-test.iob2' }[split];
  out.push({
    name: 'en_ewt',
    language: 'en',
    split,
    weight: 1,
    docs: readFile(root, 'universal-ner', `en_ewt/${ewtFile}`, uner, newdoc),
  });
  if (split !== 'train') {
    const pud = readFile(root, 'universal-ner', 'en_pud/en_pud-ud-test.iob2', uner, newdoc);
    out.push({
      name: 'en_pud',
      language: 'en',
      split,
      weight: 1,
      docs: pick(pud, split, (i) => (i % 2 === 0 ? 'dev' : 'test')),
    });
  }
  const wikigold = readFile(root, 'wikigold-ner', 'wikigold.conll.txt', tabCols(0, 1, / /), (l) =>
    l.startsWith('-DOCSTART-'),
  );
  out.push({ name: 'wikigold', language: 'en', split, weight: 1, docs: pick(wikigold, split) });
  const btc: NerDoc[] = [];
  for (const f of ['a', 'b', 'e', 'f', 'g', 'h'])
    btc.push(...pick(readFile(root, 'broad-twitter-corpus-ner', `${f}.conll`, tabCols(0, 1)), split));
  out.push({ name: 'broad-twitter-corpus', language: 'en', split, weight: 0.7, docs: btc });
  const wnutFile = { train: 'wnut17train.conll', dev: 'emerging.dev.conll', test: 'emerging.test.annotated' }[split];
  out.push({
    name: 'wnut17',
    language: 'en',
    split,
    weight: 0.3,
    docs: readFile(root, 'wnut17-ner', wnutFile, tabCols(0, 1)),
  });
  const mcFile = { train: 'en-train90.conll', dev: 'en-train10.conll', test: 'en-dev.conll' }[split];
  out.push({
    name: 'multiconer2-en',
    language: 'en',
    split,
    weight: 0.15,
    lowercased: true,
    docs: readFile(root, 'multiconer2-en-ner', mcFile, tabCols(0, 3, / /)),
  });
  const re3dDocs: NerDoc[] = [];
  const re3dRoot = join(root, 're3d-ner');
  const re3dFiles = readdirSync(re3dRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'LICENSES')
    .flatMap((d) => readdirSync(join(re3dRoot, d.name)).map((f) => `${d.name}/${f}`))
    .filter((f) => f.endsWith('.conll'))
    .sort();
  re3dFiles.forEach((f, i) => {
    if (bySplit(i) !== split) return;
    const sentences = readFile(root, 're3d-ner', f, tabCols(0, 1)).flatMap((d) => d.sentences);
    re3dDocs.push({ id: f, sentences: sentences.map(onlyCapitalisedSpans) });
  });
  out.push({ name: 're3d', language: 'en', split, weight: 0.5, docs: re3dDocs });

  const germeval = [
    ...readFile(root, 'germeval2014-ner', 'germeval2014-dev.tsv', tabCols(1, 2)),
    ...readFile(root, 'germeval2014-ner', 'germeval2014-test.tsv', tabCols(1, 2)),
  ];
  out.push({ name: 'germeval2014', language: 'de', split, weight: 1, docs: pick(germeval, split) });
  const dePud = readFile(root, 'universal-ner', 'de_pud/de_pud-ud-test.iob2', uner, newdoc);
  out.push({ name: 'de_pud', language: 'de', split, weight: 1, docs: pick(dePud, split) });
  const spaceCols = tabCols(0, 1, / /);
  const europeanaDe = windows(
    ['enp_DE.lft.bio', 'enp_DE.onb.bio', 'enp_DE.sbb.bio'].flatMap((f) =>
      readFile(root, 'europeana-newspapers-ner', f, spaceCols),
    ),
  );
  out.push({ name: 'europeana-de', language: 'de', split, weight: 0.3, docs: pick(europeanaDe, split) });
  const europeanaFr = windows(readFile(root, 'europeana-newspapers-ner', 'enp_FR.bnf.bio', spaceCols));
  out.push({ name: 'europeana-fr', language: 'fr', split, weight: 0.3, docs: pick(europeanaFr, split) });
  return out;
}

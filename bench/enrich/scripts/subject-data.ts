/**
 * The labelled text the subject classifier learns from and is measured on, split once and for all:
 *
 * - SIB-200 topics (en, fr, de, es): the dataset's own train/dev/test split (same sentence ids in every language).
 * - AriseTV news topics (en): the dataset's test split (minus titles also in train); its train split is cut into
 *   train and dev by a hash of the title (one in eight to dev), so duplicates under two labels stay together.
 * - Snippets written for Wiredesk (libs/enrich/data/training/*.jsonl): 70 / 15 / 15 by a hash of the text.
 * - IPTC Media Topics names and definitions (15 locales) and the subject codes of our own agency-format fixtures:
 *   training only (they are not news to be measured on).
 *
 * Nothing here reads ../shared/realworld (the formats benchmark). Deterministic: no clock, no randomness.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashString } from '../../../libs/enrich/src/subjects/topic-features';
import { parseCsv } from './csv';
import { dataDir, repoRoot } from './paths';

export type Split = 'train' | 'dev' | 'test';

export interface LabelledText {
  dataset: string;
  /** en, fr, de, es, … or undefined (detected from the text) */
  language?: string;
  headline?: string;
  paragraphs: string[];
  /** Media Topic ids: the top level for the open sets, any level for snippets and fixtures */
  topics: string[];
}

export interface MediaTopicRow {
  id: string;
  parent?: string;
  top: string;
  level: number;
  /** names and definitions per locale column ("en-GB", "fr", …) */
  texts: { locale: string; name: string; definition: string }[];
}

/** WIREDESK_DATASETS, else shared/datasets in the nearest folder above the repository (the workspace layout). */
export function datasetsDir(): string | undefined {
  if (process.env.WIREDESK_DATASETS) return process.env.WIREDESK_DATASETS;
  for (let dir = dirname(repoRoot()); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'datasets');
    if (existsSync(join(candidate, 'sib200-topics'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

const SIB_LANGUAGES: Record<string, string> = { eng_Latn: 'en', fra_Latn: 'fr', deu_Latn: 'de', spa_Latn: 'es' };

function labelMap(dir: string): Record<string, string | null> {
  const file = JSON.parse(readFileSync(join(dir, 'label_map.json'), 'utf8')) as { map: Record<string, string | null> };
  return file.map;
}

const medtopId = (qcode: string): string => qcode.replace('medtop:', '');

export function sib200(root: string, split: Split): LabelledText[] {
  const dir = join(root, 'sib200-topics');
  const map = labelMap(dir);
  const out: LabelledText[] = [];
  for (const [folder, language] of Object.entries(SIB_LANGUAGES)) {
    const rows = readFileSync(join(dir, folder, `${split}.tsv`), 'utf8')
      .split('\n')
      .slice(1);
    for (const row of rows) {
      const [, category, text] = row.split('\t');
      const target = category ? map[category] : undefined;
      if (!target || !text) continue; // geography has no Media Topic: dropped, as label_map.json says
      out.push({ dataset: `sib200-${language}`, language, paragraphs: [text.trim()], topics: [medtopId(target)] });
    }
  }
  return out;
}

export function arisetv(root: string, split: Split): LabelledText[] {
  const dir = join(root, 'arisetv-news-topics');
  const map = labelMap(dir);
  const read = (file: string): { title: string; excerpt: string; topic: string }[] =>
    parseCsv(readFileSync(join(dir, file), 'utf8'))
      .slice(1)
      .filter((r) => r.length >= 3 && map[r[2].trim()])
      .map((r) => ({ title: r[0].trim(), excerpt: r[1].trim(), topic: medtopId(map[r[2].trim()]!) }));
  const train = read('train.csv');
  let rows: { title: string; excerpt: string; topic: string }[];
  if (split === 'test') {
    const trainTitles = new Set(train.map((r) => r.title.toLowerCase()));
    rows = read('test.csv').filter((r) => !trainTitles.has(r.title.toLowerCase()));
  } else {
    rows = train.filter((r) => (hashString(r.title.toLowerCase()) % 8 === 0) === (split === 'dev'));
  }
  return rows.map((r) => ({
    dataset: 'arisetv',
    language: 'en',
    headline: r.title,
    paragraphs: r.excerpt ? [r.excerpt] : [],
    topics: [r.topic],
  }));
}

interface SnippetLine {
  topics: string[];
  text: string;
  headline?: string;
  language?: string;
}

/** The split a written snippet belongs to: fixed by its text. */
export function snippetSplit(text: string): Split {
  const bucket = hashString(text) % 100;
  return bucket < 70 ? 'train' : bucket < 85 ? 'dev' : 'test';
}

export function snippets(split: Split): LabelledText[] {
  const folder = join(dataDir(), 'training');
  const out: LabelledText[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const s = JSON.parse(line) as SnippetLine;
      if (snippetSplit(s.text) !== split) continue;
      out.push({
        dataset: 'written',
        language: s.language,
        headline: s.headline,
        paragraphs: s.text.split(/\n{2,}/),
        topics: s.topics,
      });
    }
  }
  return out;
}

/** Every live topic of the IPTC vocabulary with its names and definitions in each locale. */
export function mediaTopicRows(): MediaTopicRow[] {
  const rows = parseCsv(readFileSync(join(dataDir(), 'sources', 'mediatopics-2023-10-24.csv'), 'utf8'));
  const header = rows[1];
  const locales: { locale: string; name: number; definition: number }[] = [];
  header.forEach((h, i) => {
    const m = /^Name \((.+)\)$/.exec(h);
    if (m) locales.push({ locale: m[1], name: i, definition: header.indexOf(`Definition (${m[1]})`) });
  });
  const cQcode = header.indexOf('NewsCode-QCode (flat)');
  const cRetired = header.indexOf('RetiredDate');
  const out: MediaTopicRow[] = [];
  const stack: string[] = [];
  for (const row of rows.slice(2)) {
    if (!row[cQcode]) continue;
    const level = [2, 3, 4, 5, 6, 7].find((i) => row[i] !== '') ?? 2;
    const depth = level - 1;
    const id = medtopId(row[cQcode]);
    stack[depth] = id;
    stack.length = depth + 1;
    if (row[cRetired]) continue;
    out.push({
      id,
      parent: depth > 1 ? stack[depth - 1] : undefined,
      top: stack[1],
      level: depth,
      texts: locales
        .map((l) => ({ locale: l.locale, name: row[l.name] ?? '', definition: row[l.definition] ?? '' }))
        .filter((t) => t.name || t.definition),
    });
  }
  return out;
}

/** Locale column of the IPTC file → our language code (undefined: a language we keep no stop words for). */
export function localeLanguage(locale: string): string | undefined {
  const base = locale.slice(0, 2);
  return ['en', 'fr', 'de', 'es', 'pt'].includes(base) ? base : undefined;
}

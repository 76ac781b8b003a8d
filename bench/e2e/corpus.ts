/**
 * The benchmark corpus: templates from the project's fixtures (every wire format) and the 181 real pages of
 * ../shared/bench/article-extraction (HTML as served, and flattened text), turned into N distinct stories by changing
 * each template's ids and headline per copy. Every template is normalized once in-process to learn how many articles
 * it yields and to check that a changed copy really is a different story (different uris).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contentTypeForFile } from '@wiredesk/formats';
import { gunzipSync } from 'node:zlib';
import { normalizeBytes } from '@wiredesk/pipeline';

export type Category = 'fixture' | 'page-text' | 'page-html';

export interface Template {
  name: string;
  category: Category;
  bytes: Buffer;
  contentType: string;
  /** articles one copy yields (distinct uri+version pairs) */
  articles: number;
  /** strings of the template replaced per copy, each with a copy-specific variant */
  replacements: { find: string; make: (tag: string) => string }[];
  latin1: boolean;
}

export interface CorpusItem {
  template: Template;
  value: Buffer;
  ingestId: string;
}

export interface CorpusStats {
  templates: Record<Category, number>;
  templatesDropped: number;
  items: number;
  articles: number;
  bytes: number;
  byCategory: Record<Category, { items: number; bytes: number }>;
}

/** Folders of test/fixtures that hold wire copy (enrich/ holds labelled eval sets; the schema test suite is junk on purpose). */
const SKIPPED = [/\/enrich\//, /\/test_suite\//, /PROVENANCE\.md$/, /LICENSE/, /\.md$/];

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function pairsOf(
  bytes: Buffer,
  contentType: string,
  filename: string,
): { uri: string; version: string; headline?: string }[] {
  const result = normalizeBytes(bytes, { contentType, filename });
  return result.articles.map((a) => ({
    uri: a.uri,
    version: String(a.version ?? ''),
    headline: a.headlines?.find((h) => h.role === 'main')?.value ?? a.headlines?.[0]?.value,
  }));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What to change in a template so a copy is another story: its source ids, else its headline. */
function replacementsFor(text: string, articles: { uri: string; headline?: string }[]): Template['replacements'] {
  const out: Template['replacements'] = [];
  const seen = new Set<string>();
  const add = (find: string, make: (tag: string) => string) => {
    if (find.length < 6 || seen.has(find) || !text.includes(find)) return;
    seen.add(find);
    out.push({ find, make });
  };
  for (const { uri, headline } of articles) {
    if (!uri.startsWith('urn:wiredesk:')) {
      // the source id as the copy spells it: the whole uri, or its last segment
      const tail = uri.split(/[:/]/).filter(Boolean).pop() ?? uri;
      if (text.includes(uri)) add(uri, (tag) => `${uri}-${tag}`);
      else add(tail, (tag) => `${tail}-${tag}`);
    }
    if (headline) {
      add(headline, (tag) => `${headline} ${tag}`);
      add(escapeXml(headline), (tag) => `${escapeXml(headline)} ${tag}`);
    }
  }
  return out;
}

export function makeCopy(t: Template, tag: string): Buffer {
  if (t.replacements.length === 0) return t.bytes;
  let text = t.bytes.toString(t.latin1 ? 'latin1' : 'utf8');
  for (const r of t.replacements) text = text.split(r.find).join(r.make(tag));
  return Buffer.from(text, t.latin1 ? 'latin1' : 'utf8');
}

/** A template is kept when it normalizes and a copy of it is a different story (no uri shared with the template). */
function analyse(name: string, category: Category, bytes: Buffer, contentType: string): Template | undefined {
  let base: ReturnType<typeof pairsOf>;
  try {
    base = pairsOf(bytes, contentType, name);
  } catch {
    return undefined; // input the pipeline dead-letters: not part of the throughput corpus
  }
  if (base.length === 0) return undefined;
  const latin1 = !isUtf8(bytes);
  const text = bytes.toString(latin1 ? 'latin1' : 'utf8');
  const t: Template = {
    name,
    category,
    bytes,
    contentType,
    articles: new Set(base.map((p) => `${p.uri}|${p.version}`)).size,
    replacements: replacementsFor(text, base),
    latin1,
  };
  try {
    const copy = pairsOf(makeCopy(t, 'zq0check'), contentType, name);
    const baseUris = new Set(base.map((p) => p.uri));
    if (copy.length !== base.length || copy.some((p) => baseUris.has(p.uri))) return undefined;
  } catch {
    return undefined;
  }
  return t;
}

export interface CorpusSources {
  fixturesDir: string;
  extractionDir: string;
  /** at most this many of the 181 pages (each as HTML and as text); quick runs take fewer */
  maxPages: number;
}

export function loadTemplates(src: CorpusSources): { templates: Template[]; dropped: number } {
  const templates: Template[] = [];
  let dropped = 0;
  const seen = new Set<string>();
  const keep = (t: Template | undefined) => (t ? templates.push(t) : dropped++);
  for (const path of walk(src.fixturesDir)) {
    if (SKIPPED.some((re) => re.test(path))) continue;
    const bytes = readFileSync(path);
    const key = bytes.toString('base64');
    if (seen.has(key)) continue; // the schema examples repeat some ninjs fixtures
    seen.add(key);
    const type = contentTypeForFile(path);
    keep(analyse(basename(path), 'fixture', bytes, type));
  }
  const htmlDir = join(src.extractionDir, 'html');
  const textDir = join(src.extractionDir, 'text');
  if (existsSync(htmlDir)) {
    const ids = readdirSync(htmlDir)
      .filter((n) => n.endsWith('.html.gz'))
      .sort()
      .slice(0, src.maxPages)
      .map((n) => n.replace(/\.html\.gz$/, ''));
    for (const id of ids) {
      keep(analyse(`${id}.html`, 'page-html', gunzipSync(readFileSync(join(htmlDir, `${id}.html.gz`))), 'text/html'));
      const textPath = join(textDir, `${id}.txt`);
      if (existsSync(textPath)) keep(analyse(`${id}.txt`, 'page-text', readFileSync(textPath), 'text/plain'));
    }
  }
  return { templates, dropped };
}

/**
 * The mix, by item count: 1 in 40 a whole HTML page as served (large: ~175 KB on average), 11 in 40 flattened page
 * text (~10 KB), 28 in 40 agency copy in every format from the fixtures (0.5–13 KB). Round-robin inside each category,
 * so every template is used evenly.
 */
const MIX: Category[] = ['page-html', ...Array<Category>(11).fill('page-text'), ...Array<Category>(28).fill('fixture')];

export function buildCorpus(templates: Template[], items: number, runTag: string): CorpusItem[] {
  const byCategory = new Map<Category, Template[]>();
  for (const t of templates) byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), t]);
  const available = MIX.filter((c) => byCategory.has(c));
  const cursor = new Map<Category, number>();
  const out: CorpusItem[] = [];
  for (let i = 0; i < items; i++) {
    const category = available[i % available.length];
    const list = byCategory.get(category)!;
    const n = cursor.get(category) ?? 0;
    cursor.set(category, n + 1);
    const template = list[n % list.length];
    out.push({ template, value: makeCopy(template, `${runTag}x${i.toString(36)}`), ingestId: randomUUID() });
  }
  return out;
}

export function corpusStats(items: CorpusItem[], templates: Template[], dropped: number): CorpusStats {
  const zero = () => ({ items: 0, bytes: 0 });
  const byCategory: CorpusStats['byCategory'] = { fixture: zero(), 'page-text': zero(), 'page-html': zero() };
  let bytes = 0;
  let articles = 0;
  for (const item of items) {
    byCategory[item.template.category].items++;
    byCategory[item.template.category].bytes += item.value.length;
    bytes += item.value.length;
    articles += item.template.articles;
  }
  const count = (c: Category) => templates.filter((t) => t.category === c).length;
  return {
    templates: { fixture: count('fixture'), 'page-text': count('page-text'), 'page-html': count('page-html') },
    templatesDropped: dropped,
    items: items.length,
    articles,
    bytes,
    byCategory,
  };
}

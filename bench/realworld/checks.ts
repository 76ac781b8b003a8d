/**
 * The realworld benchmark's checks (bench/realworld/README.md): what one expectation entry says about a file, and
 * whether the articles `wiredesk normalize` made of it (or the dead letter it gave) hold to it. Pure: no files, no
 * pipeline, so the evaluation is unit-tested on its own (checks.spec.ts).
 */
import type { Ninjs, NinjsAssociation, NinjsDescription } from '@wiredesk/ninjs';

/** Keys an article entry may carry; values are strings unless noted. */
export const STRING_KEYS = [
  'headline',
  'headline_contains',
  'body_starts',
  'body_ends',
  'by',
  'located',
  'firstcreated',
  'versioncreated',
  'language',
  'pubstatus',
  'type',
  'description_contains',
  'ednote_contains',
  'picture_caption_contains',
  'credit',
  'copyrightnotice_contains',
] as const;
export const LIST_KEYS = ['body_contains', 'body_excludes', 'subjects_include'] as const;
export const BOOLEAN_KEYS = ['has_table'] as const;

type StringKey = (typeof STRING_KEYS)[number];
type ListKey = (typeof LIST_KEYS)[number];
type BooleanKey = (typeof BOOLEAN_KEYS)[number];

export type ArticleExpectation = Partial<Record<StringKey, string>> &
  Partial<Record<ListKey, string[]>> &
  Partial<Record<BooleanKey, boolean>>;

/** One entry of an expectations file: a file that must give these articles, or this dead-letter code. */
export interface FileExpectation {
  file: string;
  source: string;
  deadletter?: string;
  articles?: ArticleExpectation[];
  /** optional: the exact number of articles (feeds list only their first items) */
  count?: number;
}

/** What the pipeline made of a file: articles, or the error code it was dead-lettered with. */
export type Outcome = { articles: Ninjs[] } | { error: { code: string; message: string } };

export interface CheckResult {
  file: string;
  /** 1-based article number, absent for file-level checks */
  article?: number;
  key: string;
  ok: boolean;
  expected: string;
  got: string;
}

/** Whitespace collapsed and trimmed: line breaks and double spaces never decide a check. */
export function squash(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function short(text: string | undefined, max = 160): string {
  const s = squash(text);
  if (s === '') return '(none)';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function mainHeadline(a: Ninjs): string | undefined {
  return a.headlines?.find((h) => h.role === 'main')?.value ?? a.headlines?.[0]?.value;
}

export function bodyText(a: Ninjs): string {
  return a.bodies?.find((b) => b.role === 'main' && b.contentType === 'text/plain')?.value ?? '';
}

export function bodyHtml(a: Ninjs): string {
  return a.bodies?.find((b) => b.contentType !== 'text/plain')?.value ?? '';
}

function allDescriptions(a: Ninjs): NinjsDescription[] {
  const own = a.descriptions ?? [];
  const ofAssociations = (a.associations ?? []).flatMap((x: NinjsAssociation) => x.descriptions ?? []);
  return [...own, ...ofAssociations];
}

/** The instant an ISO date stands for; NaN when it is none. */
function instant(text: string | undefined): number {
  return text ? Date.parse(text) : NaN;
}

const SUBJECT_SCHEMES: Record<string, string> = {
  medtop: 'mediatopic',
  subj: 'subjectcode',
};

/** A code such as `medtop:15000000` matches a subject by its URI, literal or name. */
export function hasSubject(a: Ninjs, code: string): boolean {
  const [scheme, id] = code.includes(':')
    ? [code.slice(0, code.indexOf(':')), code.slice(code.indexOf(':') + 1)]
    : ['', code];
  const vocabulary = SUBJECT_SCHEMES[scheme] ?? scheme;
  return (a.subjects ?? []).some((s) => {
    if (s.uri === code || s.literal === code || s.name?.toLowerCase() === code.toLowerCase()) return true;
    return Boolean(s.uri && id && s.uri.endsWith(`/${id}`) && (!vocabulary || s.uri.includes(vocabulary)));
  });
}

interface Check {
  ok: boolean;
  got: string;
}

function equal(expected: string, got: string | undefined): Check {
  return { ok: squash(expected) === squash(got), got: short(got) };
}

function contains(expected: string, got: string | undefined): Check {
  return { ok: squash(got).includes(squash(expected)), got: short(got) };
}

function sameInstant(expected: string, got: string | undefined): Check {
  const want = instant(expected);
  return { ok: !Number.isNaN(want) && want === instant(got), got: got ?? '(none)' };
}

/** Evaluates one string-valued check on one article. */
function stringCheck(key: StringKey, expected: string, a: Ninjs): Check {
  const body = bodyText(a);
  switch (key) {
    case 'headline':
      return equal(expected, mainHeadline(a));
    case 'headline_contains':
      return contains(expected, mainHeadline(a));
    case 'body_starts':
      return { ok: squash(body).startsWith(squash(expected)), got: short(body) };
    case 'body_ends': {
      const text = squash(body);
      return { ok: text.endsWith(squash(expected)), got: text.length > 160 ? `…${text.slice(-159)}` : short(text) };
    }
    case 'by':
      return equal(expected, a.by);
    case 'located':
      return equal(expected, a.located);
    case 'firstcreated':
      return sameInstant(expected, a.firstCreated);
    case 'versioncreated':
      return sameInstant(expected, a.versionCreated);
    case 'language':
      return { ok: squash(expected).toLowerCase() === squash(a.language).toLowerCase(), got: a.language ?? '(none)' };
    case 'pubstatus':
      return equal(expected, a.pubStatus);
    case 'type':
      return equal(expected, a.type);
    case 'description_contains': {
      const values = (a.descriptions ?? []).map((d) => d.value);
      return { ok: values.some((v) => contains(expected, v).ok), got: short(values.join(' | ')) };
    }
    case 'ednote_contains':
      return contains(expected, a.edNote);
    case 'picture_caption_contains': {
      const captions = allDescriptions(a)
        .filter((d) => d.role === 'caption')
        .map((d) => d.value);
      return { ok: captions.some((v) => contains(expected, v).ok), got: short(captions.join(' | ')) };
    }
    case 'credit': {
      const credits = allDescriptions(a)
        .filter((d) => d.role === 'creditline')
        .map((d) => d.value);
      return { ok: credits.some((v) => equal(expected, v).ok), got: short(credits.join(' | ')) };
    }
    case 'copyrightnotice_contains':
      return contains(expected, a.copyrightNotice);
  }
}

function listCheck(key: ListKey, expected: string, a: Ninjs): Check {
  const body = bodyText(a);
  switch (key) {
    case 'body_contains':
      return { ok: squash(body).includes(squash(expected)), got: short(body) };
    case 'body_excludes': {
      const text = squash(body);
      const at = text.indexOf(squash(expected));
      return { ok: at < 0, got: at < 0 ? 'absent' : `present: …${text.slice(Math.max(0, at - 40), at + 80)}…` };
    }
    case 'subjects_include': {
      const got = (a.subjects ?? []).map((s) => s.uri ?? s.literal ?? s.name ?? '?').join(', ');
      return { ok: hasSubject(a, expected), got: short(got) };
    }
  }
}

function booleanCheck(key: BooleanKey, expected: boolean, a: Ninjs): Check {
  const got = /<(table|pre)[\s>]/i.test(bodyHtml(a));
  return { ok: got === expected, got: String(got) };
}

/** Every check of one article entry against the article that came out in its place (or none). */
export function evaluateArticle(
  file: string,
  n: number,
  want: ArticleExpectation,
  a: Ninjs | undefined,
): CheckResult[] {
  const results: CheckResult[] = [];
  const add = (key: string, expected: string, check: () => Check) => {
    if (!a) {
      results.push({ file, article: n, key, ok: false, expected, got: '(no such article)' });
      return;
    }
    const { ok, got } = check();
    results.push({ file, article: n, key, ok, expected: short(expected), got });
  };
  for (const key of STRING_KEYS) {
    const expected = want[key];
    if (expected !== undefined) add(key, expected, () => stringCheck(key, expected, a!));
  }
  for (const key of LIST_KEYS) {
    for (const expected of want[key] ?? []) add(key, expected, () => listCheck(key, expected, a!));
  }
  for (const key of BOOLEAN_KEYS) {
    const expected = want[key];
    if (expected !== undefined) add(key, String(expected), () => booleanCheck(key, expected, a!));
  }
  return results;
}

/** Every check of one file entry against what the pipeline made of the file. */
export function evaluateFile(want: FileExpectation, outcome: Outcome): CheckResult[] {
  const { file } = want;
  if (want.deadletter !== undefined) {
    const got =
      'error' in outcome ? `${outcome.error.code}: ${outcome.error.message}` : `${outcome.articles.length} article(s)`;
    const ok = 'error' in outcome && outcome.error.code === want.deadletter;
    return [{ file, key: 'deadletter', ok, expected: want.deadletter, got: short(got) }];
  }
  if ('error' in outcome) {
    const got = `${outcome.error.code}: ${outcome.error.message}`;
    const checks = (want.articles ?? []).flatMap((a, i) => evaluateArticle(file, i + 1, a, undefined));
    return [{ file, key: 'parsed', ok: false, expected: 'articles', got: short(got) }, ...checks];
  }
  const results: CheckResult[] = [];
  if (want.count !== undefined) {
    const got = outcome.articles.length;
    results.push({ file, key: 'count', ok: got === want.count, expected: String(want.count), got: String(got) });
  }
  (want.articles ?? []).forEach((a, i) => results.push(...evaluateArticle(file, i + 1, a, outcome.articles[i])));
  return results;
}

const KNOWN_ARTICLE_KEYS: ReadonlySet<string> = new Set<string>([...STRING_KEYS, ...LIST_KEYS, ...BOOLEAN_KEYS]);
const KNOWN_FILE_KEYS: ReadonlySet<string> = new Set(['file', 'source', 'deadletter', 'articles', 'count']);

/**
 * Reads the entries of one parsed YAML document, refusing what would silently check nothing: an unknown key (a typo),
 * a value of the wrong kind, an entry with neither articles nor a dead letter.
 */
export function readExpectations(doc: unknown, origin: string): FileExpectation[] {
  if (!Array.isArray(doc)) throw new Error(`${origin}: the document must be a list of file entries`);
  return doc.map((raw, i) => {
    const where = `${origin}, entry ${i + 1}`;
    if (!raw || typeof raw !== 'object') throw new Error(`${where}: not a mapping`);
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry))
      if (!KNOWN_FILE_KEYS.has(key)) throw new Error(`${where}: unknown key "${key}"`);
    if (typeof entry.file !== 'string' || !entry.file) throw new Error(`${where}: "file" is required`);
    if (typeof entry.source !== 'string' || !entry.source)
      throw new Error(`${where} (${entry.file}): "source" is required`);
    const hasDeadletter = typeof entry.deadletter === 'string';
    const hasArticles = Array.isArray(entry.articles) && entry.articles.length > 0;
    if (hasDeadletter === hasArticles) {
      throw new Error(`${where} (${entry.file}): give either "deadletter" or a non-empty "articles" list`);
    }
    if (entry.count !== undefined && !Number.isInteger(entry.count)) throw new Error(`${where}: "count" is a number`);
    const articles = hasArticles
      ? (entry.articles as unknown[]).map((a, j) => readArticle(a, `${where}, article ${j + 1}`))
      : undefined;
    return {
      file: entry.file,
      source: entry.source,
      deadletter: hasDeadletter ? (entry.deadletter as string) : undefined,
      articles,
      count: entry.count as number | undefined,
    };
  });
}

function readArticle(raw: unknown, where: string): ArticleExpectation {
  if (!raw || typeof raw !== 'object') throw new Error(`${where}: not a mapping`);
  const entry = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(entry)) {
    if (!KNOWN_ARTICLE_KEYS.has(key)) throw new Error(`${where}: unknown check "${key}"`);
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) {
        throw new Error(`${where}: "${key}" is a list of strings`);
      }
      entry[key] = value.map(String);
    } else if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new Error(`${where}: "${key}" is true or false`);
    } else if (value instanceof Date) {
      entry[key] = value.toISOString(); // YAML reads an unquoted timestamp as a date
    } else if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${where}: "${key}" is a string`);
    } else {
      entry[key] = String(value);
    }
  }
  return entry as ArticleExpectation;
}

export interface Tally {
  held: number;
  total: number;
}

export function tally(results: CheckResult[]): Tally {
  return { held: results.filter((r) => r.ok).length, total: results.length };
}

export function percent({ held, total }: Tally): string {
  return total === 0 ? 'n/a' : `${((100 * held) / total).toFixed(1)} %`;
}

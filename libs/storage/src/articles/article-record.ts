import type { Ninjs, NinjsPubStatus } from '@wiredesk/ninjs';
import { termsOf } from '../search/terms';
import type { IncomingArticle, KafkaOrigin } from './article-input';

export const MEDIATOPIC_URI_PREFIX = 'http://cv.iptc.org/newscodes/mediatopic/';

/** One tag as stored for counting and display: canonical name and URI, and the key it is counted under. */
export interface TagRef {
  key: string;
  name?: string;
  uri?: string;
}

export type TagKind = 'people' | 'organisations' | 'places' | 'subjects';
export const TAG_KINDS: readonly TagKind[] = ['people', 'organisations', 'places', 'subjects'];

/**
 * The stored field of each kind's tags. Top-level on purpose: FerretDB's $unwind of a nested path (`tags.people`)
 * yields empty documents, and tag counting unwinds these fields.
 */
export const TAG_FIELDS = {
  people: 'peopleTags',
  organisations: 'organisationTags',
  places: 'placeTags',
  subjects: 'subjectTags',
} as const satisfies Record<TagKind, string>;

/** The ingest metadata stored beside the ninjs document. */
export interface IngestInfo {
  ingestId?: string;
  source?: string;
  channel?: string;
  receivedAt?: Date;
  origin?: KafkaOrigin;
}

/**
 * Everything derived from one article version: what both `articles` and `article_versions` store, plus the
 * denormalized fields the query API filters and ranks on (names and URIs lowercased, so filters are exact matches on
 * an index, never regular expressions).
 */
export interface ArticleRecord {
  uri: string;
  /** the ordering number of the version (ninjs `version` is a string) */
  version: number;
  /** ninjs `version` exactly as given */
  versionLabel?: string;
  contentHash: string;
  pubStatus: NinjsPubStatus;
  ninjs: Ninjs;
  versionCreated: Date;
  firstCreated?: Date;
  type?: string;
  language?: string;
  source?: string;
  headline?: string;
  peopleTags: TagRef[];
  organisationTags: TagRef[];
  placeTags: TagRef[];
  subjectTags: TagRef[];
  personKeys: string[];
  organisationKeys: string[];
  placeKeys: string[];
  subjectKeys: string[];
  terms: string[];
  headlineTerms: string[];
  leadTerms: string[];
  enrichment?: unknown;
  ingest: IngestInfo;
}

/**
 * Object keys a BSON document may hold everywhere: '.' and a leading '$' are replaced by their full-width look-alikes
 * (FerretDB refuses both, MongoDB refuses them in updates). Applied to the free-form parts (enrichment details,
 * GeoJSON properties) so odd metadata can never make the store refuse an article. Returns the input when unchanged.
 */
export function storableKeys<T>(value: T, depth = 0): T {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const s = storableKeys(v, depth + 1);
      if (s !== v) changed = true;
      return s;
    });
    return (changed ? out : value) as T;
  }
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const safeKey = key.replace(/\./g, '\uff0e').replace(/^\$/, '\uff04');
    const safeValue = storableKeys(v, depth + 1);
    if (safeKey !== key || safeValue !== v) changed = true;
    out[safeKey] = safeValue;
  }
  return (changed ? out : value) as T;
}

/** "3" → 3. Anything else a producer may send ("2b", "", absent) orders by its leading digits, else as version 1. */
export function versionNumber(version: string | undefined): number {
  const match = /^\s*(\d{1,15})/.exec(version ?? '');
  return match ? Number(match[1]) : 1;
}

export function isKill(ninjs: Ninjs): boolean {
  return ninjs.pubStatus === 'canceled';
}

function toDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function lower(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  return v ? v : undefined;
}

/** "http://cv.iptc.org/newscodes/mediatopic/20000763" → "medtop:20000763" */
export function mediaTopicQcode(uri: string | undefined): string | undefined {
  if (!uri?.startsWith(MEDIATOPIC_URI_PREFIX)) return undefined;
  const code = uri.slice(MEDIATOPIC_URI_PREFIX.length).replace(/\/$/, '');
  return /^\d+$/.test(code) ? `medtop:${code}` : undefined;
}

interface Named {
  name?: string;
  uri?: string;
  literal?: string;
}

function tagRefs(entries: Named[] | undefined): TagRef[] {
  const refs = new Map<string, TagRef>();
  for (const entry of entries ?? []) {
    const name = entry.name?.trim() || entry.literal?.trim() || undefined;
    const uri = entry.uri?.trim() || undefined;
    const key = lower(uri) ?? lower(name);
    if (!key || refs.has(key)) continue;
    refs.set(key, { key, ...(name ? { name } : {}), ...(uri ? { uri } : {}) });
  }
  return [...refs.values()];
}

/** every value a filter may name an entity by: its URI, its name, its literal */
function filterKeys(entries: Named[] | undefined, extra: (e: Named) => (string | undefined)[] = () => []): string[] {
  const keys = new Set<string>();
  for (const entry of entries ?? []) {
    for (const value of [entry.uri, entry.name, entry.literal, ...extra(entry)]) {
      const key = lower(value);
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

export function mainHeadline(ninjs: Ninjs): string | undefined {
  const headlines = ninjs.headlines ?? [];
  return (headlines.find((h) => h.role === 'main') ?? headlines[0])?.value;
}

/** The plain text of the main body; markup bodies are reduced to text when no plain one exists. */
export function mainBodyText(ninjs: Ninjs): string {
  const bodies = ninjs.bodies ?? [];
  const plain = bodies.find((b) => !b.contentType || b.contentType.startsWith('text/plain'));
  if (plain) return plain.value;
  const markup = bodies[0]?.value ?? '';
  return markup.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
}

function summaryText(ninjs: Ninjs): string | undefined {
  const descriptions = ninjs.descriptions ?? [];
  return descriptions.find((d) => d.role === 'summary' || d.role === 'abstract')?.value;
}

/** Builds the stored record of one incoming article version. Pure: the same input always gives the same record. */
export function toArticleRecord(item: IncomingArticle): ArticleRecord {
  const ninjs = storableKeys(item.ninjs);
  const headline = mainHeadline(ninjs);
  const body = mainBodyText(ninjs);
  const firstParagraph = body.split(/\n\s*\n/).find((p) => p.trim()) ?? '';
  const versionCreated = toDate(ninjs.versionCreated) ?? item.receivedAt ?? new Date();
  const firstCreated = toDate(ninjs.firstCreated);
  const source = lower(item.source);
  return {
    uri: ninjs.uri,
    version: versionNumber(ninjs.version),
    ...(ninjs.version !== undefined ? { versionLabel: ninjs.version } : {}),
    contentHash: item.contentHash,
    pubStatus: ninjs.pubStatus ?? 'usable',
    ninjs,
    versionCreated,
    ...(firstCreated ? { firstCreated } : {}),
    ...(ninjs.type ? { type: ninjs.type } : {}),
    ...(lower(ninjs.language) ? { language: lower(ninjs.language) } : {}),
    ...(source ? { source } : {}),
    ...(headline ? { headline } : {}),
    peopleTags: tagRefs(ninjs.people),
    organisationTags: tagRefs(ninjs.organisations),
    placeTags: tagRefs(ninjs.places),
    subjectTags: tagRefs(ninjs.subjects),
    personKeys: filterKeys(ninjs.people),
    organisationKeys: filterKeys(ninjs.organisations),
    placeKeys: filterKeys(ninjs.places),
    subjectKeys: filterKeys(ninjs.subjects, (s) => [mediaTopicQcode(s.uri)]),
    terms: termsOf(headline, summaryText(ninjs), body),
    headlineTerms: termsOf(headline),
    leadTerms: termsOf(summaryText(ninjs), firstParagraph),
    ...(item.enrichment !== undefined ? { enrichment: storableKeys(item.enrichment) } : {}),
    ingest: {
      ...(item.ingestId ? { ingestId: item.ingestId } : {}),
      ...(item.source ? { source: item.source } : {}),
      ...(item.channel ? { channel: item.channel } : {}),
      ...(item.receivedAt ? { receivedAt: item.receivedAt } : {}),
      ...(item.origin ? { origin: item.origin } : {}),
    },
  };
}

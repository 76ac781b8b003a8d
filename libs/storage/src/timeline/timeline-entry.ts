import type { NinjsPubStatus } from '@wiredesk/ninjs';
import type { ArticleFilter, PageKey } from '../articles/article-query';
import { TAG_KINDS, type ArticleRecord, type TagKind, type TagRef } from '../articles/article-record';

/**
 * The story timeline: what the list, tag and stats queries read instead of scanning `articles`.
 *
 * FerretDB 1.24 on SQLite answers exactly one kind of filter from an index, `{_id: <string>}` (and only with the
 * patched build, docs/infrastructure.md); every other filter and every sort is a scan that decodes each document.
 * So the archive keeps, at write time, documents it can find by `_id` alone (collection `timeline`):
 *
 * - a **bucket** per ten minutes (a *slot*) of `versionCreated` (`b:<slots since 1970>`): one compact entry (a JSON
 *   string) per story whose current version falls in them: uri, time, status, language, source, the filter keys and
 *   the tags. Ten minutes, not an hour: a document holds at most 16 MB (about 16,000 entries), which one busy hour
 *   of web copy exceeds, and each batch rewrites the bucket it adds to;
 * - a **directory** per filter value (`d:*`, `d:person:<key>`, `d:language:en`…): the slots whose bucket holds a
 *   story with that value.
 *
 * A list reads the directories of its filters, walks the common slots newest first, filters the entries of each
 * bucket and stops when the page is full; then it reads the page's stories by `_id`. Tag counts read the buckets of
 * their window. Entries are added with `$addToSet` and removed with `$pull` of the exact string the story recorded
 * (`timeline` on its document), so replaying a write changes nothing: a set, not a counter. A directory may name a
 * slot that no longer holds such a story (a story moved): it costs one extra read, never a wrong answer.
 */

/** Ten minutes: the span of one bucket. */
export const SLOT_MS = 10 * 60 * 1000;
export const SLOTS_PER_DAY = (24 * 60 * 60 * 1000) / SLOT_MS;

/** One story's entry, as a bucket holds it. */
export interface TimelineEntry {
  uri: string;
  /** versionCreated, ms since the epoch */
  t: number;
  status: NinjsPubStatus;
  language?: string;
  source?: string;
  person: string[];
  organisation: string[];
  place: string[];
  subject: string[];
  /** the tags counted by GET /v1/tags, per kind */
  tags: Record<TagKind, TagRef[]>;
}

/** What a story document records of its entry, so the next write can remove exactly that string. */
export interface TimelineRef {
  /** bucket _id */
  b: string;
  /** the entry as stored */
  m: string;
}

const FILTER_FACETS = ['person', 'organisation', 'place', 'subject'] as const;
type KeyFacet = (typeof FILTER_FACETS)[number];

export function slotOf(t: number): number {
  return Math.floor(t / SLOT_MS);
}

export function bucketId(slot: number): string {
  return `b:${slot}`;
}

export function slotOfBucket(id: string): number {
  return Number(id.slice(2));
}

/**
 * The bucket a story's recorded entry is in. Entries recorded before ten-minute buckets name an hour's bucket
 * (`h:<hour>`): rebuilding that timeline (timeline-backfill.ts) put them, unchanged, in the bucket of their slot.
 */
export function recordedBucket(ref: TimelineRef): string {
  return ref.b.startsWith('b:') ? ref.b : bucketId(slotOf(decodeEntry(ref.m).t));
}

export const ALL_STORIES_DIRECTORY = 'd:*';

export function directoryId(facet: string, value: string): string {
  return `d:${facet}:${value}`;
}

export function entryOf(record: ArticleRecord, status: NinjsPubStatus = record.pubStatus): TimelineEntry {
  return {
    uri: record.uri,
    t: record.versionCreated.getTime(),
    status,
    ...(record.language ? { language: record.language } : {}),
    ...(record.source ? { source: record.source } : {}),
    person: record.personKeys,
    organisation: record.organisationKeys,
    place: record.placeKeys,
    subject: record.subjectKeys,
    tags: {
      people: record.peopleTags,
      organisations: record.organisationTags,
      places: record.placeTags,
      subjects: record.subjectTags,
    },
  };
}

type TagTuple = [string, string?, string?];
const tuple = (tag: TagRef): TagTuple =>
  tag.uri !== undefined ? [tag.key, tag.name ?? '', tag.uri] : tag.name !== undefined ? [tag.key, tag.name] : [tag.key];
const fromTuple = ([key, name, uri]: TagTuple): TagRef => ({
  key,
  ...(name ? { name } : {}),
  ...(uri ? { uri } : {}),
});

/** The entry as a string: positional JSON, a fixed field order, so the same entry is always the same string. */
export function encodeEntry(e: TimelineEntry): string {
  return JSON.stringify([
    e.uri,
    e.t,
    e.status,
    e.language ?? '',
    e.source ?? '',
    e.person,
    e.organisation,
    e.place,
    e.subject,
    TAG_KINDS.map((kind) => e.tags[kind].map(tuple)),
  ]);
}

export function decodeEntry(text: string): TimelineEntry {
  const [uri, t, status, language, source, person, organisation, place, subject, tags] = JSON.parse(text) as [
    string,
    number,
    NinjsPubStatus,
    string,
    string,
    string[],
    string[],
    string[],
    string[],
    TagTuple[][],
  ];
  return {
    uri,
    t,
    status,
    ...(language ? { language } : {}),
    ...(source ? { source } : {}),
    person,
    organisation,
    place,
    subject,
    tags: Object.fromEntries(TAG_KINDS.map((kind, i) => [kind, (tags[i] ?? []).map(fromTuple)])) as Record<
      TagKind,
      TagRef[]
    >,
  };
}

/** Every directory that must list this entry's slot. */
export function directoriesOf(e: TimelineEntry): string[] {
  const ids = [ALL_STORIES_DIRECTORY, directoryId('status', e.status)];
  if (e.language) ids.push(directoryId('language', e.language));
  if (e.source) ids.push(directoryId('source', e.source));
  for (const facet of FILTER_FACETS) for (const key of e[facet]) ids.push(directoryId(facet, key));
  return [...new Set(ids)];
}

const lower = (value: string) => value.trim().toLowerCase();

/** The directories a filter narrows the walk to (all of them must list a slot); the whole timeline when none. */
export function directoriesFor(filter: ArticleFilter): string[] {
  const ids: string[] = [];
  for (const facet of FILTER_FACETS) {
    const value = filter[facet];
    if (value !== undefined) ids.push(directoryId(facet, lower(value)));
  }
  if (filter.language !== undefined) ids.push(directoryId('language', lower(filter.language)));
  if (filter.source !== undefined) ids.push(directoryId('source', lower(filter.source)));
  if (filter.pubStatus !== undefined) ids.push(directoryId('status', filter.pubStatus));
  return ids.length > 0 ? ids : [ALL_STORIES_DIRECTORY];
}

/** Does the entry pass every filter (terms excepted: entries carry no words) and come after the page key? */
export function entryMatches(e: TimelineEntry, filter: ArticleFilter, after?: PageKey): boolean {
  for (const facet of FILTER_FACETS) {
    const value = filter[facet as KeyFacet];
    if (value !== undefined && !e[facet].includes(lower(value))) return false;
  }
  if (filter.language !== undefined && e.language !== lower(filter.language)) return false;
  if (filter.source !== undefined && e.source !== lower(filter.source)) return false;
  if (filter.pubStatus !== undefined && e.status !== filter.pubStatus) return false;
  if (filter.since && e.t < filter.since.getTime()) return false;
  if (filter.until && e.t >= filter.until.getTime()) return false;
  if (after && compareNewestFirst(e, { t: after.versionCreated.getTime(), uri: after.uri }) <= 0) return false;
  return true;
}

/** Newest first (time, then uri descending): negative when `a` comes first. */
export function compareNewestFirst(a: { t: number; uri: string }, b: { t: number; uri: string }): number {
  if (a.t !== b.t) return b.t - a.t;
  return a.uri < b.uri ? 1 : a.uri > b.uri ? -1 : 0;
}

/** The slots to walk, newest first: those every directory lists, within [since, until) and not after the page key. */
export function slotsToWalk(directories: number[][], filter: ArticleFilter, after?: PageKey): number[] {
  let slots = new Set(directories[0] ?? []);
  for (const other of directories.slice(1)) {
    const next = new Set(other);
    slots = new Set([...slots].filter((slot) => next.has(slot)));
  }
  const min = filter.since ? slotOf(filter.since.getTime()) : -Infinity;
  let max = filter.until ? slotOf(filter.until.getTime() - 1) : Infinity;
  if (after) max = Math.min(max, slotOf(after.versionCreated.getTime()));
  return [...slots].filter((slot) => slot >= min && slot <= max).sort((a, b) => b - a);
}

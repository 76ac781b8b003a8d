import type { NinjsPubStatus } from '@wiredesk/ninjs';
import type { Document } from 'mongodb';

/**
 * What the archive can be asked for. Every value is a plain string, date or string list by type: building the MongoDB
 * filter below never lets a caller's value become an operator, because values only ever appear in operand position.
 */
export interface ArticleFilter {
  /** name or URI, any case */
  person?: string;
  organisation?: string;
  place?: string;
  /** Media Topic URI, qcode (medtop:20000763) or name */
  subject?: string;
  language?: string;
  source?: string;
  pubStatus?: NinjsPubStatus;
  /** versionCreated >= since */
  since?: Date;
  /** versionCreated < until */
  until?: Date;
  /** normalized words (see search/terms.ts): every one must occur */
  terms?: string[];
}

/** Position in the newest-first order: the last item of the previous page. */
export interface PageKey {
  versionCreated: Date;
  uri: string;
}

/** Position in relevance order: score first, then newest first. */
export interface RankedPageKey extends PageKey {
  score: number;
}

/** The sort of every list: newest first, uri as the tie-break so the order is total and pages never overlap. */
export const NEWEST_FIRST = { versionCreated: -1, uri: -1 } as const;

/** The top-level ninjs 3.1 properties (ninjsType of the schema): the only names `fields` may select. */
export const NINJS_FIELDS = [
  'altIds',
  'associations',
  'bodies',
  'by',
  'contentCreated',
  'copyrightHolder',
  'copyrightNotice',
  'descriptions',
  'digitalSourceType',
  'edNote',
  'embargoedUntil',
  'eventDetails',
  'events',
  'expires',
  'firstCreated',
  'genres',
  'headlines',
  'infoSources',
  'language',
  'located',
  'objects',
  'organisations',
  'people',
  'places',
  'plannedCoverage',
  'profile',
  'pubStatus',
  'renditions',
  'representationType',
  'rightsInfo',
  'slugline',
  'standard',
  'subjects',
  'title',
  'trustIndicators',
  'type',
  'urgency',
  'uri',
  'usageTerms',
  'version',
  'versionCreated',
] as const;
export type NinjsField = (typeof NINJS_FIELDS)[number];

const lower = (value: string) => value.trim().toLowerCase();

/** The MongoDB filter of a query on `articles`. */
export function buildArticleFilter(filter: ArticleFilter, after?: PageKey): Document {
  const clauses: Document[] = [];
  if (filter.person !== undefined) clauses.push({ personKeys: lower(filter.person) });
  if (filter.organisation !== undefined) clauses.push({ organisationKeys: lower(filter.organisation) });
  if (filter.place !== undefined) clauses.push({ placeKeys: lower(filter.place) });
  if (filter.subject !== undefined) clauses.push({ subjectKeys: lower(filter.subject) });
  if (filter.language !== undefined) clauses.push({ language: lower(filter.language) });
  if (filter.source !== undefined) clauses.push({ source: lower(filter.source) });
  if (filter.pubStatus !== undefined) clauses.push({ pubStatus: filter.pubStatus });
  if (filter.terms && filter.terms.length > 0) clauses.push({ terms: { $all: [...filter.terms] } });
  const created: Document = {};
  if (filter.since) created.$gte = filter.since;
  if (filter.until) created.$lt = filter.until;
  if (Object.keys(created).length > 0) clauses.push({ versionCreated: created });
  if (after) clauses.push(afterClause(after));
  if (clauses.length === 0) return {};
  if (clauses.length === 1) return clauses[0];
  return { $and: clauses };
}

/** Strictly after `key` in newest-first order. */
export function afterClause(key: PageKey): Document {
  return {
    $or: [
      { versionCreated: { $lt: key.versionCreated } },
      { versionCreated: key.versionCreated, uri: { $lt: key.uri } },
    ],
  };
}

/** The projection of the selected ninjs fields (all of the document when none are selected). */
export function ninjsProjection(fields?: readonly NinjsField[]): Document {
  const projection: Document = { _id: 0, uri: 1, versionCreated: 1 };
  if (!fields || fields.length === 0) {
    projection.ninjs = 1;
    return projection;
  }
  for (const field of new Set<NinjsField>(['uri', ...fields])) projection[`ninjs.${field}`] = 1;
  return projection;
}

/** Compare two ranked keys in result order: higher score first, then newer, then greater uri. */
export function compareRanked(a: RankedPageKey, b: RankedPageKey): number {
  if (a.score !== b.score) return b.score - a.score;
  const t = b.versionCreated.getTime() - a.versionCreated.getTime();
  if (t !== 0) return t;
  return a.uri < b.uri ? 1 : a.uri > b.uri ? -1 : 0;
}

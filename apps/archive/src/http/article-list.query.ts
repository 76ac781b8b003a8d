import { NINJS_FIELDS, PUB_STATUSES, tokenize, type ArticleFilter, type NinjsField } from '@wiredesk/storage';
import type { NinjsPubStatus } from '@wiredesk/ninjs';
import { decodeCursor, queryFingerprint, type CursorKey, type CursorOrder } from './cursor';
import { LANGUAGE_TAG, QueryReader, SOURCE_NAME, type Parsed } from './query-params';

export const LIST_PARAMETERS = [
  'person',
  'organisation',
  'place',
  'subject',
  'language',
  'source',
  'pubStatus',
  'since',
  'until',
  'q',
  'sort',
  'fields',
  'limit',
  'cursor',
] as const;

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_QUERY_WORDS = 20;

/** A validated GET /v1/articles request. */
export interface ListArticlesRequest {
  filter: ArticleFilter;
  order: CursorOrder;
  limit: number;
  fields?: NinjsField[];
  after?: CursorKey;
  /** identifies the filters; cursors carry it */
  fingerprint: string;
}

/** Reads and validates the query string of GET /v1/articles. */
export function parseListQuery(query: Record<string, unknown>): Parsed<ListArticlesRequest> {
  const read = new QueryReader(query, LIST_PARAMETERS);
  const filter: ArticleFilter = {
    person: read.string('person'),
    organisation: read.string('organisation'),
    place: read.string('place'),
    subject: read.string('subject'),
    language: read.pattern('language', LANGUAGE_TAG, 'a BCP 47 language tag such as en or en-GB'),
    source: read.pattern('source', SOURCE_NAME, 'a feed name (letters, digits, . _ - :)'),
    pubStatus: read.oneOf<NinjsPubStatus>('pubStatus', PUB_STATUSES),
    since: read.dateTime('since'),
    until: read.dateTime('until'),
  };
  if (filter.since && filter.until && filter.since >= filter.until) read.fail('until', 'Must be later than since.');

  const q = read.string('q', 500);
  if (q !== undefined) {
    const terms = [...new Set(tokenize(q))];
    if (terms.length === 0) read.fail('q', 'Has no searchable words (only very common words or punctuation).');
    else if (terms.length > MAX_QUERY_WORDS) read.fail('q', `Must have at most ${MAX_QUERY_WORDS} words.`);
    else filter.terms = terms;
  }

  const sort = read.oneOf<CursorOrder>('sort', ['newest', 'relevance']);
  if (sort === 'relevance' && q === undefined) read.fail('sort', 'relevance needs a q to rank by.');
  const order: CursorOrder = sort ?? (q !== undefined ? 'relevance' : 'newest');
  const limit = read.integer('limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  const fields = read.list('fields', NINJS_FIELDS);

  const cleanFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as ArticleFilter;
  const fingerprint = queryFingerprint({ ...cleanFilter, order });
  const cursor = read.string('cursor', 4096);
  let after: CursorKey | undefined;
  if (cursor !== undefined) {
    const decoded = decodeCursor(cursor, fingerprint, order);
    if (decoded.ok) after = decoded.key;
    else read.fail('cursor', decoded.detail);
  }
  return read.result({
    filter: cleanFilter,
    order,
    limit,
    ...(fields ? { fields } : {}),
    ...(after ? { after } : {}),
    fingerprint,
  });
}

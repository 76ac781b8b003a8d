import { NINJS_FIELDS, PUB_STATUSES, tokenize, type ArticleFilter, type NinjsField } from '@wiredesk/storage';
import type { NinjsPubStatus } from '@wiredesk/ninjs';
import { decodeCursor, queryFingerprint, type CursorKey, type CursorOrder } from './cursor';
import {
  dateOf,
  DATE_TIME_DETAIL,
  LANGUAGE_TAG,
  ParameterErrors,
  QueryDateTime,
  QueryEnum,
  QueryInteger,
  QueryPattern,
  QueryString,
  SOURCE_NAME,
  validateQuery,
  type Parsed,
} from './query-dto';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_QUERY_WORDS = 20;

/** The query string of GET /v1/articles: what each parameter may be (validation) and means (OpenAPI). */
export class ListArticlesQuery {
  @QueryString({ description: 'name or URI (Wikidata) of a person' })
  person?: string;

  @QueryString({ description: 'name or URI of an organisation' })
  organisation?: string;

  @QueryString({ description: 'name or URI (ISO 3166, Wikidata) of a place' })
  place?: string;

  @QueryString({
    description:
      'IPTC Media Topic URI (http://cv.iptc.org/newscodes/mediatopic/20000763), qcode (medtop:20000763) or name',
  })
  subject?: string;

  @QueryPattern(LANGUAGE_TAG, 'Must be a BCP 47 language tag such as en or en-GB.', {
    description: 'BCP 47 tag, e.g. en',
  })
  language?: string;

  @QueryPattern(SOURCE_NAME, 'Must be a feed name (letters, digits, . _ - :).', {
    description: 'feed name, e.g. afp-en',
  })
  source?: string;

  @QueryEnum(PUB_STATUSES)
  pubStatus?: string;

  @QueryDateTime({ description: 'versionCreated >= since (RFC 3339 date-time or date)' })
  since?: string;

  @QueryDateTime({ description: 'versionCreated < until (RFC 3339 date-time or date)' })
  until?: string;

  @QueryString({ description: 'words that must all occur in headline or body; ranked', maxLength: 500 })
  q?: string;

  @QueryEnum(['newest', 'relevance'], { description: 'default: relevance with q' })
  sort?: string;

  @QueryString({
    description: `comma-separated top-level ninjs fields to return (uri always): ${NINJS_FIELDS.join(', ')}`,
    maxLength: 2000,
  })
  fields?: string;

  @QueryInteger(1, MAX_LIMIT, { description: `1..${MAX_LIMIT}, default ${DEFAULT_LIMIT}` })
  limit?: string;

  @QueryString({ description: 'the `next` value of the previous page', maxLength: 4096 })
  cursor?: string;
}

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
  const validated = validateQuery(ListArticlesQuery, query);
  const params = validated.ok ? validated.value : new ListArticlesQuery();
  const read = new ParameterErrors(validated.ok ? [] : validated.errors);
  const failed = new Set(read.errors.map((e) => e.parameter));
  const usable = <K extends keyof ListArticlesQuery>(name: K) => (failed.has(name) ? undefined : params[name]);
  const date = (name: 'since' | 'until') => {
    const value = usable(name);
    if (value === undefined) return undefined;
    return dateOf(value) ?? read.fail(name, DATE_TIME_DETAIL);
  };

  const filter: ArticleFilter = {
    person: usable('person'),
    organisation: usable('organisation'),
    place: usable('place'),
    subject: usable('subject'),
    language: usable('language'),
    source: usable('source'),
    pubStatus: usable('pubStatus') as NinjsPubStatus | undefined,
    since: date('since'),
    until: date('until'),
  };
  if (filter.since && filter.until && filter.since >= filter.until) read.fail('until', 'Must be later than since.');

  const q = usable('q');
  if (q !== undefined) {
    const terms = [...new Set(tokenize(q))];
    if (terms.length === 0) read.fail('q', 'Has no searchable words (only very common words or punctuation).');
    else if (terms.length > MAX_QUERY_WORDS) read.fail('q', `Must have at most ${MAX_QUERY_WORDS} words.`);
    else filter.terms = terms;
  }

  const sort = usable('sort') as CursorOrder | undefined;
  if (sort === 'relevance' && params.q === undefined) read.fail('sort', 'relevance needs a q to rank by.');
  const order: CursorOrder = sort ?? (params.q !== undefined ? 'relevance' : 'newest');
  const limitParam = usable('limit');
  const limit = limitParam !== undefined ? Number(limitParam) : DEFAULT_LIMIT;
  const fields = fieldsOf(usable('fields'), read);

  const cleanFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as ArticleFilter;
  const fingerprint = queryFingerprint({ ...cleanFilter, order });
  const cursor = usable('cursor');
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

/** A comma-separated list of top-level ninjs fields. */
function fieldsOf(value: string | undefined, read: ParameterErrors): NinjsField[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = items.filter((v) => !(NINJS_FIELDS as readonly string[]).includes(v));
  if (unknown.length > 0) return read.fail('fields', `Unknown field(s): ${unknown.join(', ')}.`);
  if (items.length === 0) return read.fail('fields', 'Must name at least one field.');
  return [...new Set(items)] as NinjsField[];
}

import { TAG_KINDS, type TagKind } from '@wiredesk/storage';
import { LANGUAGE_TAG, QueryReader, SOURCE_NAME, type Parsed } from './query-params';

export const TAGS_PARAMETERS = ['since', 'until', 'limit', 'language', 'source'] as const;
export const DEFAULT_TAG_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_TAG_WINDOW_MS = 366 * 24 * 60 * 60 * 1000;

export interface TagsRequest {
  kind: TagKind;
  since: Date;
  until: Date;
  limit: number;
  language?: string;
  source?: string;
}

/** GET /v1/tags/{kind}: the window defaults to the last 24 hours; at most a year. */
export function parseTagsQuery(kind: string, query: Record<string, unknown>, now = new Date()): Parsed<TagsRequest> {
  const read = new QueryReader(query, TAGS_PARAMETERS);
  if (!(TAG_KINDS as readonly string[]).includes(kind)) read.fail('kind', `Must be one of: ${TAG_KINDS.join(', ')}.`);
  const untilParam = read.dateTime('until');
  const sinceParam = read.dateTime('since');
  const until = untilParam ?? now;
  const since = sinceParam ?? new Date(until.getTime() - DEFAULT_TAG_WINDOW_MS);
  if (since >= until) read.fail('since', 'Must be earlier than until.');
  else if (until.getTime() - since.getTime() > MAX_TAG_WINDOW_MS)
    read.fail('since', 'The window may span at most 366 days.');
  const limit = read.integer('limit', 1, 100) ?? 20;
  const language = read.pattern('language', LANGUAGE_TAG, 'a BCP 47 language tag such as en or en-GB');
  const source = read.pattern('source', SOURCE_NAME, 'a feed name (letters, digits, . _ - :)');
  return read.result({
    kind: kind as TagKind,
    since,
    until,
    limit,
    ...(language ? { language } : {}),
    ...(source ? { source } : {}),
  });
}

import { TAG_KINDS, type TagKind } from '@wiredesk/storage';
import {
  dateOf,
  DATE_TIME_DETAIL,
  LANGUAGE_TAG,
  ParameterErrors,
  QueryDateTime,
  QueryEnum,
  QueryInteger,
  QueryPattern,
  SOURCE_NAME,
  validateQuery,
  type Parsed,
} from './query-dto';

export const DEFAULT_TAG_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_TAG_WINDOW_MS = 366 * 24 * 60 * 60 * 1000;

/** The path of GET /v1/tags/{kind}. */
export class TagsPath {
  @QueryEnum(TAG_KINDS)
  kind?: string;
}

/** The query string of GET /v1/tags/{kind}. */
export class TagsQuery {
  @QueryDateTime({ description: 'default: 24 hours before until' })
  since?: string;

  @QueryDateTime({ description: 'default: now' })
  until?: string;

  @QueryInteger(1, 100, { description: '1..100, default 20' })
  limit?: string;

  @QueryPattern(LANGUAGE_TAG, 'Must be a BCP 47 language tag such as en or en-GB.')
  language?: string;

  @QueryPattern(SOURCE_NAME, 'Must be a feed name (letters, digits, . _ - :).')
  source?: string;
}

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
  const path = validateQuery(TagsPath, { kind });
  const validated = validateQuery(TagsQuery, query);
  const read = new ParameterErrors([...(path.ok ? [] : path.errors), ...(validated.ok ? [] : validated.errors)]);
  const params = validated.ok ? validated.value : new TagsQuery();
  const failed = new Set(read.errors.map((e) => e.parameter));
  const usable = <K extends keyof TagsQuery>(name: K) => (failed.has(name) ? undefined : params[name]);
  const date = (name: 'since' | 'until') => {
    const value = usable(name);
    if (value === undefined) return undefined;
    return dateOf(value) ?? read.fail(name, DATE_TIME_DETAIL);
  };
  const untilParam = date('until');
  const sinceParam = date('since');
  const until = untilParam ?? now;
  const since = sinceParam ?? new Date(until.getTime() - DEFAULT_TAG_WINDOW_MS);
  if (since >= until) read.fail('since', 'Must be earlier than until.');
  else if (until.getTime() - since.getTime() > MAX_TAG_WINDOW_MS)
    read.fail('since', 'The window may span at most 366 days.');
  const limitParam = usable('limit');
  const language = usable('language');
  const source = usable('source');
  return read.result({
    kind: kind as TagKind,
    since,
    until,
    limit: limitParam !== undefined ? Number(limitParam) : 20,
    ...(language ? { language } : {}),
    ...(source ? { source } : {}),
  });
}

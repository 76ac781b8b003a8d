import { fullFormats } from 'ajv-formats/dist/formats';

/**
 * The exact `uri` and `date-time` checks validateNinjs applies (ajv-formats, full mode), for code that builds
 * documents and must decide before validating whether a source value can go into a `format: uri` or `date-time` field.
 */
const uriCheck = fullFormats.uri as (s: string) => boolean;
const dateTimeCheck = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

/** Answers of uriCheck kept per string: the same vocabulary and gazetteer URIs recur in nearly every article. */
const uriAnswers = new Map<string, boolean>();
const URI_ANSWERS_LIMIT = 20_000;
/** Longer strings are checked each time rather than kept. */
const URI_ANSWER_MAX_LENGTH = 300;

/** An absolute URI as the schema's `format: uri` accepts it (validateNinjs applies this very function). */
export function isNinjsUri(value: string): boolean {
  if (value.length > URI_ANSWER_MAX_LENGTH) return uriCheck(value);
  let ok = uriAnswers.get(value);
  if (ok === undefined) {
    ok = uriCheck(value);
    if (uriAnswers.size >= URI_ANSWERS_LIMIT) uriAnswers.clear();
    uriAnswers.set(value, ok);
  }
  return ok;
}

/** An RFC 3339 date-time with a time zone, as the schema's `format: date-time` accepts it. */
export function isNinjsDateTime(value: string): boolean {
  return dateTimeCheck(value);
}

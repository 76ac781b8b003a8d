import { fullFormats } from 'ajv-formats/dist/formats';

/**
 * The exact `uri` and `date-time` checks validateNinjs applies (ajv-formats, full mode), for code that builds
 * documents and must decide before validating whether a source value can go into a `format: uri` or `date-time` field.
 */
const uriCheck = fullFormats.uri as (s: string) => boolean;
const dateTimeCheck = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

/** An absolute URI as the schema's `format: uri` accepts it. */
export function isNinjsUri(value: string): boolean {
  return uriCheck(value);
}

/** An RFC 3339 date-time with a time zone, as the schema's `format: date-time` accepts it. */
export function isNinjsDateTime(value: string): boolean {
  return dateTimeCheck(value);
}

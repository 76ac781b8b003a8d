/**
 * Strict reading of query parameters. Express hands over strings, arrays (a repeated key) or, with an extended query
 * parser, objects (`?person[$ne]=x`). Only single plain strings are accepted, and only for known names: anything else
 * is a 400, so a caller's input can never reach MongoDB as an operator or as a field name.
 */

/** One problem with one parameter, listed in the problem+json `errors` member. */
export interface ParameterError {
  parameter: string;
  detail: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: ParameterError[] };

export const MAX_PARAMETER_LENGTH = 512;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Collects parameter errors while a query is read. */
export class QueryReader {
  readonly errors: ParameterError[] = [];

  constructor(
    private readonly query: Record<string, unknown>,
    allowed: readonly string[],
  ) {
    for (const name of Object.keys(query)) {
      if (!allowed.includes(name)) {
        this.fail(name, `Unknown parameter. Allowed: ${allowed.join(', ')}.`);
      }
    }
  }

  fail(parameter: string, detail: string): undefined {
    this.errors.push({ parameter, detail });
    return undefined;
  }

  /** A single plain string, trimmed and non-empty; undefined when absent. */
  string(name: string, maxLength = MAX_PARAMETER_LENGTH): string | undefined {
    const raw = this.query[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') {
      return this.fail(name, 'Must be given once, as a plain value (no arrays, no objects, no brackets).');
    }
    const value = raw.trim();
    if (value === '') return this.fail(name, 'Must not be empty.');
    if (value.length > maxLength) return this.fail(name, `Must be at most ${maxLength} characters.`);
    if (CONTROL_CHARACTERS.test(value)) return this.fail(name, 'Must not contain control characters.');
    return value;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) return this.fail(name, `Must be one of: ${values.join(', ')}.`);
    return value as T;
  }

  pattern(name: string, pattern: RegExp, description: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!pattern.test(value)) return this.fail(name, `Must be ${description}.`);
    return value;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.string(name, 20);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) return this.fail(name, `Must be a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (n < min || n > max) return this.fail(name, `Must be a whole number from ${min} to ${max}.`);
    return n;
  }

  /** RFC 3339 date-time with a zone (2024-03-01T10:00:00Z) or a date (2024-03-01, midnight UTC). */
  dateTime(name: string): Date | undefined {
    const value = this.string(name, 64);
    if (value === undefined) return undefined;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
    const ms = dateOnly ? Date.parse(`${value}T00:00:00Z`) : dateTime ? Date.parse(value) : NaN;
    if (Number.isNaN(ms)) {
      return this.fail(
        name,
        'Must be an RFC 3339 date-time with a time zone (2024-03-01T10:00:00Z) or a date (2024-03-01).',
      );
    }
    return new Date(ms);
  }

  /** A comma-separated list of names from `values`. */
  list<T extends string>(name: string, values: readonly T[]): T[] | undefined {
    const value = this.string(name, 2000);
    if (value === undefined) return undefined;
    const items = value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const unknown = items.filter((v) => !(values as readonly string[]).includes(v));
    if (unknown.length > 0) return this.fail(name, `Unknown field(s): ${unknown.join(', ')}.`);
    if (items.length === 0) return this.fail(name, 'Must name at least one field.');
    return [...new Set(items)] as T[];
  }

  result<T>(value: T): Parsed<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

/** BCP 47 language tags as found on wire copy: "en", "en-GB", "zh-Hant-TW", "und". */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;
/** Feed names: letters, digits and . _ - : (e.g. afp-en, reuters.world) */
export const SOURCE_NAME = /^[\w.:-]{1,128}$/;

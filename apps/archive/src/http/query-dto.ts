import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

/**
 * Query parameters as DTO classes: class-validator decorators say what a value may be, @nestjs/swagger's say what it
 * means, on the same property, so the OpenAPI document and the validation cannot drift apart.
 *
 * Express hands over strings, arrays (a repeated key) or, with an extended query parser, objects
 * (`?person[$ne]=x`). Only single plain strings are accepted, and only for the names a DTO declares: anything else
 * is a 400, so a caller's input can never reach MongoDB as an operator or as a field name. Values stay strings here;
 * what they mean (dates, words, cursors) is read by the query's parse function, which reports in the same form.
 */

/** One problem with one parameter, listed in the problem+json `errors` member. */
export interface ParameterError {
  parameter: string;
  detail: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: ParameterError[] };

export const MAX_PARAMETER_LENGTH = 512;

/** BCP 47 language tags as found on wire copy: "en", "en-GB", "zh-Hant-TW", "und". */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;
/** Feed names: letters, digits and . _ - : (e.g. afp-en, reuters.world) */
export const SOURCE_NAME = /^[\w.:-]{1,128}$/;
/** RFC 3339 date-time with a zone, or a date (midnight UTC). */
const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i;
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
export const DATE_TIME_DETAIL =
  'Must be an RFC 3339 date-time with a time zone (2024-03-01T10:00:00Z) or a date (2024-03-01).';

/**
 * An optional parameter given once as a plain string: trimmed, non-empty, bounded, without control characters.
 * The checks run in this order and the first one broken is reported.
 */
export function QueryString(options: ApiPropertyOptions & { maxLength?: number } = {}): PropertyDecorator {
  const { maxLength = MAX_PARAMETER_LENGTH, ...api } = options;
  return applyDecorators(
    ApiPropertyOptional({ type: String, maxLength, ...api } as ApiPropertyOptions),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsOptional(),
    IsString({ message: 'Must be given once, as a plain value (no arrays, no objects, no brackets).' }),
    IsNotEmpty({ message: 'Must not be empty.' }),
    MaxLength(maxLength, { message: `Must be at most ${maxLength} characters.` }),
    Matches(NO_CONTROL_CHARACTERS, { message: 'Must not contain control characters.' }),
  );
}

/** One of a fixed set of values. */
export function QueryEnum(values: readonly string[], options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    QueryString({ enum: [...values], ...options }),
    IsIn([...values], { message: `Must be one of: ${values.join(', ')}.` }),
  );
}

/** A value of a given shape. */
export function QueryPattern(pattern: RegExp, detail: string, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(QueryString({ pattern: pattern.source, ...options }), Matches(pattern, { message: detail }));
}

/** A whole number in [min, max], given as digits. */
export function QueryInteger(min: number, max: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  const detail = `Must be a whole number from ${min} to ${max}.`;
  return applyDecorators(
    QueryString({ type: Number, minimum: min, maximum: max, maxLength: 20, ...options } as ApiPropertyOptions),
    ValidateBy({
      name: 'integerInRange',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d+$/.test(value) && +value >= min && +value <= max,
        defaultMessage: () => detail,
      },
    }),
  );
}

/** An RFC 3339 date-time or a date. */
export function QueryDateTime(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    QueryString({ format: 'date-time', maxLength: 64, ...options }),
    Matches(DATE_OR_DATE_TIME, { message: DATE_TIME_DETAIL }),
  );
}

/** The date an RFC 3339 value names (a date alone is midnight UTC); undefined when it names none (2024-02-31). */
export function dateOf(value: string): Date | undefined {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * Validates a query string against a DTO class: unknown names, non-string values and broken rules are each one
 * ParameterError (the first broken rule per parameter). The DTO instance holds the trimmed strings.
 */
export function validateQuery<T extends object>(dto: new () => T, query: Record<string, unknown>): Parsed<T> {
  const instance = plainToInstance(dto, query);
  const allowed = [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', false, false)
        .map((m) => m.propertyName),
    ),
  ];
  const errors: ParameterError[] = Object.keys(query)
    .filter((name) => !allowed.includes(name))
    .map((name) => ({ parameter: name, detail: `Unknown parameter. Allowed: ${allowed.join(', ')}.` }));
  for (const error of validateSync(instance, { stopAtFirstError: true, forbidUnknownValues: true })) {
    if (!allowed.includes(error.property)) continue;
    const detail = Object.values(error.constraints ?? {})[0] ?? 'Invalid value.';
    errors.push({ parameter: error.property, detail });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: instance };
}

/** Collects the errors of reading a validated query's meaning (dates, words, cursors), in the same form. */
export class ParameterErrors {
  readonly errors: ParameterError[];

  constructor(initial: ParameterError[] = []) {
    this.errors = [...initial];
  }

  fail(parameter: string, detail: string): undefined {
    this.errors.push({ parameter, detail });
    return undefined;
  }

  result<T>(value: T): Parsed<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

/** Path parameters are read as strictly as query parameters: one plain string, bounded. */
export class ArticleIdPath {
  @QueryString({ maxLength: 1024 })
  id?: string;
}

export class IngestIdPath {
  @QueryPattern(/^[\w.:-]{1,256}$/, 'Must be an ingest id (letters, digits, . _ - :).')
  ingestId?: string;
}

/** The one path parameter of a request (with any query parameters refused), or its errors. */
export function pathParameter<T extends object, K extends keyof T & string>(
  dto: new () => T,
  name: K,
  value: unknown,
  query: Record<string, unknown> = {},
): Parsed<string> {
  const parsed = validateQuery(dto, { ...query, [name]: value });
  if (!parsed.ok) return parsed;
  const result = parsed.value[name];
  return typeof result === 'string'
    ? { ok: true, value: result }
    : { ok: false, errors: [{ parameter: name, detail: 'Required.' }] };
}

import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import ninjsSchema from '../schema/ninjs-schema_3.1.json';
import geoJsonSchema from '../schema/GeoJSON-schema.json';
import { isNinjsUri } from './formats';
import type { Ninjs } from './ninjs.types';

/** One schema violation, said so a person can find and fix it. */
export interface NinjsValidationError {
  /** JSON Pointer into the document, "" for the root */
  path: string;
  message: string;
}

export interface NinjsValidationResult {
  valid: boolean;
  errors: NinjsValidationError[];
}

let compiled: ValidateFunction | undefined;

/**
 * The ninjs 3.1 validator, compiled once. Both schemas come from libs/ninjs/schema: the GeoJSON schema is registered
 * under the $id the ninjs schema refers to, so no reference is ever resolved over the network.
 * strict is off because the official schema uses keyword combinations ajv's strict mode rejects (e.g. `type` next
 * to `$ref`); they are valid JSON Schema 2020-12.
 */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(ajv);
    // the same check as ajv-formats' full `uri` format, remembering its answers (the regex is long, the URIs recur)
    ajv.addFormat('uri', isNinjsUri);
    ajv.addSchema(geoJsonSchema as object);
    compiled = ajv.compile(ninjsSchema as object);
  }
  return compiled;
}

/** Checks a document against the official ninjs 3.1 schema. */
export function validateNinjs(doc: unknown): NinjsValidationResult {
  const validate = validator();
  if (validate(doc)) return { valid: true, errors: [] };
  return { valid: false, errors: readableErrors(validate.errors ?? []) };
}

export function isValidNinjs(doc: unknown): doc is Ninjs {
  return validator()(doc) === true;
}

/** Throws WireError INVALID_NINJS naming the first problems when the document does not validate. */
export function assertValidNinjs(doc: unknown): asserts doc is Ninjs {
  const { valid, errors } = validateNinjs(doc);
  if (!valid) throw new WireError(ErrorCode.INVALID_NINJS, `Not valid ninjs 3.1: ${formatNinjsErrors(errors)}.`);
}

/** "path: message; path: message" with at most `max` entries. */
export function formatNinjsErrors(errors: NinjsValidationError[], max = 5): string {
  const shown = errors.slice(0, max).map((e) => `${e.path || '/'}: ${e.message}`);
  if (errors.length > max) shown.push(`and ${errors.length - max} more`);
  return shown.join('; ');
}

function readableErrors(errors: ErrorObject[]): NinjsValidationError[] {
  const seen = new Set<string>();
  const out: NinjsValidationError[] = [];
  for (const e of errors) {
    const error = { path: e.instancePath, message: describe(e) };
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) continue; // oneOf/anyOf branches repeat the same complaint
    seen.add(key);
    out.push(error);
  }
  return out;
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'unevaluatedProperties':
      return `property "${String(p.unevaluatedProperty)}" is not allowed here`;
    case 'additionalProperties':
      return `property "${String(p.additionalProperty)}" is not allowed here`;
    case 'required':
      return `property "${String(p.missingProperty)}" is required`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `must be a valid ${String(p.format)}`;
    default:
      return e.message ?? e.keyword;
  }
}

import { hash } from 'node:crypto';
import type { Ninjs } from './ninjs.types';

/**
 * Top-level fields that say when or in which version a document was made, not what it says. They change on every
 * re-delivery (versionCreated defaults to the receive time) and must not make identical content look new.
 */
export const CONTENT_HASH_EXCLUDED_FIELDS: readonly string[] = ['version', 'versionCreated', 'standard'];

/**
 * sha256 (hex) over the canonical JSON of the document's content: keys sorted at every level, undefined values
 * dropped, array order kept, and the fields above left out. The same story delivered twice hashes the same, whatever
 * the key order; any change of headline, body, metadata or status gives another hash.
 */
export function contentHash(doc: Ninjs): string {
  return hash('sha256', canonicalJson(doc, CONTENT_HASH_EXCLUDED_FIELDS), 'hex');
}

/**
 * JSON with object keys sorted at every level (RFC 8785-like for the values ninjs holds), undefined dropped;
 * `omitTopLevel` names top-level keys to leave out.
 */
export function canonicalJson(value: unknown, omitTopLevel: readonly string[] = []): string {
  // plain JSON data (all a ninjs document holds): a copy with its keys inserted in sorted order, written by the
  // native JSON.stringify, is the canonical text and far cheaper than writing it piece by piece
  const sorted = sortedCopy(value, omitTopLevel);
  if (sorted !== UNSUPPORTED) return JSON.stringify(sorted) ?? 'null';
  return writeCanonical(omitTopLevel.length ? withoutKeys(value, omitTopLevel) : value);
}

const UNSUPPORTED = Symbol('unsupported');

/**
 * `value` with object keys in sorted order, or UNSUPPORTED where JSON.stringify of such a copy could differ from
 * writeCanonical: functions, symbols, bigints, objects that are not plain (Date, toJSON, class instances), array
 * holes, integer-like keys (an object lists them first, whatever the insertion order) and `__proto__`.
 */
function sortedCopy(value: unknown, omit: readonly string[]): unknown {
  if (value === null) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined') return value;
  if (type !== 'object') return UNSUPPORTED;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined && !(i in value)) return UNSUPPORTED;
      const copy = sortedCopy(v, NONE);
      if (copy === UNSUPPORTED) return UNSUPPORTED;
      out[i] = copy;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return UNSUPPORTED;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) {
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || key === '__proto__') return UNSUPPORTED;
    const v = obj[key];
    if (v === undefined || (omit.length && omit.includes(key))) continue;
    const copy = sortedCopy(v, NONE);
    if (copy === UNSUPPORTED) return UNSUPPORTED;
    out[key] = copy;
  }
  return out;
}

const NONE: readonly string[] = [];

function withoutKeys(value: unknown, omit: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const content: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!omit.includes(key)) content[key] = (value as Record<string, unknown>)[key];
  }
  return content;
}

/** The general writer, for values sortedCopy does not take. */
function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : writeCanonical(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${writeCanonical(v)}`);
  }
  return `{${parts.join(',')}}`;
}

import { createHash } from 'node:crypto';
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
  const hash = createHash('sha256');
  const content: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    if (!CONTENT_HASH_EXCLUDED_FIELDS.includes(key)) content[key] = (doc as unknown as Record<string, unknown>)[key];
  }
  hash.update(canonicalJson(content));
  return hash.digest('hex');
}

/** JSON with object keys sorted at every level (RFC 8785-like for the values ninjs holds), undefined dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

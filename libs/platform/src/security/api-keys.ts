import { createHash, timingSafeEqual } from 'node:crypto';

/** What a key may do: `write` = POST /v1/wire, `read` = the archive's GET /v1/*, `metrics` = GET /metrics when protected. */
export const API_SCOPES = ['read', 'write', 'metrics'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** One configured key. Only its SHA-256 digest is kept in memory: the key itself is never stored, logged or shown. */
export interface ApiKey {
  /** a non-secret label for logs and rate-limit buckets: `key-` + the first 8 hex digits of the digest */
  id: string;
  digest: Buffer;
  scopes: ApiScope[];
}

/** Keys shorter than this are refused at start: they could be guessed. */
export const MIN_API_KEY_LENGTH = 16;
const KEY_PATTERN = /^[A-Za-z0-9._~+/=-]+$/;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Parses API_KEYS: comma-separated `<key>:<scope>[+<scope>…]` entries, e.g.
 * `API_KEYS="s3cr3t-producer-key-1:write,s3cr3t-reader-key-22:read,admin-key-0123456789:read+write+metrics"`.
 * A malformed entry throws at start (a security setting must never be half-applied); the message never echoes a key.
 */
export function parseApiKeys(spec: string | undefined): ApiKey[] {
  if (!spec || !spec.trim()) return [];
  return spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const colon = entry.lastIndexOf(':');
      const where = `API_KEYS entry ${index + 1}`;
      if (colon <= 0)
        throw new Error(`${where} must be "<key>:<scopes>" (scopes: ${API_SCOPES.join(', ')}, joined by +).`);
      const key = entry.slice(0, colon);
      const scopes = entry
        .slice(colon + 1)
        .split('+')
        .map((s) => s.trim().toLowerCase());
      if (key.length < MIN_API_KEY_LENGTH)
        throw new Error(`${where}: the key must have at least ${MIN_API_KEY_LENGTH} characters.`);
      if (!KEY_PATTERN.test(key)) throw new Error(`${where}: the key may only use letters, digits and . _ ~ + / = -.`);
      const unknown = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
      if (unknown.length || scopes.length === 0) {
        throw new Error(`${where}: unknown scope "${unknown[0] ?? ''}" (one of ${API_SCOPES.join(', ')}).`);
      }
      const digest = sha256(key);
      return { id: `key-${digest.toString('hex').slice(0, 8)}`, digest, scopes: [...new Set(scopes)] as ApiScope[] };
    });
}

/**
 * The configured key matching `presented`, compared in constant time: both sides are SHA-256 digests of equal length,
 * and every configured key is compared, so neither the length nor the position of a match shows in the timing.
 */
export function findApiKey(presented: string, keys: readonly ApiKey[]): ApiKey | undefined {
  const digest = sha256(presented);
  let found: ApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(digest, key.digest) && !found) found = key;
  }
  return found;
}

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`; undefined when there is none. */
export function presentedApiKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = (name: string) => {
    const value = headers[name];
    return (Array.isArray(value) ? value[0] : value)?.trim();
  };
  const authorization = header('authorization');
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  return bearer || header('x-api-key') || undefined;
}

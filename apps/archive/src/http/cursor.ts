import { createHash } from 'node:crypto';

/**
 * Opaque pagination cursors: base64url of a small JSON object naming the last item of the page and a fingerprint of
 * the query it belongs to. Decoding validates every field, so a tampered cursor is a 400, never a query.
 */
export type CursorOrder = 'newest' | 'relevance';

export interface CursorKey {
  order: CursorOrder;
  versionCreated: Date;
  uri: string;
  /** relevance order only */
  score?: number;
}

interface CursorJson {
  o: 'n' | 'r';
  t: string;
  u: string;
  s?: number;
  /** fingerprint of the filters: a cursor only continues the query it came from */
  f: string;
}

const MAX_CURSOR_LENGTH = 4096;

/** A short fingerprint of the query's filters (not of limit/fields/cursor, which may change between pages). */
export function queryFingerprint(filters: Record<string, unknown>): string {
  const canonical = Object.keys(filters)
    .filter((k) => filters[k] !== undefined)
    .sort()
    .map((k) => {
      const v = filters[k];
      return `${k}=${v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(' ') : String(v)}`;
    })
    .join('&');
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodeCursor(key: CursorKey, fingerprint: string): string {
  const json: CursorJson = {
    o: key.order === 'relevance' ? 'r' : 'n',
    t: key.versionCreated.toISOString(),
    u: key.uri,
    ...(key.order === 'relevance' ? { s: key.score ?? 0 } : {}),
    f: fingerprint,
  };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

export type CursorResult = { ok: true; key: CursorKey } | { ok: false; detail: string };

export function decodeCursor(cursor: string, fingerprint: string, order: CursorOrder): CursorResult {
  const invalid = (detail: string): CursorResult => ({ ok: false, detail });
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    return invalid('Not a cursor returned by this API.');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return invalid('Not a cursor returned by this API.');
  }
  const c = json as Partial<CursorJson>;
  if (!c || typeof c !== 'object' || Array.isArray(c)) return invalid('Not a cursor returned by this API.');
  if ((c.o !== 'n' && c.o !== 'r') || typeof c.t !== 'string' || typeof c.u !== 'string' || typeof c.f !== 'string') {
    return invalid('Not a cursor returned by this API.');
  }
  const ms = Date.parse(c.t);
  if (Number.isNaN(ms) || c.u.length === 0) return invalid('Not a cursor returned by this API.');
  const cursorOrder: CursorOrder = c.o === 'r' ? 'relevance' : 'newest';
  if (c.f !== fingerprint || cursorOrder !== order) {
    return invalid('The cursor belongs to a different query: repeat the same filters, or start without a cursor.');
  }
  if (cursorOrder === 'relevance' && (typeof c.s !== 'number' || !Number.isFinite(c.s))) {
    return invalid('Not a cursor returned by this API.');
  }
  return {
    ok: true,
    key: {
      order: cursorOrder,
      versionCreated: new Date(ms),
      uri: c.u,
      ...(cursorOrder === 'relevance' ? { score: c.s } : {}),
    },
  };
}

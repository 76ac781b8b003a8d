import type { Response } from 'express';

/**
 * The ETag Express gives these bytes: its own generator, as configured with `app.set('etag', 'strong')`
 * (archive.http.ts); undefined when the app has none.
 */
export function expressEtag(res: Response, body: string | Buffer): string | undefined {
  const generate = res.app?.get('etag fn') as ((body: Buffer, encoding: BufferEncoding) => string) | undefined;
  return generate?.(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, 'utf8');
}

/**
 * If-None-Match evaluation (RFC 9110 §13.1.2): weak comparison, `*` matches any current representation, several
 * tags may be listed. Not Express's `req.fresh`: that is a cache's rule, and answers 200 whenever the request says
 * `Cache-Control: no-cache`, which fetch() adds to every request with If-None-Match; an origin server evaluates the
 * precondition regardless (RFC 9110 §13.2.1).
 */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
}

import { ProblemException } from '@wiredesk/platform';
import type { Request, Response } from 'express';
import { expressEtag, ifNoneMatchHits } from './etag';
import type { ParameterError, Parsed } from './query-dto';

/** Code of a 400 caused by query or path parameters (problem+json `code`). */
export const INVALID_PARAMETER = 'INVALID_PARAMETER';

/** The value of a successful parse, or a 400 problem+json listing every bad parameter. */
export function valueOrBadRequest<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw invalidParameters(parsed.errors);
}

export function invalidParameters(errors: ParameterError[]): ProblemException {
  const detail = errors.map((e) => `${e.parameter}: ${e.detail}`).join(' ');
  return new ProblemException(400, INVALID_PARAMETER, detail, { errors });
}

export function notFound(detail: string): ProblemException {
  return new ProblemException(404, 'NOT_FOUND', detail);
}

/**
 * Sends JSON with Express's strong ETag of its bytes; a matching If-None-Match gets 304 without a body. Clients
 * revalidate (no-cache): stories change when a new version or a kill arrives.
 */
export function sendJson(req: Request, res: Response, body: unknown): void {
  sendBody(req, res, JSON.stringify(body), 'application/json');
}

/** Sends a body Express's ETag is computed from (see etag.ts). */
export function sendBody(req: Request, res: Response, body: string | Buffer, contentType: string): void {
  const etag = expressEtag(res, body);
  const send = () => res.type(contentType).send(body);
  if (etag === undefined) send();
  else sendWithEtag(req, res, etag, send);
}

/** For a body Express does not see (a stream), with an ETag of its own: 304 when If-None-Match matches it. */
export function sendWithEtag(req: Request, res: Response, etag: string, send: () => void): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (ifNoneMatchHits(req.get('If-None-Match'), etag)) {
    res.status(304).end();
    return;
  }
  send();
}

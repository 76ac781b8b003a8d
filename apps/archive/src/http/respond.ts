import { ProblemException } from '@wiredesk/platform';
import type { Request, Response } from 'express';
import { etagOf, ifNoneMatchHits } from './etag';
import type { ParameterError, Parsed } from './query-params';

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
 * Sends JSON with a strong ETag of its bytes; a matching If-None-Match gets 304 without a body. Clients revalidate
 * (no-cache): stories change when a new version or a kill arrives.
 */
export function sendJson(req: Request, res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  sendWithEtag(req, res, etagOf(text), () => res.type('application/json').send(text));
}

export function sendWithEtag(req: Request, res: Response, etag: string, send: () => void): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (ifNoneMatchHits(req.get('If-None-Match'), etag)) {
    res.status(304).end();
    return;
  }
  send();
}

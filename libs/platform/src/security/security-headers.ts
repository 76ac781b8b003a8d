import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response, by helmet. The APIs serve JSON and bytes, never pages: nothing may load, frame
 * or run from them. Two routes are pages and get a policy of their own: the OpenAPI UI (/docs on the archive) and the
 * wire monitor (`/`). A route may still set a stricter policy (the raw copy adds `sandbox`).
 */
const NOTHING = ["'none'"];
const SELF = ["'self'"];
const LOCKED = { frameAncestors: NOTHING, baseUri: NOTHING, formAction: NOTHING };

export const API_POLICY = { defaultSrc: NOTHING, ...LOCKED };
/** The OpenAPI UI: its own scripts, styles (Swagger UI sets some inline) and images only. */
export const DOCS_POLICY = {
  defaultSrc: SELF,
  scriptSrc: SELF,
  styleSrc: [...SELF, "'unsafe-inline'"],
  imgSrc: [...SELF, 'data:'],
  ...LOCKED,
};
/** The wire monitor: its own script and style files (no inline code), and fetches to this origin only. */
export const MONITOR_POLICY = {
  defaultSrc: NOTHING,
  scriptSrc: SELF,
  styleSrc: SELF,
  connectSrc: SELF,
  imgSrc: SELF,
  ...LOCKED,
};
export const DOCS_PATH_PREFIX = '/docs';
export const MONITOR_PATH = '/';

const withPolicy = (directives: Record<string, string[]>): RequestHandler =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });

const api = withPolicy(API_POLICY);
const docs = withPolicy(DOCS_POLICY);
const monitor = withPolicy(MONITOR_POLICY);

function isDocs(path: string): boolean {
  return (
    path === DOCS_PATH_PREFIX || path.startsWith(`${DOCS_PATH_PREFIX}/`) || path.startsWith(`${DOCS_PATH_PREFIX}-`)
  );
}

/** Express middleware: the headers for the route's kind (API, OpenAPI UI, monitor page). */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const handler = req.path === MONITOR_PATH ? monitor : isDocs(req.path) ? docs : api;
  handler(req, res, next);
}

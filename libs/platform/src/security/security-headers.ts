import type { NextFunction, Request, Response } from 'express';

/** The APIs serve JSON and bytes, never pages: nothing may load, frame or run from a response. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The OpenAPI UI (/docs on the archive) is a page: its own scripts, styles and images only. */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
export const DOCS_PATH_PREFIX = '/docs';

/**
 * The archive's wire monitor (`/`) is a page: its own script and style files (no inline code), and fetches to this
 * origin only (the query API). Its /monitor.js and /monitor.css need no policy of their own: a policy applies to the
 * document that loads them.
 */
export const MONITOR_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
export const MONITOR_PATH = '/';

function contentSecurityPolicy(path: string): string {
  if (path === MONITOR_PATH) return MONITOR_CONTENT_SECURITY_POLICY;
  if (path === DOCS_PATH_PREFIX || path.startsWith(`${DOCS_PATH_PREFIX}/`) || path.startsWith(`${DOCS_PATH_PREFIX}-`))
    return DOCS_CONTENT_SECURITY_POLICY;
  return API_CONTENT_SECURITY_POLICY;
}

/** Headers every response carries. A route may set a stricter CSP of its own (the raw copy adds `sandbox`). */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.path));
  res.removeHeader('X-Powered-By');
  next();
}

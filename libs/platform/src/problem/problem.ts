import { HttpException, HttpStatus } from '@nestjs/common';
import { isWireError } from '@wiredesk/contracts';

/** RFC 9457 problem details, with Wiredesk's stable `code` extension member. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://wiredesk.dev/problems/';

/** Codes for HTTP-only conditions that are not about the copy (the copy's own codes are in @wiredesk/contracts). */
export const HttpProblemCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

const CODE_BY_STATUS: Record<number, string> = {
  400: HttpProblemCode.BAD_REQUEST,
  401: HttpProblemCode.UNAUTHORIZED,
  403: HttpProblemCode.FORBIDDEN,
  404: HttpProblemCode.NOT_FOUND,
  405: HttpProblemCode.METHOD_NOT_ALLOWED,
  413: 'TOO_LARGE',
  415: HttpProblemCode.UNSUPPORTED_MEDIA_TYPE,
  429: HttpProblemCode.RATE_LIMITED,
  503: HttpProblemCode.UNAVAILABLE,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problemTypeFor(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

export function problem(
  status: number,
  code: string,
  detail?: string,
  extra?: Record<string, unknown>,
): ProblemDetails {
  return {
    type: problemTypeFor(code),
    title: TITLE_BY_STATUS[status] ?? (status >= 500 ? 'Server error' : 'Request error'),
    status,
    ...(detail ? { detail } : {}),
    code,
    ...(extra ?? {}),
  };
}

/** Throw this from a controller to answer with a specific problem+json body. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(problem(status, code, detail, extra), status);
  }
}

/** Maps anything thrown while handling a request to a problem; internal details never leak to the caller. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.getResponse() as ProblemDetails;
  if (isWireError(error)) return problem(HttpStatus.BAD_REQUEST, error.code, error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail =
      typeof body === 'string'
        ? body
        : Array.isArray((body as { message?: unknown }).message)
          ? (body as { message: string[] }).message.join('; ')
          : String((body as { message?: unknown }).message ?? error.message);
    return problem(status, CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'), detail);
  }
  // body-parser style errors carry a status and a type (e.g. 'entity.too.large')
  const e = error as { status?: number; statusCode?: number; type?: string; expose?: boolean; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, CODE_BY_STATUS[status] ?? 'BAD_REQUEST', e.expose ? e.message : undefined);
  }
  return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'The request could not be completed.');
}

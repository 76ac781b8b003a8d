import { ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, problem } from '@wiredesk/platform';
import { QueryTimeoutError } from '@wiredesk/storage';
import type { Request, Response } from 'express';

export const QUERY_TIMEOUT = 'QUERY_TIMEOUT';
/** Seconds a client should wait before asking again: long enough for a busy store to drain. */
export const QUERY_RETRY_AFTER_SECONDS = 5;

/**
 * A query past its time limit (QUERY_TIME_LIMIT_MS) is the request's 503 problem+json with Retry-After: the store
 * stopped it (`maxTimeMS`), nothing else waits on it.
 */
@Catch(QueryTimeoutError)
export class QueryTimeoutFilter implements ExceptionFilter {
  private readonly logger = new Logger('QueryTimeout');

  catch(exception: QueryTimeoutError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    this.logger.warn({ msg: 'query time limit reached', path: req.path, limitMs: exception.limitMs });
    if (res.headersSent) return;
    const body = problem(503, QUERY_TIMEOUT, `${exception.message} Try again later, or narrow the query.`, {
      retryAfterSeconds: QUERY_RETRY_AFTER_SECONDS,
    });
    res
      .status(503)
      .setHeader('Retry-After', String(QUERY_RETRY_AFTER_SECONDS))
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(body));
  }
}

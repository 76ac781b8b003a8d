import type { ArgumentsHost } from '@nestjs/common';
import { QueryTimeoutError } from '@wiredesk/storage';
import { QUERY_RETRY_AFTER_SECONDS, QueryTimeoutFilter } from './query-timeout.filter';

describe('QueryTimeoutFilter', () => {
  it('answers 503 problem+json with Retry-After', () => {
    const res = {
      headersSent: false,
      headers: {} as Record<string, string>,
      statusCode: 0,
      body: '',
      contentType: '',
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      setHeader(name: string, value: string) {
        this.headers[name] = value;
        return this;
      },
      type(value: string) {
        this.contentType = value;
        return this;
      },
      send(body: string) {
        this.body = body;
        return this;
      },
    };
    const host = {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ path: '/v1/articles' }) }),
    } as unknown as ArgumentsHost;
    new QueryTimeoutFilter().catch(new QueryTimeoutError(5000), host);
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe(String(QUERY_RETRY_AFTER_SECONDS));
    expect(res.contentType).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 503, code: 'QUERY_TIMEOUT' });
  });
});

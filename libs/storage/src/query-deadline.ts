import { MongoServerError } from 'mongodb';

/** A query ran out of its time limit (QUERY_TIME_LIMIT_MS): the API answers 503 with Retry-After. */
export class QueryTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`The query did not finish within ${limitMs} ms.`);
    this.name = 'QueryTimeoutError';
  }
}

const MAX_TIME_MS_EXPIRED = 50;

/**
 * The time budget of one API request, shared by all the store queries it makes: each gets the time that is left as
 * its `maxTimeMS` (MongoDB and FerretDB both stop a query there), and no new query starts after the budget is spent.
 */
export class QueryDeadline {
  private readonly end: number;

  constructor(
    readonly limitMs: number,
    now = Date.now(),
  ) {
    this.end = now + limitMs;
  }

  /** the `maxTimeMS` of the next query; throws when nothing is left */
  remaining = (): number => {
    const left = this.end - Date.now();
    if (left <= 0) throw new QueryTimeoutError(this.limitMs);
    return left;
  };

  /** Runs a query, turning the server's "time limit exceeded" into a QueryTimeoutError. */
  async run<T>(query: () => Promise<T>): Promise<T> {
    this.remaining();
    try {
      return await query();
    } catch (error) {
      if (error instanceof MongoServerError && error.code === MAX_TIME_MS_EXPIRED) {
        throw new QueryTimeoutError(this.limitMs);
      }
      throw error;
    }
  }
}

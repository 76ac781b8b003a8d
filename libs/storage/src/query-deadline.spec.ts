import { MongoServerError } from 'mongodb';
import { QueryDeadline, QueryTimeoutError } from './query-deadline';

describe('QueryDeadline', () => {
  it("gives each query what is left of the request's budget", () => {
    const deadline = new QueryDeadline(1000, Date.now() - 400);
    expect(deadline.remaining()).toBeGreaterThan(0);
    expect(deadline.remaining()).toBeLessThanOrEqual(600);
  });

  it('starts no query once the budget is spent', async () => {
    const deadline = new QueryDeadline(100, Date.now() - 200);
    const query = jest.fn(async () => 1);
    await expect(deadline.run(query)).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(query).not.toHaveBeenCalled();
  });

  it("turns the store's MaxTimeMSExpired into a QueryTimeoutError, and passes other errors on", async () => {
    const deadline = new QueryDeadline(1000);
    const expired = new MongoServerError({ code: 50, errmsg: 'operation exceeded time limit' });
    await expect(deadline.run(() => Promise.reject(expired))).rejects.toEqual(new QueryTimeoutError(1000));
    const other = new MongoServerError({ code: 2, errmsg: 'bad value' });
    await expect(deadline.run(() => Promise.reject(other))).rejects.toBe(other);
  });
});

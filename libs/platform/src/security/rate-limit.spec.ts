import { RateLimit } from './rate-limit';

describe('RateLimit', () => {
  it('allows perMinute requests per client, then refuses with the seconds until a slot frees', async () => {
    const limit = new RateLimit(3);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limit.take('key-a'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(verdicts.map((v) => v.remaining)).toEqual([2, 1, 0, 0]);
    expect(verdicts[3].retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(verdicts[3].retryAfterSeconds).toBeLessThanOrEqual(60);
    // another client has its own count
    expect((await limit.take('ip:10.0.0.9')).allowed).toBe(true);
    limit.close();
  });

  it('lets everything through when off', async () => {
    const limit = new RateLimit(0);
    expect(limit.enabled).toBe(false);
    for (let i = 0; i < 100; i++) expect((await limit.take('x')).allowed).toBe(true);
  });
});

import { TokenBucketLimiter } from './rate-limiter';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(60, 3, 100, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    now += 1000; // 60 a minute: one token a second
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps one bucket per client', () => {
    const limiter = new TokenBucketLimiter(1, 1, 100, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('is off at 0 a minute', () => {
    const limiter = new TokenBucketLimiter(0);
    expect(limiter.enabled).toBe(false);
    for (let i = 0; i < 1000; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('bounds its memory, dropping full buckets before busy ones', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(60, 2, 3, () => now);
    limiter.take('busy');
    limiter.take('busy');
    now += 10; // 'busy' stays empty; the others refill to full at once? no: 10 ms is far from a token
    for (const c of ['c1', 'c2', 'c3', 'c4']) limiter.take(c);
    expect(limiter.size).toBe(3);
    // the newest clients survive the LRU eviction
    expect(limiter.take('c4').allowed).toBe(true);
  });
});

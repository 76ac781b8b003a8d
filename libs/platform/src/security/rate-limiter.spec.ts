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

  it('bounds its memory, dropping full buckets (which equal no bucket) before partly used ones', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(1, 2, 3, () => now);
    limiter.take('idle');
    limiter.take('busy');
    limiter.take('busy');
    now = 60000; // one token later: 'idle' is full again, 'busy' holds one
    limiter.take('c1');
    limiter.take('c2');
    expect(limiter.size).toBe(3);
    // 'busy' kept its state: one request left, not a fresh burst of two
    expect(limiter.take('busy').allowed).toBe(true);
    expect(limiter.take('busy').allowed).toBe(false);
  });
});

import { decodeCursor, encodeCursor, queryFingerprint } from './cursor';

describe('cursor', () => {
  const fingerprint = queryFingerprint({ person: 'nato', order: 'newest' });

  it('round-trips a newest-first key', () => {
    const key = { order: 'newest' as const, versionCreated: new Date('2024-03-01T10:00:00.123Z'), uri: 'urn:x:ü/1' };
    const cursor = encodeCursor(key, fingerprint);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, fingerprint, 'newest')).toEqual({ ok: true, key });
  });

  it('round-trips a relevance key with its score', () => {
    const fp = queryFingerprint({ terms: ['nato'], order: 'relevance' });
    const key = {
      order: 'relevance' as const,
      versionCreated: new Date('2024-03-01T10:00:00Z'),
      uri: 'urn:y',
      score: 7,
    };
    expect(decodeCursor(encodeCursor(key, fp), fp, 'relevance')).toEqual({ ok: true, key });
  });

  it('refuses a cursor of another query or order', () => {
    const cursor = encodeCursor({ order: 'newest', versionCreated: new Date(), uri: 'urn:a' }, fingerprint);
    expect(decodeCursor(cursor, queryFingerprint({ person: 'other', order: 'newest' }), 'newest').ok).toBe(false);
    expect(decodeCursor(cursor, fingerprint, 'relevance').ok).toBe(false);
  });

  it('refuses garbage and tampered content', () => {
    const forge = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
    for (const bad of [
      '',
      'not base64!',
      forge([1, 2]),
      forge({ o: 'n', t: { $gt: '' }, u: 'urn:a', f: fingerprint }),
      forge({ o: 'n', t: 'not a date', u: 'urn:a', f: fingerprint }),
      forge({ o: 'r', t: '2024-01-01T00:00:00Z', u: 'urn:a', f: fingerprint }),
    ]) {
      expect(decodeCursor(bad, fingerprint, 'newest').ok).toBe(false);
    }
  });

  it('fingerprints filters independently of key order', () => {
    expect(queryFingerprint({ a: '1', b: new Date(0) })).toBe(
      queryFingerprint({ b: new Date(0), a: '1', c: undefined }),
    );
    expect(queryFingerprint({ a: '1' })).not.toBe(queryFingerprint({ a: '2' }));
  });
});

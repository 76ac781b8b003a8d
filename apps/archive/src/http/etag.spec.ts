import express from 'express';
import type { Response } from 'express';
import { expressEtag, ifNoneMatchHits } from './etag';

describe('etag', () => {
  const app = express();
  app.set('etag', 'strong');
  const res = { app } as unknown as Response;

  it("is Express's strong ETag of the exact bytes", () => {
    const tag = expressEtag(res, '{"a":1}')!;
    expect(tag).toMatch(/^"[^"\s]+"$/);
    expect(tag).toBe(expressEtag(res, Buffer.from('{"a":1}')));
    expect(tag).not.toBe(expressEtag(res, '{"a":2}'));
  });

  it('matches If-None-Match with weak comparison, lists and *', () => {
    const tag = expressEtag(res, 'x')!;
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});

import { BucketTagCache, stampDocumentId, stampField } from './bucket-tag-cache';
import type { FrozenTally } from './tag-counts';

const tally: FrozenTally = [['q1794', 2, 'http://www.wikidata.org/entity/Q1794', 'Frankfurt', 2]];

describe('BucketTagCache', () => {
  it('gives back a bucket only under the stamp it was read with', () => {
    const cache = new BucketTagCache();
    cache.put('h:10:0', 'stamp-a', 'places', {}, tally);
    expect(cache.get('h:10:0', 'stamp-a', 'places', {})).toBe(tally);
    expect(cache.get('h:10:0', 'stamp-a', 'people', {})).toBeUndefined();
    expect(cache.get('h:10:0', 'stamp-a', 'places', { language: 'fr' })).toBeUndefined();
    // the day now shows another batch's stamp: the bucket changed, and is read again
    expect(cache.get('h:10:0', 'stamp-b', 'places', {})).toBeUndefined();
    expect(cache.get('h:10:0', 'stamp-a', 'places', {})).toBeUndefined();
  });

  it('forgets a bucket after its age limit, and the least recently used bucket past its size', () => {
    let now = 0;
    const cache = new BucketTagCache(2, 1000, () => now);
    cache.put('h:1:0', '', 'places', {}, tally);
    now = 1001;
    expect(cache.get('h:1:0', '', 'places', {})).toBeUndefined();
    cache.put('h:1:0', '', 'places', {}, tally);
    cache.put('h:2:0', '', 'places', {}, tally);
    expect(cache.get('h:1:0', '', 'places', {})).toBe(tally);
    cache.put('h:3:0', '', 'places', {}, tally);
    expect(cache.get('h:2:0', '', 'places', {})).toBeUndefined();
    expect(cache.get('h:1:0', '', 'places', {})).toBe(tally);
  });

  it('names the day document and field of a bucket', () => {
    expect(stampDocumentId('h:47:3')).toBe('s:1');
    expect(stampField('h:47:3')).toBe('h47_3');
    // the hour-wide buckets of databases written before ten-minute ones
    expect(stampDocumentId('h:47')).toBe('s:1');
    expect(stampField('h:47')).toBe('h47');
  });
});

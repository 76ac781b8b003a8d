import { BucketTagCache, stampDocumentId, stampField } from './bucket-tag-cache';
import type { FrozenTally } from './tag-counts';

const tally: FrozenTally = [['q1794', 2, 'http://www.wikidata.org/entity/Q1794', 'Frankfurt', 2]];

describe('BucketTagCache', () => {
  it('gives back a bucket only under the stamp it was read with', () => {
    const cache = new BucketTagCache();
    cache.put('b:10', 'stamp-a', 'places', {}, tally);
    expect(cache.get('b:10', 'stamp-a', 'places', {})).toBe(tally);
    expect(cache.get('b:10', 'stamp-a', 'people', {})).toBeUndefined();
    expect(cache.get('b:10', 'stamp-a', 'places', { language: 'fr' })).toBeUndefined();
    // the day now shows another batch's stamp: the bucket changed, and is read again
    expect(cache.get('b:10', 'stamp-b', 'places', {})).toBeUndefined();
    expect(cache.get('b:10', 'stamp-a', 'places', {})).toBeUndefined();
  });

  it('forgets a bucket after its age limit, and the least recently used bucket past its size', () => {
    let now = 0;
    const cache = new BucketTagCache(2, 1000, () => now);
    cache.put('b:1', '', 'places', {}, tally);
    now = 1001;
    expect(cache.get('b:1', '', 'places', {})).toBeUndefined();
    cache.put('b:1', '', 'places', {}, tally);
    cache.put('b:2', '', 'places', {}, tally);
    expect(cache.get('b:1', '', 'places', {})).toBe(tally);
    cache.put('b:3', '', 'places', {}, tally);
    expect(cache.get('b:2', '', 'places', {})).toBeUndefined();
    expect(cache.get('b:1', '', 'places', {})).toBe(tally);
  });

  it('names the day document and field of a bucket', () => {
    // 144 ten-minute slots a day
    expect(stampDocumentId('b:290')).toBe('s:2');
    expect(stampField('b:290')).toBe('b290');
  });
});

import { HourTagCache, stampDocumentId, stampField } from './hour-tag-cache';
import type { FrozenTally } from './tag-counts';

const tally: FrozenTally = [['q1794', 2, 'http://www.wikidata.org/entity/Q1794', 'Frankfurt', 2]];

describe('HourTagCache', () => {
  it('gives back an hour only under the stamp it was read with', () => {
    const cache = new HourTagCache();
    cache.put(10, 'stamp-a', 'places', {}, tally);
    expect(cache.get(10, 'stamp-a', 'places', {})).toBe(tally);
    expect(cache.get(10, 'stamp-a', 'people', {})).toBeUndefined();
    expect(cache.get(10, 'stamp-a', 'places', { language: 'fr' })).toBeUndefined();
    // the day now shows another batch's stamp: the hour changed, and is read again
    expect(cache.get(10, 'stamp-b', 'places', {})).toBeUndefined();
    expect(cache.get(10, 'stamp-a', 'places', {})).toBeUndefined();
  });

  it('forgets an hour after its age limit, and the least recently used hour past its size', () => {
    let now = 0;
    const cache = new HourTagCache(2, 1000, () => now);
    cache.put(1, '', 'places', {}, tally);
    now = 1001;
    expect(cache.get(1, '', 'places', {})).toBeUndefined();
    cache.put(1, '', 'places', {}, tally);
    cache.put(2, '', 'places', {}, tally);
    expect(cache.get(1, '', 'places', {})).toBe(tally);
    cache.put(3, '', 'places', {}, tally);
    expect(cache.get(2, '', 'places', {})).toBeUndefined();
    expect(cache.get(1, '', 'places', {})).toBe(tally);
  });

  it('names the day document and field of an hour', () => {
    expect(stampDocumentId(47)).toBe('s:1');
    expect(stampField(47)).toBe('h47');
  });
});

import { toArticleRecord } from '../articles/article-record';
import { countTags } from './tag-counts';
import {
  ALL_STORIES_DIRECTORY,
  bucketId,
  decodeEntry,
  directoriesFor,
  directoriesOf,
  encodeEntry,
  entryMatches,
  entryOf,
  hourOf,
  HOUR_MS,
  hoursToWalk,
} from './timeline-entry';

const record = (uri: string, versionCreated: string, extra: Record<string, unknown> = {}) =>
  toArticleRecord({
    ninjs: {
      uri,
      version: '1',
      versionCreated,
      language: 'en',
      people: [{ name: 'Ada Lovelace', uri: 'http://www.wikidata.org/entity/Q7259' }],
      places: [{ name: 'Ghent' }],
      ...extra,
    },
    contentHash: 'abcdef0123456789',
    source: 'AFP-EN',
  });

describe('timeline entries', () => {
  const entry = entryOf(record('urn:x:1', '2024-03-01T10:30:00Z'));

  it('encode to the same string every time and decode to the same entry', () => {
    const text = encodeEntry(entry);
    expect(encodeEntry(entryOf(record('urn:x:1', '2024-03-01T10:30:00Z')))).toBe(text);
    expect(decodeEntry(text)).toEqual(entry);
    expect(encodeEntry({ ...entry, status: 'canceled' })).not.toBe(text);
  });

  it('fall in the bucket of their hour and are listed by every directory a filter may name', () => {
    expect(bucketId(hourOf(entry.t))).toBe(`h:${Math.floor(Date.parse('2024-03-01T10:00:00Z') / HOUR_MS)}`);
    expect(directoriesOf(entry)).toEqual(
      expect.arrayContaining([
        ALL_STORIES_DIRECTORY,
        'd:status:usable',
        'd:language:en',
        'd:source:afp-en',
        'd:person:ada lovelace',
        'd:person:http://www.wikidata.org/entity/q7259',
        'd:place:ghent',
      ]),
    );
    expect(directoriesFor({ person: 'Ada LOVELACE ', language: 'EN' })).toEqual([
      'd:person:ada lovelace',
      'd:language:en',
    ]);
    expect(directoriesFor({})).toEqual([ALL_STORIES_DIRECTORY]);
  });

  it('match filters exactly, and only after the page key', () => {
    expect(entryMatches(entry, { person: 'ada lovelace', place: 'GHENT', source: 'afp-en' })).toBe(true);
    expect(entryMatches(entry, { person: 'charles babbage' })).toBe(false);
    expect(entryMatches(entry, { pubStatus: 'canceled' })).toBe(false);
    expect(entryMatches(entry, { until: new Date('2024-03-01T10:30:00Z') })).toBe(false);
    expect(entryMatches(entry, {}, { versionCreated: new Date('2024-03-01T10:30:00Z'), uri: 'urn:x:2' })).toBe(true);
    expect(entryMatches(entry, {}, { versionCreated: new Date('2024-03-01T10:30:00Z'), uri: 'urn:x:0' })).toBe(false);
  });

  it('walk the hours every directory lists, newest first, within the window and before the cursor', () => {
    const h = (iso: string) => hourOf(Date.parse(iso));
    const all = [h('2024-03-01T08:00Z'), h('2024-03-01T09:00Z'), h('2024-03-01T10:00Z'), h('2024-03-01T11:00Z')];
    expect(hoursToWalk([all, all.slice(1)], {})).toEqual([all[3], all[2], all[1]]);
    expect(hoursToWalk([all], { since: new Date('2024-03-01T09:30Z'), until: new Date('2024-03-01T11:00Z') })).toEqual([
      all[2],
      all[1],
    ]);
    const after = { versionCreated: new Date('2024-03-01T09:15Z'), uri: 'urn:x:9' };
    expect(hoursToWalk([all], {}, after)).toEqual([all[1], all[0]]);
  });
});

describe('countTags', () => {
  const window = { since: new Date('2024-03-01T00:00Z'), until: new Date('2024-03-02T00:00Z'), limit: 10 };
  const frankfurt = (uri: string, name: string, at = '2024-03-01T10:00Z', status?: 'canceled') =>
    entryOf(record(uri, at, { places: [{ name, uri: 'http://www.wikidata.org/entity/Q1794' }] }), status);

  it('counts each live story in the window once per tag, under the name most stories use', () => {
    const entries = [
      frankfurt('urn:a', 'Frankfurt'),
      frankfurt('urn:b', 'Frankfurt'),
      frankfurt('urn:c', 'Francfort'),
      frankfurt('urn:d', 'Frankfurt', '2024-03-01T11:00Z', 'canceled'),
      frankfurt('urn:e', 'Frankfurt', '2024-03-03T10:00Z'),
    ];
    expect(countTags(entries, 'places', window)).toEqual([
      { name: 'Frankfurt', uri: 'http://www.wikidata.org/entity/Q1794', count: 3 },
    ]);
    expect(countTags(entries, 'places', { ...window, language: 'fr' })).toEqual([]);
  });
});

import { recordAt } from '../../testing/article-fixtures';
import {
  ALL_STORIES_DIRECTORY,
  bucketIdAt,
  bucketIdsOf,
  bucketSpan,
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

const record = recordAt;

describe('timeline entries', () => {
  const entry = entryOf(record('urn:x:1', '2024-03-01T10:30:00Z'));

  it('encode to the same string every time and decode to the same entry', () => {
    const text = encodeEntry(entry);
    expect(encodeEntry(entryOf(record('urn:x:1', '2024-03-01T10:30:00Z')))).toBe(text);
    expect(decodeEntry(text)).toEqual(entry);
    expect(encodeEntry({ ...entry, status: 'canceled' })).not.toBe(text);
  });

  it('fall in the bucket of their ten minutes and are listed by every directory a filter may name', () => {
    const hour = Math.floor(Date.parse('2024-03-01T10:00:00Z') / HOUR_MS);
    // 10:30 is in the fourth ten minutes of the hour
    expect(bucketIdAt(entry.t)).toBe(`h:${hour}:3`);
    expect(bucketIdsOf(hour)).toEqual([`h:${hour}`, ...[0, 1, 2, 3, 4, 5].map((i) => `h:${hour}:${i}`)]);
    expect(bucketSpan(`h:${hour}:3`)).toEqual({
      hour,
      start: Date.parse('2024-03-01T10:30:00Z'),
      end: Date.parse('2024-03-01T10:40:00Z'),
    });
    expect(bucketSpan(`h:${hour}`)).toEqual({ hour, start: hour * HOUR_MS, end: (hour + 1) * HOUR_MS });
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

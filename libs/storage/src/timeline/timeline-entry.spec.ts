import { recordAt } from '../../testing/article-fixtures';
import {
  ALL_STORIES_DIRECTORY,
  bucketId,
  decodeEntry,
  directoriesFor,
  directoriesOf,
  encodeEntry,
  entryMatches,
  entryOf,
  SLOT_MS,
  slotOf,
  slotOfBucket,
  slotsToWalk,
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
    const slot = slotOf(entry.t);
    expect(slot * SLOT_MS).toBe(Date.parse('2024-03-01T10:30:00Z'));
    expect(slotOf(Date.parse('2024-03-01T10:39:59Z'))).toBe(slot);
    expect(slotOf(Date.parse('2024-03-01T10:40:00Z'))).toBe(slot + 1);
    expect(bucketId(slot)).toBe(`b:${slot}`);
    expect(slotOfBucket(bucketId(slot))).toBe(slot);
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

  it('walk the slots every directory lists, newest first, within the window and before the cursor', () => {
    const s = (iso: string) => slotOf(Date.parse(iso));
    const all = [s('2024-03-01T08:00Z'), s('2024-03-01T09:00Z'), s('2024-03-01T10:00Z'), s('2024-03-01T11:00Z')];
    expect(slotsToWalk([all, all.slice(1)], {})).toEqual([all[3], all[2], all[1]]);
    // 09:05 falls in the 09:00 slot: it is walked (entries before 09:05 are filtered out of it)
    expect(slotsToWalk([all], { since: new Date('2024-03-01T09:05Z'), until: new Date('2024-03-01T11:00Z') })).toEqual([
      all[2],
      all[1],
    ]);
    const after = { versionCreated: new Date('2024-03-01T09:05Z'), uri: 'urn:x:9' };
    expect(slotsToWalk([all], {}, after)).toEqual([all[1], all[0]]);
  });
});

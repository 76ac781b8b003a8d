import { recordAt as record } from '../../testing/article-fixtures';
import { countTags, TagTally } from './tag-counts';
import { entryOf } from './timeline-entry';

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

describe('TagTally', () => {
  it('adds frozen hours up to the same counts as the entries themselves', () => {
    const place = (name: string) => ({ places: [{ name, uri: 'http://www.wikidata.org/entity/Q1794' }] });
    const entries = [
      entryOf(record('urn:a', '2024-03-01T10:00Z', place('Frankfurt'))),
      entryOf(record('urn:b', '2024-03-01T10:30Z', place('Francfort'))),
      entryOf(record('urn:c', '2024-03-01T11:10Z', place('Frankfurt'))),
    ];
    const direct = new TagTally();
    entries.forEach((e) => direct.addEntry(e, 'places'));
    const [first, second] = [new TagTally(), new TagTally()];
    entries.slice(0, 2).forEach((e) => first.addEntry(e, 'places'));
    second.addEntry(entries[2], 'places');
    const summed = new TagTally();
    summed.addFrozen(first.freeze());
    summed.addFrozen(second.freeze());
    expect(summed.top(5)).toEqual(direct.top(5));
    expect(summed.top(5)).toEqual([{ name: 'Frankfurt', uri: 'http://www.wikidata.org/entity/Q1794', count: 3 }]);
  });
});

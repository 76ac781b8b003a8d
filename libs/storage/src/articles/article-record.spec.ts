import type { Ninjs } from '@wiredesk/ninjs';
import { mediaTopicQcode, storableKeys, toArticleRecord, versionNumber } from './article-record';

const ninjs: Ninjs = {
  uri: 'urn:newsml:afp.com:20180924:abc',
  version: '3',
  versionCreated: '2018-09-24T10:00:00Z',
  firstCreated: '2018-09-24T08:00:00Z',
  type: 'text',
  language: 'EN',
  headlines: [{ role: 'main', value: 'US to let NATO use its cyber defence skills' }],
  bodies: [
    {
      role: 'main',
      contentType: 'text/plain',
      value: 'The United States is expected to announce.\n\nBritain and Denmark have already committed.',
    },
  ],
  people: [
    { name: 'Jens Stoltenberg', rel: 'mentions', uri: 'http://www.wikidata.org/entity/Q57313' },
    { name: 'Jens Stoltenberg', rel: 'mentions', uri: 'http://www.wikidata.org/entity/Q57313' },
  ],
  organisations: [{ name: 'NATO', rel: 'about' }],
  places: [{ name: 'United Kingdom', uri: 'http://cv.iptc.org/newscodes/iso3166-1a2/GB' }],
  subjects: [{ name: 'cyber warfare', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000763' }],
};

describe('toArticleRecord', () => {
  const record = toArticleRecord({ ninjs, contentHash: 'abcdef0123456789', source: 'AFP-en', ingestId: 'i-1' });

  it('orders versions by number and keeps the label', () => {
    expect(record.version).toBe(3);
    expect(record.versionLabel).toBe('3');
    expect(record.versionCreated).toEqual(new Date('2018-09-24T10:00:00Z'));
  });

  it('lowercases the filter keys and gives every entity by name and by URI', () => {
    expect(record.personKeys).toEqual(['http://www.wikidata.org/entity/q57313', 'jens stoltenberg']);
    expect(record.organisationKeys).toEqual(['nato']);
    expect(record.placeKeys).toContain('united kingdom');
    expect(record.subjectKeys).toEqual(
      expect.arrayContaining(['http://cv.iptc.org/newscodes/mediatopic/20000763', 'medtop:20000763', 'cyber warfare']),
    );
    expect(record.language).toBe('en');
    expect(record.source).toBe('afp-en');
  });

  it('keeps one tag per entity for counting, with its display name', () => {
    expect(record.peopleTags).toEqual([
      {
        key: 'http://www.wikidata.org/entity/q57313',
        name: 'Jens Stoltenberg',
        uri: 'http://www.wikidata.org/entity/Q57313',
      },
    ]);
    expect(record.organisationTags).toEqual([{ key: 'nato', name: 'NATO' }]);
  });

  it('indexes headline and body words, and the opening separately for ranking', () => {
    expect(record.headlineTerms).toEqual(['us', 'let', 'nato', 'use', 'cyber', 'defence', 'skill']);
    expect(record.leadTerms).toContain('announce');
    expect(record.leadTerms).not.toContain('denmark');
    expect(record.terms).toEqual(expect.arrayContaining(['nato', 'denmark', 'britain', 'announce']));
  });

  it('defaults the status to usable and versionCreated to the receive time', () => {
    const receivedAt = new Date('2024-01-01T00:00:00Z');
    const bare = toArticleRecord({ ninjs: { uri: 'urn:x:1' }, contentHash: 'abcdef0123456789', receivedAt });
    expect(bare.pubStatus).toBe('usable');
    expect(bare.version).toBe(1);
    expect(bare.versionCreated).toEqual(receivedAt);
  });
});

describe('versionNumber', () => {
  it('reads the leading digits of the ninjs version string', () => {
    expect(versionNumber('12')).toBe(12);
    expect(versionNumber('2b')).toBe(2);
    expect(versionNumber(undefined)).toBe(1);
    expect(versionNumber('draft')).toBe(1);
  });
});

describe('mediaTopicQcode', () => {
  it('turns a Media Topic URI into its qcode', () => {
    expect(mediaTopicQcode('http://cv.iptc.org/newscodes/mediatopic/20000763')).toBe('medtop:20000763');
    expect(mediaTopicQcode('http://example.com/x')).toBeUndefined();
  });
});

describe('storableKeys', () => {
  it('replaces dots and leading dollars in keys at any depth, leaving values alone', () => {
    expect(storableKeys({ 'a.b': 1, $x: { 'c.d': ['e.f', { $y: '$z' }] } })).toEqual({
      'a\uff0eb': 1,
      '\uff04x': { 'c\uff0ed': ['e.f', { '\uff04y': '$z' }] },
    });
  });

  it('returns the very same object when nothing needs changing', () => {
    const doc = { a: [{ b: 1 }], c: 'x.y' };
    expect(storableKeys(doc)).toBe(doc);
  });
});

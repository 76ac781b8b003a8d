import { genreOf, qcodeToUri, sourceSubject } from './vocabularies';

describe('qcodeToUri', () => {
  it.each([
    ['medtop:20001361', 'http://cv.iptc.org/newscodes/mediatopic/20001361'],
    ['MEDTOP:20001361', 'http://cv.iptc.org/newscodes/mediatopic/20001361'],
    ['subj:11000000', 'http://cv.iptc.org/newscodes/subjectcode/11000000'],
    ['20001361', 'http://cv.iptc.org/newscodes/mediatopic/20001361'],
    ['11000000', 'http://cv.iptc.org/newscodes/subjectcode/11000000'],
    ['iso3166-1a2:be', 'http://cv.iptc.org/newscodes/iso3166-1a2/be'],
    ['http://cv.iptc.org/newscodes/mediatopic/20001361', 'http://cv.iptc.org/newscodes/mediatopic/20001361'],
    ['afpcat:POL', undefined],
    ['medtop:not valid', undefined],
    ['politics', undefined],
  ])('%s → %s', (code, uri) => {
    expect(qcodeToUri(code)).toBe(uri);
  });
});

describe('sourceSubject', () => {
  it('keeps the name and marks the creator', () => {
    expect(sourceSubject({ code: 'medtop:20001361', name: 'cyber warfare' })).toEqual({
      name: 'cyber warfare',
      uri: 'http://cv.iptc.org/newscodes/mediatopic/20001361',
      creator: 'source',
    });
    expect(sourceSubject({ code: ' ' })).toBeUndefined();
  });

  it('takes the uri the parser resolved over its own mapping', () => {
    expect(sourceSubject({ code: 'ex:1', uri: 'http://example.com/topics/1' })).toEqual({
      uri: 'http://example.com/topics/1',
      creator: 'source',
    });
  });
});

describe('genreOf', () => {
  it('maps a genre qcode to its URI and leaves plain names alone', () => {
    expect(genreOf('genre:Interview')).toEqual({
      name: 'Interview',
      uri: 'http://cv.iptc.org/newscodes/genre/Interview',
    });
    expect(genreOf('Feature')).toEqual({ name: 'Feature' });
  });
});

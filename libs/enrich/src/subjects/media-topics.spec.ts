import { enrichDataDir, readJson } from '../data-files';
import { MediaTopics, type MediaTopicsFile } from './media-topics';

describe('MediaTopics', () => {
  const topics = new MediaTopics(readJson<MediaTopicsFile>(enrichDataDir(), 'mediatopics.json'));

  it('knows names, URIs and the broader chain up to the top level', () => {
    expect(topics.get('20001361')).toMatchObject({ name: 'cyber warfare', parent: '16000000' });
    expect(topics.uri('20001361')).toBe('http://cv.iptc.org/newscodes/mediatopic/20001361');
    expect(topics.ancestors('20000086')).toEqual(['20000082', '02000000']);
    expect(topics.topLevel('20000086')).toBe('02000000');
  });

  it('resolves medtop qcodes and URIs, and maps old Subject Codes, falling back to a broader code', () => {
    expect(topics.resolve('medtop:20000371')).toBe('20000371');
    expect(topics.resolve('http://cv.iptc.org/newscodes/mediatopic/20000371')).toBe('20000371');
    expect(topics.resolve('subj:01000000')).toBe('01000000');
    expect(topics.resolve('http://cv.iptc.org/newscodes/subjectcode/15000000')).toBe('15000000');
    expect(topics.resolve('subj:15054099')).toBe(topics.resolve('subj:15054000'));
    expect(topics.resolve('medtop:99999999')).toBeUndefined();
    expect(topics.resolve('nonsense')).toBeUndefined();
  });
});

import { emptyItem } from '@wiredesk/formats';
import { normalizeForIdentity, sourceIdUri, storyFingerprint, storyUri } from './identity';
import { seedItem } from './test-items';

describe('story identity', () => {
  it('is the same for the same story delivered twice', () => {
    expect(storyUri(seedItem())).toBe(storyUri(seedItem()));
  });

  it('survives what channels do to the copy: case, dashes, accents, odd spaces, extra trailing paragraphs', () => {
    const scraped = seedItem();
    const fromFeed = seedItem();
    fromFeed.headline = 'US to let NATO use its cyber defence skills ';
    fromFeed.dateline = 'Brussels (AFP) —';
    fromFeed.body = [...fromFeed.body, { kind: 'p', text: 'Another paragraph the feed added.' }];
    fromFeed.pictures = [];
    expect(storyUri(fromFeed)).toBe(storyUri(scraped));
  });

  it('is the same when the dateline was left at the start of the first paragraph', () => {
    const inline = seedItem();
    inline.body = [{ kind: 'p', text: `BRUSSELS (AFP) - ${inline.body[0].text}` }, ...inline.body.slice(1)];
    expect(storyUri(inline)).toBe(storyUri(seedItem()));
  });

  it('differs for another story, another agency or another headline', () => {
    const base = storyFingerprint(seedItem());
    expect(storyFingerprint({ ...seedItem(), agency: 'Reuters' })).not.toBe(base);
    expect(storyFingerprint({ ...seedItem(), headline: 'US to let NATO use its cyber skills' })).not.toBe(base);
    const other = seedItem();
    other.body = [{ kind: 'p', text: 'Something else entirely happened today.' }];
    expect(storyFingerprint(other)).not.toBe(base);
  });

  it('uses the source id when there is one, and ignores the fingerprint then', () => {
    const item = { ...seedItem(), sourceId: 'urn:newsml:afp.com:20181003:abc' };
    expect(storyUri(item)).toBe('urn:newsml:afp.com:20181003:abc');
    expect(storyUri({ ...item, headline: 'Changed' })).toBe('urn:newsml:afp.com:20181003:abc');
  });

  it('tells picture-only items apart by their pictures', () => {
    const a = { ...emptyItem('text'), pictures: [{ caption: 'One ship' }] };
    const b = { ...emptyItem('text'), pictures: [{ caption: 'Another ship' }] };
    expect(storyUri(a)).not.toBe(storyUri(b));
  });
});

describe('sourceIdUri', () => {
  it('keeps absolute URIs and wraps the rest deterministically', () => {
    expect(sourceIdUri('http://www.example.com/news/1')).toBe('http://www.example.com/news/1');
    expect(sourceIdUri('tag:ap.org,2018:123')).toBe('tag:ap.org,2018:123');
    expect(sourceIdUri('ap-123456', 'Associated Press')).toBe('urn:wiredesk:id:associated-press:ap-123456');
    expect(sourceIdUri('123')).toBe('urn:wiredesk:id:source:123');
  });
});

describe('normalizeForIdentity', () => {
  it('folds case, accents, punctuation and no-break spaces', () => {
    expect(normalizeForIdentity('BRUSSELS\u00a0(AFP)\u00a0-')).toBe('brussels afp');
    expect(normalizeForIdentity('Zürich — “Quote”')).toBe('zurich quote');
  });
});

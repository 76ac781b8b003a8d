import { emptyItem } from '@wiredesk/formats';
import { validateNinjs } from '@wiredesk/ninjs';
import { fullItem, SEED_PARAGRAPHS, seedItem } from './test-items';
import { toNinjs } from './to-ninjs';

const RECEIVED = '2018-10-03T09:00:00.000Z';

describe('toNinjs on the seed story', () => {
  const article = toNinjs(seedItem(), { receivedAt: RECEIVED, source: 'afp-en', ingestId: 'x' });

  it('validates against ninjs 3.1', () => {
    expect(validateNinjs(article).errors).toEqual([]);
  });

  it('has a fingerprint uri, version 1 and the receive time as versionCreated', () => {
    expect(article.uri).toMatch(/^urn:wiredesk:[0-9a-f]{32}$/);
    expect(article.version).toBe('1');
    expect(article.versionCreated).toBe(RECEIVED);
    expect(article.pubStatus).toBe('usable');
    expect(article.type).toBe('text');
  });

  it('carries headline, located, agency and rights', () => {
    expect(article.headlines).toEqual([{ role: 'main', value: 'US to let NATO use its cyber defence skills' }]);
    expect(article.located).toBe('Brussels');
    expect(article.infoSources).toEqual([{ name: 'AFP', role: 'originator' }]);
    expect(article.copyrightHolder).toBe('AFP');
    expect(article.copyrightNotice).toBe('© 2018 AFP');
  });

  it('has one plain-text main body: 8 paragraphs separated by blank lines, counted', () => {
    expect(article.bodies).toHaveLength(1);
    const [body] = article.bodies!;
    expect(body.role).toBe('main');
    expect(body.contentType).toBe('text/plain');
    expect(body.value.split('\n\n')).toEqual(SEED_PARAGRAPHS);
    expect(body.charCount).toBe(body.value.length);
    // counted by hand-independent means: whitespace tokens with a letter or digit ("--" is not a word)
    const expectedWords = body.value.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
    expect(body.wordCount).toBe(expectedWords);
  });

  it('has the picture as an association with caption and creditline descriptions', () => {
    expect(article.associations).toHaveLength(1);
    const [picture] = article.associations!;
    expect(picture.type).toBe('picture');
    expect(picture.name).toBe('picture1');
    expect(picture.uri).toMatch(/^urn:wiredesk:[0-9a-f]{32}$/);
    expect(picture.uri).not.toBe(article.uri);
    expect(picture.descriptions).toEqual([
      { role: 'caption', contentType: 'text/plain', value: expect.stringMatching(/^Britain and Denmark have already/) },
      { role: 'creditline', contentType: 'text/plain', value: 'AFP/File' },
    ]);
  });

  it('puts nothing of the transport into the article', () => {
    const json = JSON.stringify(article);
    expect(json).not.toContain('afp-en');
    expect(Object.keys(article)).not.toContain('ingestId');
  });
});

describe('toNinjs on an item with every field', () => {
  const article = toNinjs(fullItem(), { receivedAt: RECEIVED });

  it('validates against ninjs 3.1', () => {
    expect(validateNinjs(article).errors).toEqual([]);
  });

  it('keeps the source id, version and times (zone-less times read as UTC)', () => {
    expect(article.uri).toBe('urn:newsml:afp.com:20181003:TX-PAR-FOO12');
    expect(article.version).toBe('3');
    expect(article.versionCreated).toBe('2018-10-03T10:15:00+02:00');
    expect(article.firstCreated).toBe('2018-10-03T08:00:00Z');
    expect(article.contentCreated).toBe('2018-10-03T07:55:00.000Z');
    expect(article.embargoedUntil).toBe('2018-10-04T00:00:00.000Z');
  });

  it('maps the editorial fields', () => {
    expect(article).toMatchObject({
      urgency: 3,
      language: 'en',
      slugline: 'NATO-defence-cyber',
      by: 'By Jane Doe',
      located: 'Brussels',
      edNote: 'Updates with minister quote',
      usageTerms: 'No archiving',
      copyrightNotice: 'Copyright 2018 AFP. All rights reserved.',
      headlines: [
        { role: 'main', value: 'Ministers meet in Brussels' },
        { role: 'sub', value: 'Cyber on the agenda' },
      ],
      descriptions: [{ role: 'abstract', contentType: 'text/plain', value: 'Defence ministers meet in Brussels.' }],
      altIds: [{ role: 'afp-id', value: 'TX-PAR-FOO12' }],
    });
  });

  it('gives a text body and an XHTML body built from the blocks, escaped, with the same counts', () => {
    const [text, xhtml] = article.bodies!;
    expect(text.value).toBe(
      'Defence ministers meet on Thursday & Friday.\n\nAgenda\n\nCyber <defence>\n\nBudgets\n\nCountry\tPledge\nUK\tyes',
    );
    expect(xhtml).toMatchObject({ role: 'main', contentType: 'application/xhtml+xml' });
    expect(xhtml.value).toBe(
      '<p>Defence ministers meet on Thursday &amp; Friday.</p><h2>Agenda</h2><ul><li>Cyber &lt;defence&gt;</li>' +
        '<li>Budgets</li></ul><table><tbody><tr><td>Country</td><td>Pledge</td></tr><tr><td>UK</td><td>yes</td></tr>' +
        '</tbody></table>',
    );
    expect(xhtml.wordCount).toBe(text.wordCount);
    expect(text.wordCount).toBe(14); // "&" is not a word
  });

  it('prefers the source XHTML when it gave one', () => {
    const item = { ...fullItem(), bodyXhtml: '<p>Own markup</p>' };
    expect(toNinjs(item).bodies![1].value).toBe('<p>Own markup</p>');
  });

  it('maps pictures: uri, name, descriptions, by, rights, absolute renditions only', () => {
    const [main, second] = article.associations!;
    expect(main).toEqual({
      name: 'mainpic',
      uri: 'http://example.com/photos/123',
      type: 'picture',
      descriptions: [
        { role: 'caption', contentType: 'text/plain', value: 'Ministers arrive' },
        { role: 'creditline', contentType: 'text/plain', value: 'AFP/John Smith' },
        { role: 'alt', contentType: 'text/plain', value: 'People in a hall' },
      ],
      by: 'John Smith',
      copyrightNotice: '© 2018 AFP',
      renditions: [
        {
          name: 'rendition1',
          href: 'http://example.com/photos/123/hi.jpg',
          contentType: 'image/jpeg',
          width: 2048,
          height: 1365,
        },
      ],
    });
    expect(second.uri).toMatch(/^urn:wiredesk:/);
    expect(second.name).toBe('picture2');
  });

  it('links the previous version as a partial association', () => {
    expect(article.associations![2]).toEqual({
      name: 'previous-version',
      uri: 'urn:newsml:afp.com:20181003:TX-PAR-FOO12:2',
      rel: 'previous-version',
      representationType: 'partial',
    });
  });

  it('turns subject qcodes into IPTC URIs with creator source, keeps unknown schemes as literals, adds keywords', () => {
    expect(article.subjects).toEqual([
      { name: 'cyber warfare', uri: 'http://cv.iptc.org/newscodes/mediatopic/20001361', creator: 'source' },
      { name: 'politics', uri: 'http://cv.iptc.org/newscodes/subjectcode/11000000', creator: 'source' },
      { uri: 'http://cv.iptc.org/newscodes/subjectcode/16009000', creator: 'source' },
      { name: 'politics', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000', creator: 'source' },
      { literal: 'afpcat:POL', creator: 'source' },
      { name: 'cyber', literal: 'keyword:cyber', creator: 'source' },
      { name: 'defence', literal: 'keyword:defence', creator: 'source' },
    ]);
  });

  it('maps genres by qcode or name', () => {
    expect(article.genres).toEqual([
      { name: 'Current', uri: 'http://cv.iptc.org/newscodes/genre/Current' },
      { name: 'Analysis' },
    ]);
  });
});

describe('toNinjs edge cases', () => {
  it('wraps a source id that is not a URI and keeps it as an altId', () => {
    const article = toNinjs({ ...seedItem(), sourceId: 'AFP 2018-10-03/123', agency: 'AFP' });
    expect(article.uri).toBe('urn:wiredesk:id:afp:AFP%202018-10-03%2F123');
    expect(article.altIds).toEqual([{ role: 'sourceId', value: 'AFP 2018-10-03/123' }]);
    expect(validateNinjs(article).valid).toBe(true);
  });

  it('drops an urgency outside 1..9, a date it cannot read, and marks a kill canceled', () => {
    const article = toNinjs({ ...seedItem(), urgency: 0, firstCreated: 'sometime', pubStatus: 'canceled' });
    expect(article.urgency).toBeUndefined();
    expect(article.firstCreated).toBeUndefined();
    expect(article.pubStatus).toBe('canceled');
    expect(validateNinjs(article).valid).toBe(true);
  });

  it('makes a picture-only item a picture article with its caption and renditions at the top', () => {
    const item = {
      ...emptyItem('newsml-g2'),
      sourceId: 'urn:newsml:example.com:pic1',
      pictures: [{ caption: 'A ship', credit: 'TNA', renditions: [{ href: 'http://example.com/p.jpg', width: 10 }] }],
    };
    const article = toNinjs(item);
    expect(article.type).toBe('picture');
    expect(article.associations).toBeUndefined();
    expect(article.descriptions).toEqual([
      { role: 'caption', contentType: 'text/plain', value: 'A ship' },
      { role: 'creditline', contentType: 'text/plain', value: 'TNA' },
    ]);
    expect(article.renditions).toEqual([{ name: 'rendition1', href: 'http://example.com/p.jpg', width: 10 }]);
    expect(validateNinjs(article).errors).toEqual([]);
  });

  it('links the items of a package by the uris those items get themselves', () => {
    const pkg = {
      ...emptyItem('newsml-g2'),
      headline: 'Package',
      packageItemIds: ['urn:newsml:x:1', 'local-2'],
      agency: 'TNA',
    };
    const article = toNinjs(pkg);
    expect(article.type).toBe('composite');
    expect(article.associations!.map((a) => [a.rel, a.uri])).toEqual([
      ['package-item', 'urn:newsml:x:1'],
      ['package-item', toNinjs({ ...emptyItem('text'), sourceId: 'local-2', agency: 'TNA', headline: 'x' }).uri],
    ]);
    expect(validateNinjs(article).errors).toEqual([]);
  });
});

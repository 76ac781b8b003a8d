import { canonicalJson, contentHash } from './content-hash';
import type { Ninjs } from './ninjs.types';

const article: Ninjs = {
  uri: 'urn:wiredesk:abc',
  version: '1',
  versionCreated: '2018-10-03T10:00:00Z',
  headlines: [{ role: 'main', value: 'US to let NATO use its cyber defence skills' }],
  bodies: [{ role: 'main', contentType: 'text/plain', value: 'One.\n\nTwo.', wordCount: 2, charCount: 11 }],
  language: 'en',
};

describe('contentHash', () => {
  it('is a sha256 hex digest', () => {
    expect(contentHash(article)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores when and in which version the content was delivered', () => {
    const redelivered: Ninjs = { ...article, version: '3', versionCreated: '2024-01-01T00:00:00Z' };
    expect(contentHash(redelivered)).toBe(contentHash(article));
  });

  it('does not depend on key order', () => {
    const reordered: Ninjs = {
      language: 'en',
      bodies: [{ wordCount: 2, charCount: 11, value: 'One.\n\nTwo.', contentType: 'text/plain', role: 'main' }],
      headlines: [{ value: 'US to let NATO use its cyber defence skills', role: 'main' }],
      uri: 'urn:wiredesk:abc',
    };
    expect(contentHash(reordered)).toBe(contentHash(article));
  });

  it('changes when the content changes', () => {
    const base = contentHash(article);
    expect(
      contentHash({ ...article, headlines: [{ role: 'main', value: 'US to let NATO use its cyber skills' }] }),
    ).not.toBe(base);
    expect(contentHash({ ...article, pubStatus: 'canceled' })).not.toBe(base);
    expect(contentHash({ ...article, language: 'fr' })).not.toBe(base);
  });

  it('keeps array order significant', () => {
    const swapped: Ninjs = { ...article, headlines: [...article.headlines!, { role: 'sub', value: 'x' }] };
    const swappedBack: Ninjs = { ...article, headlines: [{ role: 'sub', value: 'x' }, ...article.headlines!] };
    expect(contentHash(swapped)).not.toBe(contentHash(swappedBack));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":"é","z":1}]},"b":1}',
    );
  });

  it('sorts integer-like keys as strings, which an object would list first and in numeric order', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y' })).toBe('{"10":"x","9":"y","b":1}');
  });

  it('writes values that are not plain JSON data as before: functions as null, objects by their own keys', () => {
    expect(canonicalJson({ a: () => 1, b: [() => 1] })).toBe('{"a":null,"b":[null]}');
    expect(canonicalJson({ when: new Date(0) })).toBe('{"when":{}}');
    expect(canonicalJson(JSON.parse('{"__proto__":1,"a":2}'))).toBe('{"__proto__":1,"a":2}');
  });

  it('leaves out the named top-level keys only', () => {
    expect(canonicalJson({ version: '2', b: { version: '1' }, a: 1 }, ['version'])).toBe('{"a":1,"b":{"version":"1"}}');
  });
});

import type { Enrichment } from '@wiredesk/enrich';
import { validateNinjs, type Ninjs } from '@wiredesk/ninjs';
import { applyEnrichment, enrichmentDetails } from './apply-enrichment';
import { buildEnrichInput } from './enrich-input';
import { fullItem, SEED_PARAGRAPHS, seedItem } from './test-items';
import { toNinjs } from './to-ninjs';

/** An enrichment of the seed as the contract describes it (libs/enrich/src/enrichment.ts), written out by hand. */
function seedEnrichment(): Enrichment {
  return {
    language: 'en',
    entities: [
      {
        kind: 'person',
        name: 'Jens Stoltenberg',
        rel: 'about',
        uri: 'http://www.wikidata.org/entity/Q57643',
        score: 0.8,
        surfaceForms: ['Jens Stoltenberg', 'Stoltenberg'],
      },
      {
        kind: 'organisation',
        name: 'NATO',
        rel: 'about',
        uri: 'http://www.wikidata.org/entity/Q7184',
        score: 0.9,
        surfaceForms: ['NATO'],
      },
      {
        kind: 'place',
        name: 'United Kingdom',
        rel: 'mentions',
        uri: 'http://cv.iptc.org/newscodes/iso3166-1a2/GB',
        placeType: 'country',
        score: 0.4,
        surfaceForms: ['Britain'],
      },
      {
        kind: 'place',
        name: 'Brussels',
        rel: 'mentions',
        placeType: 'city',
        score: 0.5,
        surfaceForms: ['Brussels', 'BRUSSELS'],
      },
      { kind: 'place', name: 'Nowhere', rel: 'mentions', uri: 'not a uri', score: 0.1, surfaceForms: ['Nowhere'] },
    ],
    subjects: [
      {
        uri: 'http://cv.iptc.org/newscodes/mediatopic/20001361',
        name: 'cyber warfare',
        creator: 'machine',
        relevance: 90,
        confidence: 81.6,
      },
      {
        uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000',
        name: 'politics',
        creator: 'machine',
        relevance: 40,
        confidence: 70,
        broader: true,
      },
    ],
    keywords: ['cyber', 'NATO', 'disinformation'],
    summary: 'The United States is expected to make its offensive cyber warfare capabilities available to NATO.',
    captions: [
      {
        caption: 'Britain and Denmark have already publicly committed cyber security resources to NATO',
        credit: 'AFP/File',
      },
    ],
    mentions: [{ kind: 'person', name: 'Jens Stoltenberg', text: 'Jens Stoltenberg', paragraph: 2, offset: 15 }],
    wordCount: 999,
    charCount: 9999,
  };
}

describe('applyEnrichment', () => {
  const article = toNinjs(seedItem(), { receivedAt: '2018-10-03T09:00:00Z' });
  const enriched = applyEnrichment(article, seedEnrichment());

  it('keeps the article valid ninjs 3.1 and does not touch the input', () => {
    expect(validateNinjs(enriched).errors).toEqual([]);
    expect(article.people).toBeUndefined();
    expect(article.descriptions).toBeUndefined();
  });

  it('adds people, organisations and places with name, rel and uri (invalid uris dropped)', () => {
    expect(enriched.people).toEqual([
      { name: 'Jens Stoltenberg', rel: 'about', uri: 'http://www.wikidata.org/entity/Q57643' },
    ]);
    expect(enriched.organisations).toEqual([
      { name: 'NATO', rel: 'about', uri: 'http://www.wikidata.org/entity/Q7184' },
    ]);
    expect(enriched.places).toEqual([
      { name: 'United Kingdom', rel: 'mentions', uri: 'http://cv.iptc.org/newscodes/iso3166-1a2/GB' },
      { name: 'Brussels', rel: 'mentions' },
      { name: 'Nowhere', rel: 'mentions' },
    ]);
  });

  it('adds machine subjects with integer scores and keywords as keyword subjects', () => {
    expect(enriched.subjects).toEqual([
      {
        name: 'cyber warfare',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/20001361',
        creator: 'machine',
        relevance: 90,
        confidence: 82,
      },
      {
        name: 'politics',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000',
        creator: 'machine',
        relevance: 40,
        confidence: 70,
      },
      { name: 'cyber', literal: 'keyword:cyber', creator: 'machine' },
      { name: 'NATO', literal: 'keyword:NATO', creator: 'machine' },
      { name: 'disinformation', literal: 'keyword:disinformation', creator: 'machine' },
    ]);
  });

  it('sets the language only when the source did not say', () => {
    expect(enriched.language).toBe('en');
    expect(applyEnrichment({ ...article, language: 'en-GB' }, seedEnrichment()).language).toBe('en-GB');
    expect(applyEnrichment(article, { ...seedEnrichment(), language: 'und' }).language).toBeUndefined();
  });

  it('adds the summary description, replacing an older one', () => {
    expect(enriched.descriptions).toEqual([
      { role: 'summary', contentType: 'text/plain', value: seedEnrichment().summary },
    ]);
    const twice = applyEnrichment(enriched, { ...seedEnrichment(), summary: 'Newer.' });
    expect(twice.descriptions).toEqual([{ role: 'summary', contentType: 'text/plain', value: 'Newer.' }]);
  });

  it('puts the split caption and credit on the picture', () => {
    const withEmbeddedCredit: Ninjs = {
      ...article,
      associations: [
        {
          name: 'picture1',
          uri: 'urn:wiredesk:p1',
          type: 'picture',
          descriptions: [{ role: 'caption', value: '© AFP/File | Britain and Denmark ...' }],
        },
      ],
    };
    const split = applyEnrichment(withEmbeddedCredit, {
      ...seedEnrichment(),
      captions: [{ caption: 'Britain and Denmark ...', credit: 'AFP/File', by: 'John Thys' }],
    });
    expect(split.associations![0]).toEqual({
      name: 'picture1',
      uri: 'urn:wiredesk:p1',
      type: 'picture',
      by: 'John Thys',
      descriptions: [
        { role: 'caption', contentType: 'text/plain', value: 'Britain and Denmark ...' },
        { role: 'creditline', contentType: 'text/plain', value: 'AFP/File' },
      ],
    });
  });

  it('keeps the counted word and character counts over the enricher’s', () => {
    const body = enriched.bodies![0];
    expect(body.wordCount).toBe(article.bodies![0].wordCount);
    const uncounted: Ninjs = { ...article, bodies: [{ role: 'main', contentType: 'text/plain', value: 'a b' }] };
    expect(applyEnrichment(uncounted, seedEnrichment()).bodies![0]).toMatchObject({ wordCount: 999, charCount: 9999 });
  });

  it('merges with the source: source subjects keep their creator, entities are not repeated', () => {
    const source = toNinjs(fullItem());
    const merged = applyEnrichment({ ...source, people: [{ name: 'jens stoltenberg' }] }, seedEnrichment());
    const cyber = merged.subjects!.filter((s) => s.uri === 'http://cv.iptc.org/newscodes/mediatopic/20001361');
    expect(cyber).toEqual([
      {
        name: 'cyber warfare',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/20001361',
        creator: 'source',
        relevance: 90,
        confidence: 82,
      },
    ]);
    // the source's keyword "cyber" is not added again by the machine
    expect(merged.subjects!.filter((s) => s.name?.toLowerCase() === 'cyber')).toHaveLength(1);
    expect(merged.people).toEqual([{ name: 'jens stoltenberg' }]);
    expect(validateNinjs(merged).errors).toEqual([]);
  });
});

describe('enrichmentDetails', () => {
  it('keeps what ninjs cannot hold: scores, place kinds, surface forms, mentions, broader flags', () => {
    const details = enrichmentDetails(seedEnrichment());
    expect(details.entities[3]).toEqual({
      kind: 'place',
      name: 'Brussels',
      rel: 'mentions',
      placeType: 'city',
      score: 0.5,
      surfaceForms: ['Brussels', 'BRUSSELS'],
    });
    expect(details.mentions).toEqual(seedEnrichment().mentions);
    expect(details.subjects[1].broader).toBe(true);
    expect(details.language).toBe('en');
    expect(JSON.parse(JSON.stringify(details))).toEqual(details);
  });
});

describe('buildEnrichInput', () => {
  it('reads headline, paragraphs, captions, source subjects, abstract and located back from the article', () => {
    const input = buildEnrichInput(toNinjs(seedItem()));
    expect(input.headline).toBe('US to let NATO use its cyber defence skills');
    expect(input.paragraphs).toEqual(SEED_PARAGRAPHS);
    expect(input.located).toBe('Brussels');
    expect(input.language).toBeUndefined();
    expect(input.captions).toEqual([{ caption: expect.stringMatching(/^Britain and Denmark/), credit: 'AFP/File' }]);
    expect(input.sourceSubjects).toEqual([]);
  });

  it('passes source subjects by uri or literal but not keywords or machine subjects', () => {
    const article = toNinjs(fullItem());
    article.subjects!.push({
      name: 'machine',
      uri: 'http://cv.iptc.org/newscodes/mediatopic/01000000',
      creator: 'machine',
    });
    const input = buildEnrichInput(article);
    expect(input.sourceSubjects).toEqual([
      { code: 'http://cv.iptc.org/newscodes/mediatopic/20001361', name: 'cyber warfare' },
      { code: 'http://cv.iptc.org/newscodes/subjectcode/11000000', name: 'politics' },
      { code: 'http://cv.iptc.org/newscodes/subjectcode/16009000' },
      { code: 'http://cv.iptc.org/newscodes/mediatopic/11000000', name: 'politics' },
      { code: 'afpcat:POL' },
    ]);
    expect(input.abstract).toBe('Defence ministers meet in Brussels.');
    expect(input.language).toBe('en');
    // one caption entry per association, links included, so indexes line up with Enrichment.captions
    expect(input.captions).toHaveLength(article.associations!.length);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../decode/decode';
import { parseHtmlArticle, sniffHtml } from './article';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/html');
const load = (name: string) => decodeBytes(readFileSync(join(FIXTURES, name))).text;

describe('parseHtmlArticle on a page with JSON-LD NewsArticle and Open Graph', () => {
  const item = parseHtmlArticle(load('newsarticle-jsonld.html'));

  it('takes headline, sub-headline, byline, dates, section and language from the metadata', () => {
    expect(item).toMatchObject({
      format: 'html',
      headline: 'Ministers agree deal on Channel fishing rights',
      subheadline: "Access to each other's waters kept until 2026",
      byline: 'Claire Dubois',
      firstCreated: '2019-11-20T09:15:00+01:00',
      versionCreated: '2019-11-20T11:02:00+01:00',
      section: 'World',
      language: 'en-GB',
      abstract: "Fishermen on both sides of the Channel will keep access to each other's waters until 2026.",
    });
    expect(item.keywords).toEqual(['fishing', 'Brexit', 'European Union']);
  });

  it('keeps the article paragraphs and subheading, without navigation, cookie notice, ads, share links or related list', () => {
    const texts = item.body.map((b) => b.text);
    expect(texts).toHaveLength(7);
    expect(item.body[4]).toEqual({ kind: 'h', text: 'Catch limits' });
    const all = texts.join('\n');
    expect(all).not.toMatch(/cookies|Advertisement|Tweet|Scallop war|Privacy policy|Home/);
    expect(all).not.toMatch(/\u00a0/);
    expect(item.bodyXhtml).toContain('<h2>Catch limits</h2>');
  });

  it('lifts dateline and agency from the first paragraph, entities decoded', () => {
    expect(item).toMatchObject({ dateline: 'BRUSSELS (AFP) -', located: 'Brussels', agency: 'AFP' });
    expect(item.body[0].text).toMatch(
      /^BRUSSELS \(AFP\) - Fisheries ministers .* fleets’ access to each other’s waters/,
    );
  });

  it('merges the metadata image and the <figure> into one picture with caption and credit', () => {
    expect(item.pictures).toHaveLength(1);
    expect(item.pictures[0]).toMatchObject({
      uri: 'https://cdn.dailyledger.example/img/boats-1200.jpg',
      caption: 'Trawlers moored in the harbour of Boulogne-sur-Mer',
      credit: 'AFP/Denis Charlet',
      altText: 'Fishing boats in a harbour',
    });
  });

  it('records the canonical address', () => {
    expect(item.altIds).toEqual([
      { role: 'url', value: 'https://www.dailyledger.example/world/2019/11/20/channel-fishing-deal' },
    ]);
  });
});

describe('parseHtmlArticle on an older page', () => {
  it('reads a windows-1252 page with <br><br> paragraphs, meta author and og:locale', () => {
    const item = parseHtmlArticle(load('legacy-latin1-brbr.html'));
    expect(item).toMatchObject({
      headline: 'Stadtrat beschließt neues Verkehrskonzept',
      byline: 'Thomas Müller',
      language: 'de-DE',
      located: 'Köln',
      agency: 'dpa',
    });
    expect(item.body).toHaveLength(4);
    expect(item.body[1].text).toMatch(/^„Wir geben den Menschen den Platz in der Stadt zurück“/);
  });

  it('reads a bare fragment of paragraphs', () => {
    const item = parseHtmlArticle(load('fragment.html'));
    expect(item.body).toHaveLength(3);
    expect(item).toMatchObject({ located: 'Wellington', agency: 'AAP' });
  });
});

describe('sniffHtml', () => {
  it('is sure of documents, fairly sure of fragments and silent on other markup', () => {
    expect(sniffHtml('<!DOCTYPE html><html><body></body></html>')).toBeGreaterThan(0.9);
    expect(sniffHtml('<p>Hello</p>')).toBeGreaterThan(0.5);
    expect(sniffHtml('<?xml version="1.0"?><nitf><head/></nitf>')).toBe(0);
    expect(sniffHtml('Plain text copy')).toBe(0);
  });
});

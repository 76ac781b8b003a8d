import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCode } from '@wiredesk/contracts';
import type { ParseInput } from '../parser';
import { atomParser } from './atom-parser';
import { rssParser } from './rss-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/feed');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

describe('rssParser', () => {
  it('sniffs RSS 2.0 and RSS 1.0, not Atom', () => {
    expect(rssParser.sniff(input('rss-agency-feed.xml'))).toBeGreaterThan(0.9);
    expect(rssParser.sniff(input('rdf-rss10.xml'))).toBeGreaterThan(0.8);
    expect(rssParser.sniff(input('atom-agency-feed.xml'))).toBe(0);
  });

  const items = rssParser.parse(input('rss-agency-feed.xml'));

  it('gives one item per <item>, guid first as the source id', () => {
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.sourceId)).toEqual([
      'urn:example-wire:story:5f2c8e',
      'https://news.example.invalid/markets?id=881&ref=rss',
      'https://news.example.invalid/world/storm-ingunn',
    ]);
    expect(items[0].altIds).toContainEqual({
      role: 'link',
      value: 'https://news.example.invalid/world/2024/01/30/us-nato-cyber',
    });
  });

  it('reads content:encoded as the body and the description as the summary, without site furniture', () => {
    const [story] = items;
    expect(story.headline).toBe('US to let NATO use its cyber defence skills');
    expect(story.abstract).toBe(
      'The United States will make its offensive cyber capabilities available to NATO, officials said.',
    );
    expect(story.body.map((b) => b.text)).toEqual([
      'The United States is expected to make its offensive cyber warfare capabilities available to NATO, officials said Wednesday.',
      'Britain and Denmark have already publicly committed cyber resources to NATO.',
    ]);
    expect(story.dateline).toBe('BRUSSELS (AFP) –');
    expect(story.agency).toBe('AFP');
    expect(story.byline).toBe('Jane Doe');
    expect(story.keywords).toEqual(['NATO', 'Cybersecurity']);
    expect(story.firstCreated).toBe('2024-01-30T09:03:55Z');
    expect(story.language).toBe('en-GB');
    expect(story.copyrightNotice).toBe('Copyright 2024 Example Wire');
  });

  it('takes pictures from media:content and from <figure> in the content, with credits', () => {
    const [story] = items;
    expect(story.pictures).toHaveLength(2);
    expect(story.pictures[0]).toMatchObject({
      uri: 'https://news.example.invalid/img/nato-hq.jpg',
      caption: 'The NATO headquarters in Brussels on January 29, 2024.',
      credit: 'Kenzo Tribouillard/AFP',
      by: 'Kenzo Tribouillard',
    });
    expect(story.pictures[1]).toMatchObject({
      caption: 'NATO chief Jens Stoltenberg speaks to reporters in Brussels.',
      credit: 'AFP Photo/John Thys',
      by: 'John Thys',
      altText: 'Jens Stoltenberg at a news conference',
    });
  });

  it('reads an escaped-HTML description as the body, the author name, an enclosure, and a media:group', () => {
    const [, markets, storm] = items;
    expect(markets.headline).toBe('Markets slip as Fed holds rates & signals patience');
    expect(markets.byline).toBe('Paul Martin');
    expect(markets.body.map((b) => b.text)).toEqual([
      'U.S. stocks fell on Wednesday after the Federal Reserve left rates unchanged.',
      'The S&P 500 lost 1.6%.',
    ]);
    expect(markets.located).toBe('New York');
    expect(markets.pictures[0].uri).toBe('https://news.example.invalid/img/nyse.jpg');
    expect(storm.pictures).toHaveLength(1);
    expect(storm.pictures[0]).toMatchObject({
      caption: 'Fallen trees block a road near Luleå.',
      credit: 'Anna Berg/TT',
      by: 'Anna Berg',
    });
    expect(storm.pictures[0].renditions).toHaveLength(2);
    expect(storm.versionCreated).toBe('2024-01-31T08:30:00+01:00');
  });

  it('reads RSS 1.0 items beside the channel', () => {
    const [item] = rssParser.parse(input('rdf-rss10.xml'));
    expect(item.headline).toBe('Le Premier ministre présente son gouvernement');
    expect(item.language).toBe('fr');
    expect(item.located).toBe('Paris');
    expect(item.keywords).toEqual(['Politique']);
  });

  it('refuses an empty feed', () => {
    const text = '<rss version="2.0"><channel><title>x</title></channel></rss>';
    expect(() => rssParser.parse({ text, bytes: Buffer.from(text) })).toThrow(
      expect.objectContaining({ code: ErrorCode.NO_CONTENT }),
    );
  });
});

describe('atomParser', () => {
  const entries = atomParser.parse(input('atom-agency-feed.xml'));

  it('sniffs Atom', () => {
    expect(atomParser.sniff(input('atom-agency-feed.xml'))).toBeGreaterThan(0.9);
    expect(atomParser.sniff(input('rss-agency-feed.xml'))).toBe(0);
  });

  it('reads an HTML entry: title entities, authors, dates, categories, rights, enclosure', () => {
    const [entry] = entries;
    expect(entry.headline).toBe('Bundestag beschließt Haushalt für 2024');
    expect(entry.sourceId).toBe('tag:beispiel-agentur.invalid,2024:politik-haushalt-2024');
    expect(entry.byline).toBe('Anna Schmidt, Paul Weber');
    expect(entry.firstCreated).toBe('2024-01-30T10:00:00+01:00');
    expect(entry.versionCreated).toBe('2024-01-30T11:30:00+01:00');
    expect(entry.keywords).toEqual(['Haushalt', 'bundestag']);
    expect(entry.copyrightNotice).toBe('© 2024 Beispiel-Agentur');
    expect(entry.language).toBe('de');
    expect(entry.abstract).toBe('Der Bundestag hat den Haushalt für 2024 beschlossen.');
    expect(entry.body.map((b) => b.text)).toEqual([
      'Der Bundestag hat am Dienstag den Bundeshaushalt für 2024 beschlossen.',
      'Die Ausgaben liegen bei 476,8 Milliarden Euro.',
    ]);
    expect(entry.located).toBe('Berlin');
    expect(entry.pictures[0].uri).toBe('https://beispiel-agentur.invalid/bilder/bundestag.jpg');
  });

  it('reads an XHTML entry with a list and a media thumbnail', () => {
    const [, entry] = entries;
    expect(entry.body.map((b) => b.kind)).toEqual(['p', 'li', 'li']);
    expect(entry.body[1].text).toBe('Wahlbeteiligung: 74,9 Prozent');
    expect(entry.versionCreated).toBe('2024-01-28T20:00:00Z');
    expect(entry.pictures[0].uri).toBe('https://beispiel-agentur.invalid/bilder/helsinki-thumb.jpg');
  });
});

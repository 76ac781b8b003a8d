import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFeed, splitHttpDocument } from './feed-entries';
import { SourceError } from './source-errors';

const FIXTURES = join(__dirname, '../../../test/fixtures/feed');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('splitFeed', () => {
  it('gives one delivery per RSS item, each the feed with only that item, keyed by guid or link', () => {
    const entries = splitFeed(fixture('rss-agency-feed.xml'), 'application/rss+xml');
    expect(entries).toHaveLength(3);
    expect(entries[0].key).toBe('guid:urn:example-wire:story:5f2c8e');
    expect(entries[2].key).toMatch(/^(guid|link):https:\/\/news\.example\.invalid\/world\/storm-ingunn/);
    for (const e of entries) {
      const text = e.body.toString('utf8');
      expect(text.match(/<item[\s>]/g)).toHaveLength(1);
      expect(text).toMatch(/<channel>/);
      expect(text).toMatch(/<\/rss>\s*$/);
    }
  });

  it('splits Atom entries (key: id) and RSS 1.0 items (key: rdf:about and hash)', () => {
    const atom = splitFeed(fixture('atom-agency-feed.xml'));
    expect(atom.length).toBeGreaterThan(0);
    expect(atom.every((e) => e.key.startsWith('guid:'))).toBe(true);
    expect(atom[0].body.toString('utf8').match(/<entry[\s>]/g)).toHaveLength(1);
    const rdf = splitFeed(fixture('rdf-rss10.xml'));
    expect(rdf.length).toBeGreaterThan(0);
    expect(rdf[0].key).toMatch(/^link:/);
  });

  it('keeps the bytes of a latin-1 feed as they are', () => {
    const feed = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9</title>' +
        '<item><title>R\xe9sum\xe9</title><link>https://x.invalid/1</link></item>' +
        '<item><title>Deux</title><guid>g2</guid></item></channel></rss>',
      'latin1',
    );
    const [first, second] = splitFeed(feed);
    expect(first.body.includes(Buffer.from('<title>R\xe9sum\xe9</title>', 'latin1'))).toBe(true);
    expect(first.body.includes(Buffer.from('Deux'))).toBe(false);
    expect(first.key).toMatch(/^link:https:\/\/x\.invalid\/1\|[0-9a-f]{64}$/);
    expect(second.key).toBe('guid:g2');
  });

  it('splits a JSON Feed', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: [
        { id: '1', content_text: 'a' },
        { url: 'https://x.invalid/2', content_text: 'b' },
      ],
    };
    const entries = splitFeed(Buffer.from(JSON.stringify(feed)));
    expect(entries.map((e) => e.key.split('|')[0])).toEqual(['guid:1', 'link:https://x.invalid/2']);
    expect(JSON.parse(entries[1].body.toString())).toMatchObject({ title: 'T', items: [{ content_text: 'b' }] });
  });

  it('refuses an HTML error page, a broken feed and a document that is not a feed, as parse errors', () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
    const kinds = [html, Buffer.from('<rss><channel><item></channel></rss>'), Buffer.from('<nitf><body/></nitf>')].map(
      (b) => {
        try {
          splitFeed(b);
          return 'none';
        } catch (e) {
          return e instanceof SourceError ? `${e.kind}: ${e.message}` : 'other';
        }
      },
    );
    expect(kinds[0]).toMatch(/^parse: .*HTML page/);
    expect(kinds[1]).toMatch(/^parse: The feed no longer parses/);
    expect(kinds[2]).toMatch(/^parse: .*not a feed/);
    expect(() => splitFeed(Buffer.from('<p>hi</p>'), 'text/html; charset=utf-8')).toThrow(/HTML page/);
  });

  it('gives an empty list for a feed without entries', () => {
    expect(splitFeed(Buffer.from('<rss version="2.0"><channel><title>x</title></channel></rss>'))).toEqual([]);
  });
});

describe('splitHttpDocument', () => {
  it('delivers each document of a ninjs list, keyed by uri and version', () => {
    const list = { data: [{ uri: 'urn:a', version: '2', headline: 'A' }, { headline: 'B' }] };
    const items = splitHttpDocument(Buffer.from(JSON.stringify(list)), 'application/json');
    expect(items).toHaveLength(2);
    expect(items[0].key).toMatch(/^uri:urn:a\|2\|/);
    expect(items[1].key).toMatch(/^hash:/);
  });

  it('delivers any other document whole, keyed by its content', () => {
    const g2 = Buffer.from('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>');
    const [one] = splitHttpDocument(g2, 'application/xml');
    expect(one.key).toMatch(/^doc:[0-9a-f]{64}$/);
    expect(one.body).toBe(g2);
    expect(() => splitHttpDocument(Buffer.from('<html><body>Login</body></html>'))).toThrow(/HTML page/);
    expect(splitHttpDocument(Buffer.from('<html><body>x</body></html>'), 'text/html', 'html')).toHaveLength(1);
  });
});

import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWire } from '../../parse';

/** Issue 11 defect classes on real-world feeds (invented copy, real structure). */
const FIXTURES = join(__dirname, '../../../../../test/fixtures/feed');
const parse = (name: string) => parseWire(readFileSync(join(FIXTURES, name)), { filename: name });

describe('feeds as sites send them', () => {
  const items = parse('uol-style-portuguese.rss').items;

  it('reads a Portuguese pubDate in its own zone, and drops the "Continue lendo" link and the [dropcap] code', () => {
    expect(items[0].firstCreated).toBe('2018-10-01T19:42:40-03:00');
    expect(items[0].body.map((b) => b.text)).toEqual([
      'A nova ponte liga os dois bairros da cidade e deve reduzir o trânsito no centro.',
    ]);
  });

  it("dates an undated item by the channel's date, never by the time of reading", () => {
    expect(items[1].firstCreated).toBeUndefined();
    expect(items[1].versionCreated).toBe('2018-10-02T10:00:00-03:00');
  });

  it('says so when a date cannot be read', () => {
    expect(items[2].versionCreated).toBeUndefined();
    expect(items[2].edNote).toContain('"em breve" could not be read');
  });

  it('reads a WordPress export: a line is a paragraph, the byline in the text wins over the login, thumbnails are pictures', () => {
    const wxr = parse('wxr-style-thumbnail.xml').items;
    expect(wxr).toHaveLength(1);
    const [post] = wxr;
    expect(post.byline).toBe('Sam Reed');
    expect(post.located).toBe('Portmere');
    expect(post.body.map((b) => b.text)).toEqual([
      'The council approved repairs to the old harbour wall on Monday.',
      'Work starts next month.',
    ]);
    expect(post.pictures[0]).toMatchObject({
      caption: 'Boats in the harbour at dawn.',
      renditions: [{ href: 'https://town.invalid/uploads/harbour.jpg' }],
    });
  });
});

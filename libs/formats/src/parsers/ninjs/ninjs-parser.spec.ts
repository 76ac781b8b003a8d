import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCode } from '@wiredesk/contracts';
import type { ParseInput } from '../parser';
import { ninjsParser } from './ninjs-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/ninjs');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

function fromText(text: string): ParseInput {
  return { text, bytes: Buffer.from(text) };
}

describe('ninjsParser', () => {
  it('sniffs ninjs JSON and not other JSON', () => {
    expect(ninjsParser.sniff(input('iptc/dpa_text.json'))).toBeGreaterThan(0.9);
    expect(ninjsParser.sniff(input('ninjs-1x-ap-style.json'))).toBeGreaterThan(0.9);
    expect(ninjsParser.sniff(fromText('{"name": "x"}'))).toBeLessThan(0.5);
    expect(ninjsParser.sniff(fromText('<rss/>'))).toBe(0);
  });

  it('ninjs 1.x: headline, byline, body_xhtml, description_text, subject codes, keyed associations', () => {
    const [item] = ninjsParser.parse(input('ninjs-1x-ap-style.json'));
    expect(item.sourceId).toBe('http://example.invalid/ap/2024/01/30/soc-premier-league-arsenal');
    expect(item.version).toBe(3);
    expect(item.embargoedUntil).toBe('2024-01-30T22:30:00Z');
    expect(item.urgency).toBe(2);
    expect(item.headline).toBe('Arsenal beats Liverpool 3-1 to move top of the Premier League');
    expect(item.byline).toBe('ROB HARRIS, AP Global Sports Writer');
    expect(item.located).toBe('London');
    expect(item.dateline).toBe('LONDON (AP) —');
    expect(item.abstract).toBe('Arsenal moved top of the Premier League with a 3-1 win over Liverpool.');
    expect(item.body.map((b) => b.kind)).toEqual(['p', 'p', 'h', 'p']);
    expect(item.body[0].text).toBe(
      'Arsenal moved to the top of the Premier League on Tuesday after beating Liverpool 3-1 at the Emirates Stadium.',
    );
    expect(item.subjects[0]).toEqual({
      code: 'subj:15054000',
      name: 'soccer',
      uri: 'http://cv.iptc.org/newscodes/subjectcode/15054000',
    });
    expect(item.pictures[0]).toMatchObject({
      uri: 'http://example.invalid/ap/photos/arsenal-saka-0130',
      credit: 'AP Photo/Kirsty Wigglesworth',
      by: 'Kirsty Wigglesworth',
    });
    expect(item.pictures[0].caption).toMatch(/Emirates Stadium in London, Tuesday, Jan\. 30, 2024\.$/);
    expect(item.pictures[0].renditions).toHaveLength(2);
  });

  it('ninjs 2.x: an array with plural fields, lower-case keys and a kill', () => {
    const [story, kill] = ninjsParser.parse(input('ninjs-2x-array.json'));
    expect(story.headline).toBe('Streik i kollektivtrafikken i Oslo');
    expect(story.subheadline).toBe('Busser og trikker står fra klokken 12');
    expect(story.abstract).toBe('Bussjåførene i Oslo går ut i streik fra klokken 12.');
    expect(story.language).toBe('nb-NO');
    expect(story.located).toBe('Oslo');
    expect(story.body.map((b) => b.text)).toEqual([
      'Bussjåførene i Oslo går ut i streik fra klokken 12 i dag, opplyser forbundet.',
      'Rundt 2.000 sjåfører blir tatt ut i første omgang.',
    ]);
    expect(story.altIds).toEqual([{ role: 'ntb-id', value: 'NTB-77811' }]);
    expect(story.subjects[0].code).toBe('subj:09000000');
    expect(kill.pubStatus).toBe('canceled');
    expect(kill.signals).toEqual(['kill']);
    expect(kill.edNote).toBe('Saken er trukket. Ikke bruk.');
  });

  it('ninjs 3.x as NDJSON: two versions of one story', () => {
    const items = ninjsParser.parse(input('ninjs-3x-versions.ndjson'));
    expect(items.map((i) => [i.sourceId, i.version])).toEqual([
      ['http://example.invalid/tt/text/20240130-storm', 1],
      ['http://example.invalid/tt/text/20240130-storm', 2],
    ]);
    expect(items[1].body.map((b) => b.text)).toEqual([
      'SMHI varnar för mycket kraftiga vindbyar i norra Norrland under tisdagen.',
      'Omkring 40 000 hushåll saknar ström, enligt Vattenfall.',
    ]);
    expect(items[1].subjects).toEqual([
      {
        code: 'http://cv.iptc.org/newscodes/mediatopic/20000133',
        name: 'väder',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/20000133',
      },
    ]);
  });

  it('IPTC examples: dpa HTML body, TT html body with its picture association, an AP picture item', () => {
    const [dpa] = ninjsParser.parse(input('iptc/dpa_text.json'));
    expect(dpa.byline).toBe('Christian Hollmann, dpa');
    expect(dpa.body).toHaveLength(9);
    expect(dpa.body[0].text).toMatch(/^Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren»\./);

    const [tt] = ninjsParser.parse(input('iptc/tt_text_image_3.json'));
    expect(tt.headline).toBe('Militärövning i jätteformat hålls 2023');
    expect(tt.body.some((b) => b.text === tt.headline)).toBe(false);
    expect(tt.pictures[0]).toMatchObject({ uri: 'http://tt.se/media/image/sdlk2sirkPaauM', by: 'Karl Melander/TT' });
    expect(tt.pictures[0].caption).toMatch(/^En stor internationell försvarsövning planeras 2023/);

    const [photo] = ninjsParser.parse(input('iptc/ap_image.json'));
    expect(photo.type).toBe('picture');
    expect(photo.pictures[0].renditions?.[0]).toMatchObject({ mimetype: 'image/jpeg', width: 3000, height: 2208 });

    const [complex] = ninjsParser.parse(input('iptc/005_complex_text_article.json'));
    expect(complex.located).toBe('Grossetto, Italy');
    expect(complex.dateline).toBe('GROSSETO, Italy (AP) --');
    expect(complex.body[0].text).toMatch(/^The trial of the captain of the shipwrecked Costa Concordia/);
  });

  it('throws MALFORMED_JSON, INVALID_NINJS and NESTING_TOO_DEEP on bad input', () => {
    const code = (text: string) => {
      try {
        ninjsParser.parse(fromText(text));
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return 'none';
    };
    expect(code('{"uri": "x", "headline": "cut off')).toBe(ErrorCode.MALFORMED_JSON);
    expect(code('{"name": "not ninjs"}')).toBe(ErrorCode.INVALID_NINJS);
    expect(code('['.repeat(100000) + ']'.repeat(100000))).toBe(ErrorCode.NESTING_TOO_DEEP);
  });

  it('reads the BBC LDRS envelope and its body_html5', () => {
    const [item] = ninjsParser.parse(input('bbc-ldrs-style.json'));
    expect(item.headline).toBe('Council approves riverside car park');
    expect(item.type).toBe('text');
    expect(item.byline).toBe('Jane Example');
    expect(item.body.map((b) => b.text)).toEqual([
      'The council approved the car park on Tuesday.',
      'Work starts in June.',
    ]);
  });

  it('reads dpa digitalwires JSON: urn, article_html, teaser, dateline; non-public notes only in the editor note', () => {
    const [item] = ninjsParser.parse(input('dpa-digitalwires-style.json'));
    expect(item.sourceId).toBe('urn:newsml:dpa.example:20090101:240101-99-000001');
    expect(item.versionCreated).toBe('2024-01-28T09:18:34+01:00');
    expect(item.byline).toBe('Erika Beispiel, dpa');
    expect(item.located).toBe('Kiel');
    expect(item.abstract).toBe('Eine neue Fähre fährt ab Montag zweimal täglich.');
    expect(item.body.map((b) => b.text)).toEqual([
      'Eine neue Fähre verbindet ab Montag zwei Inseln.',
      'Die Überfahrt dauert vierzig Minuten.',
    ]);
    expect(item.edNote).toBe(
      'Zu diesem Text gibt es Bilder. Not for publication: Autorin: Erika Beispiel, +49 30 0000000',
    );
  });
});

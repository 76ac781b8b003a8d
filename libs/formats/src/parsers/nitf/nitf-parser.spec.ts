import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { ParseInput } from '../parser';
import { nitfParser } from './nitf-parser';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/nitf');

function input(name: string): ParseInput {
  const bytes = readFileSync(join(FIXTURES, name));
  return { text: bytes.toString('utf8'), bytes, filename: name };
}

function fromText(text: string): ParseInput {
  return { text, bytes: Buffer.from(text) };
}

describe('nitfParser', () => {
  it('sniffs NITF by its root element, not by other XML', () => {
    expect(nitfParser.sniff(input('ap-style-writethru.xml'))).toBeGreaterThan(0.9);
    expect(nitfParser.sniff(fromText('<?xml version="1.0"?><rss version="2.0"/>'))).toBe(0);
  });

  describe('an AP-style writethru with every part NITF has', () => {
    const [item] = nitfParser.parse(input('ap-style-writethru.xml'));

    it('reads identity, version, status, urgency and dates from docdata', () => {
      expect(item.sourceId).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
      expect(item.version).toBe(2);
      expect(item.pubStatus).toBe('usable');
      expect(item.urgency).toBe(3);
      expect(item.versionCreated).toBe('2024-01-30T19:30:12Z');
      expect(item.links).toContainEqual({ rel: 'previous-version', href: item.sourceId, title: 'version 1' });
      expect(item.language).toBe('en-US');
    });

    it('reads headlines, byline with its title, dateline and abstract', () => {
      expect(item.headline).toBe('Fed leaves rates unchanged, signals cuts are coming but not yet');
      expect(item.subheadline).toBe('Chair says inflation must cool further before the first reduction');
      expect(item.byline).toBe('Christopher Rugaber, AP Economics Writer');
      expect(item.dateline).toBe('WASHINGTON Jan. 30, 2024');
      expect(item.located).toBe('Washington');
      expect(item.agency).toBe('The Associated Press');
      expect(item.abstract).toMatch(/^The Federal Reserve kept its benchmark rate at a 22-year high/);
    });

    it('keeps paragraphs, headings, lists, tables and quotes, and cuts the dateline out of the first paragraph', () => {
      expect(item.body[0]).toEqual({
        kind: 'p',
        text: 'The Federal Reserve left its key interest rate unchanged Wednesday for a fourth straight time and signaled that it’s in no hurry to start cutting rates.',
      });
      expect(item.body.map((b) => b.kind)).toEqual([
        'p',
        'p',
        'h',
        'p',
        'p',
        'li',
        'li',
        'table',
        'blockquote',
        'blockquote',
        'p',
        'p',
      ]);
      const table = item.body.find((b) => b.kind === 'table');
      expect(table?.rows).toEqual([
        ['Index', 'Close', 'Change'],
        ['Dow', '38,150.30', '-317.01'],
        ['S&P 500', '4,845.65', '-79.32'],
      ]);
      expect(table?.text.split('\n')[1]).toBe('Dow      38,150.30  -317.01');
      expect(item.body.filter((b) => b.kind === 'blockquote').map((b) => b.text)).toEqual([
        '“We will be careful,” Powell said.',
        '— Jerome Powell',
      ]);
      expect(item.body[item.body.length - 1].text).toBe('AP Economics Writer Paul Wiseman contributed to this report.');
      expect(item.bodyXhtml).toContain('<h2>Markets react</h2>');
      expect(item.bodyXhtml).toContain('<li>Vote: unanimous, 12-0</li>');
      expect(item.bodyXhtml).toContain('S&amp;P 500');
    });

    it('turns media into a picture with caption, credit, photographer, alt text and renditions', () => {
      expect(item.pictures).toHaveLength(1);
      const [photo] = item.pictures;
      expect(photo.caption).toBe(
        'Federal Reserve Chair Jerome Powell speaks during a news conference at the Federal Reserve in Washington, Wednesday, Jan. 30, 2024.',
      );
      expect(photo.credit).toBe('AP Photo/Susan Walsh');
      expect(photo.by).toBe('Susan Walsh');
      expect(photo.altText).toBe('Jerome Powell speaks at a news conference');
      expect(photo.uri).toBe('https://example.invalid/photos/fed-powell-0130.jpg');
      expect(photo.renditions).toHaveLength(2);
      expect(photo.renditions?.[0]).toEqual({
        href: 'https://example.invalid/photos/fed-powell-0130.jpg',
        mimetype: 'image/jpeg',
        width: 3000,
        height: 2000,
      });
    });

    it('reads keywords, subject codes as subj: qcodes with URIs, copyright and the declared word count', () => {
      expect(item.keywords).toEqual(['Federal Reserve', 'interest rates', 'inflation']);
      expect(item.subjects.map((s) => s.code)).toEqual(['subj:04000000', 'subj:04006000', 'subj:04008000']);
      expect(item.subjects[2]).toEqual({
        code: 'subj:04008000',
        name: 'central bank',
        uri: 'http://cv.iptc.org/newscodes/subjectcode/04008000',
      });
      expect(item.copyrightHolder).toBe('The Associated Press');
      expect(item.copyrightNotice).toBe('Copyright 2024 The Associated Press');
      expect(item.declaredWordCount).toBe(450);
      expect(item.edNote).toMatch(/1st Ld-Writethru/);
      expect(item.signals).toEqual(expect.arrayContaining(['writethru', 'update']));
    });
  });

  it('marks a canceled story as a kill', () => {
    const [item] = nitfParser.parse(input('afp-kill.xml'));
    expect(item.pubStatus).toBe('canceled');
    expect(item.signals).toContain('kill');
    expect(item.sourceId).toBe('urn:newsml:afp.com:20240130:TX-PAR-XYZ12');
    expect(item.version).toBe(3);
    expect(item.versionCreated).toBe('2024-01-30T10:45:00+01:00');
    expect(item.edNote).toMatch(/^KILL KILL KILL/);
  });

  it('lifts a byline and a dateline that sit only in the body, decoding HTML entities', () => {
    const [item] = nitfParser.parse(input('efe-body-dateline.xml'));
    expect(item.byline).toBe('María José Hernández');
    expect(item.dateline).toBe('Tegucigalpa, 2 ene (EFE).-');
    expect(item.located).toBe('Tegucigalpa');
    expect(item.agency).toBe('EFE');
    expect(item.body[0].text).toBe(
      'El Congreso Nacional de Honduras eligió este martes a su nueva junta directiva, en una sesión que puso fin a semanas de tensión entre los partidos.',
    );
    expect(item.body[2].text).toBe(
      '«Es un día importante para la democracia», dijo el presidente del Congreso a los periodistas.',
    );
    expect(item.versionCreated).toBe('2024-01-02T18:05:00-06:00');
  });

  it('reads two concatenated documents as two versions, the second a correction linked to the first', () => {
    const items = nitfParser.parse(input('two-docs-correction.xml'));
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.sourceId)).toEqual(['dpa-20240130-0815', 'dpa-20240130-0815']);
    expect(items.map((i) => i.version)).toEqual([1, 2]);
    expect(items[0].signals).toBeUndefined();
    expect(items[1].signals).toContain('correction');
    expect(items[1].links).toContainEqual({ rel: 'corrects', href: 'dpa-20240130-0815' });
    expect(items[1].byline).toBe('Anna Schmidt, dpa');
    expect(items.map((i) => i.located)).toEqual(['Wiesbaden', 'Wiesbaden']);
  });

  it('reads an embargo from date.release and keeps the declared word count apart', () => {
    const [item] = nitfParser.parse(input('embargoed.xml'));
    expect(item.embargoedUntil).toBe('2024-02-02T00:01:00Z');
    expect(item.pubStatus).toBe('usable');
    expect(item.byline).toBe('Jane Kirby, PA Health Correspondent');
    expect(item.declaredWordCount).toBe(612);
    expect(item.sourceId).toBe('PA-20240201-HEALTH-NHS');
  });

  it('throws WireError codes for XML that is not NITF or not well-formed', () => {
    const attempt = (text: string) => {
      try {
        nitfParser.parse(fromText(text));
      } catch (e) {
        return e instanceof WireError ? e.code : 'other';
      }
      return 'none';
    };
    expect(attempt('<rss><channel/></rss>')).toBe(ErrorCode.UNKNOWN_FORMAT);
    expect(attempt('<nitf><body><body.content><p>cut off')).toBe(ErrorCode.MALFORMED_XML);
    expect(attempt('<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf>&x;</nitf>')).toBe(
      ErrorCode.EXTERNAL_ENTITY,
    );
  });
});

describe('nitfParser on loose NITF', () => {
  it('reads paragraphs put straight in <body>, and an unprefixed dateline in body.head', () => {
    const text =
      '<nitf><head><title>T</title></head><body><body.head><hedline><hl1>Quake hits Taiwan</hl1></hedline>' +
      '<dateline>TAIPEI, April 3 (Reuters) -</dateline></body.head><p>A strong earthquake struck.</p><p>Buildings swayed.</p></body></nitf>';
    const [item] = nitfParser.parse({ text, bytes: Buffer.from(text) });
    expect(item.body.map((b) => b.text)).toEqual(['A strong earthquake struck.', 'Buildings swayed.']);
    expect(item.located).toBe('Taipei');
    expect(item.agency).toBe('Reuters');
    expect(item.slugline).toBe('T');
  });
});

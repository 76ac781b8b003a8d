import { ErrorCode } from '@wiredesk/contracts';
import type { ParseInput } from '../parsers/parser';
import { detectFormat } from './detect';
import { formatFromContentType, formatFromFilename, formatFromName } from './hints';
import { sniffControlFramed, sniffNinjsJson, sniffXmlRoot } from './sniff-content';

const input = (text: string, extra: Partial<ParseInput> = {}): ParseInput => ({
  text,
  bytes: Buffer.from(text),
  ...extra,
});
const detect = (text: string, hints = {}) => detectFormat(input(text), hints).format;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('sniffXmlRoot', () => {
  it('skips the declaration, comments, processing instructions and a DOCTYPE with an internal subset', () => {
    const xml = `\ufeff<?xml version="1.0"?>\n<!-- feed -->\n<?xml-stylesheet href="a.xsl"?>\n<!DOCTYPE nitf [ <!ENTITY x "y"> ]>\n<nitf version="-//IPTC//DTD NITF 3.6//EN">`;
    expect(sniffXmlRoot(xml)).toEqual({ name: 'nitf', prefix: undefined, namespace: undefined });
  });

  it('reads a prefixed root and its namespace', () => {
    expect(sniffXmlRoot('<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/" guid="x">')).toEqual({
      name: 'newsItem',
      prefix: 'g2',
      namespace: 'http://iptc.org/std/nar/2006-10-01/',
    });
  });

  it('returns nothing for text', () => {
    expect(sniffXmlRoot('BRUSSELS (AFP) - text')).toBeUndefined();
  });
});

describe('detectFormat by content', () => {
  it.each([
    ['<?xml version="1.0"?><nitf><head><title>x</title></head></nitf>', 'nitf'],
    ['<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1"/>', 'newsml-g2'],
    ['<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/></newsMessage>', 'newsml-g2'],
    ['<?xml version="1.0"?><!DOCTYPE NewsML SYSTEM "NewsML_1.2.dtd"><NewsML Version="1.2"/>', 'newsml-1'],
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'atom'],
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['<p>A bare fragment of a page.</p>', 'html'],
    ['{"uri": "urn:x", "headline": "Title", "body_text": "Text", "versioncreated": "2019-01-01T00:00:00Z"}', 'ninjs'],
    ['\x01ZCZC\r\nabc123 4 txt\x02\r\nPARIS (AFP) - text\x03\x04', 'iptc7901'],
    ['\x16\x16\x01a0715 r i BC-Storm 11-20 0389\x02NEW YORK (AP) -- text\x03', 'anpa1312'],
    ['BRUSSELS (AFP) - The United States is expected to make its cyber capabilities available.', 'text'],
    ['[UPDATE 1] Oil falls as stocks rise', 'text'],
    ['<Photo: AFP> Rescue workers search the rubble in the city centre.', 'text'],
  ])('%s', (text, format) => {
    expect(detect(text)).toBe(format);
  });

  it('markup or JSON that no parser reads is UNKNOWN_FORMAT, never plain text', () => {
    expect(codeOf(() => detect('<?xml version="1.0"?><invoice><total>3</total></invoice>'))).toBe(
      ErrorCode.UNKNOWN_FORMAT,
    );
    expect(() => detect('<invoice><total>3</total></invoice>')).toThrow(/<invoice>/);
    expect(codeOf(() => detect('{"orderId": 12, "total": 3}'))).toBe(ErrorCode.UNKNOWN_FORMAT);
  });
});

describe('detectFormat with hints', () => {
  it('an explicit override wins, under any usual name', () => {
    expect(detect('<html><body>x</body></html>', { format: 'text' })).toBe('text');
    expect(detect('anything', { format: 'NewsML-G2' })).toBe('newsml-g2');
    expect(detect('anything', { format: 'g2' })).toBe('newsml-g2');
    expect(detect('anything', { format: '7901' })).toBe('iptc7901');
    expect(detectFormat(input('x'), { format: 'txt' })).toMatchObject({ format: 'text', by: 'override' });
  });

  it('an unknown override is UNKNOWN_FORMAT naming the choices', () => {
    expect(() => detect('x', { format: 'docx' })).toThrow(/Unknown format "docx"; expected one of text, html/);
  });

  it('content type and file name lift a format the content supports but never invent one', () => {
    const nitf = '<?xml version="1.0"?><nitf/>';
    expect(detectFormat(input(nitf), { contentType: 'text/html' }).format).toBe('nitf');
    expect(detectFormat(input('Plain words'), { filename: 'story.nitf' }).format).toBe('text');
  });

  it('maps content types, extensions and names', () => {
    expect(formatFromContentType('application/vnd.iptc.g2.newsitem+xml; charset=utf-8')).toBe('newsml-g2');
    expect(formatFromContentType('application/rss+xml')).toBe('rss');
    expect(formatFromContentType('application/xml')).toBeUndefined();
    expect(formatFromFilename('/in/2019/story.HTM')).toBe('html');
    expect(formatFromFilename('noext')).toBeUndefined();
    expect(formatFromName('Atom')).toBe('atom');
  });
});

describe('structural sniffers', () => {
  it('ninjs needs ninjs keys, not just any JSON', () => {
    expect(
      sniffNinjsJson('{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json", "uri": "x"}'),
    ).toBeGreaterThan(0.9);
    expect(sniffNinjsJson('{"a": 1}')).toBe(0);
  });

  it('control framing needs SOH near the start and STX after it', () => {
    expect(sniffControlFramed('text with \x02 but no start of header')).toBeUndefined();
  });
});

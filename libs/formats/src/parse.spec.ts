import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '@wiredesk/contracts';
import { cleanItem, parseWire } from './parse';
import { emptyItem } from './model/wire-item';

const FIXTURES = join(__dirname, '../../../test/fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('parseWire', () => {
  it('reads the seed as text, UTF-8, one item', () => {
    const result = parseWire(fixture('seed/afp-us-nato-cyber.txt'), { filename: 'afp-us-nato-cyber.txt' });
    expect(result.format).toBe('text');
    expect(result.charset).toBe('utf-8');
    expect(result.items).toHaveLength(1);
    const [item] = result.items;
    expect(item).toMatchObject({
      headline: 'US to let NATO use its cyber defence skills',
      located: 'Brussels',
      agency: 'AFP',
      copyrightHolder: 'AFP',
      copyrightNotice: '© 2018 AFP',
    });
    expect(item.body).toHaveLength(8);
    expect(JSON.stringify(item)).not.toMatch(/\u00a0/);
  });

  it('decodes undeclared windows-1252 copy to the same story as its UTF-8 twin', () => {
    const legacy = parseWire(fixture('text/afp-paris-fr.cp1252.txt'));
    const utf8 = parseWire(fixture('text/afp-paris-fr.txt'));
    expect(legacy.charset).toBe('windows-1252');
    expect(utf8.charset).toBe('utf-8');
    expect(legacy.items).toEqual(utf8.items);
    expect(legacy.items[0].body[1].text).toMatch(/^« Nous ne pouvons plus accepter/);
  });

  it('reads an HTML page by its content, whatever the file is called', () => {
    const result = parseWire(fixture('html/newsarticle-jsonld.html'), { filename: 'upload.bin' });
    expect(result.format).toBe('html');
    expect(result.items[0].headline).toBe('Ministers agree deal on Channel fishing rights');
  });

  it('honours an explicit format', () => {
    const html = fixture('html/fragment.html');
    expect(parseWire(html, { format: 'text' }).format).toBe('text');
    expect(parseWire(html).format).toBe('html');
  });

  describe('bad input gets a stable code', () => {
    it.each([
      ['empty', Buffer.alloc(0), {}, ErrorCode.EMPTY_INPUT],
      ['whitespace', Buffer.from(' \r\n\t \n'), {}, ErrorCode.EMPTY_INPUT],
      ['too large', Buffer.alloc(2048, 'a'), { maxBytes: 1024 }, ErrorCode.TOO_LARGE],
      ['binary', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)), {}, ErrorCode.BINARY_INPUT],
      [
        'unknown XML',
        Buffer.from('<?xml version="1.0"?><invoice><total>3</total></invoice>'),
        {},
        ErrorCode.UNKNOWN_FORMAT,
      ],
      ['unknown override', Buffer.from('text'), { format: 'pdf' }, ErrorCode.UNKNOWN_FORMAT],
      [
        'no story',
        Buffer.from('<html><head><title></title></head><body><nav></nav></body></html>'),
        {},
        ErrorCode.NO_CONTENT,
      ],
    ])('%s', (_name, bytes, hints, code) => {
      expect(codeOf(() => parseWire(bytes, hints))).toBe(code);
    });

    it('refuses a 50 MB input by its size before reading it', () => {
      expect(codeOf(() => parseWire(Buffer.alloc(50 * 1024 * 1024, 0x20)))).toBe(ErrorCode.TOO_LARGE);
    });

    it('every message is one sentence', () => {
      try {
        parseWire(Buffer.alloc(2048, 'a'), { maxBytes: 1024 });
      } catch (e) {
        expect((e as Error).message).toMatch(/^[A-Z][^.]*\.$/);
      }
    });
  });
});

describe('cleanItem', () => {
  it('removes non-breaking spaces, zero-width characters and control characters from every text field', () => {
    const item = {
      ...emptyItem('text'),
      headline: ' US\u00a0to\u00a0let  NATO\u200b act ',
      located: 'Brussels\u202f',
      body: [
        { kind: 'p' as const, text: 'One\u00a0paragraph\u0007 here.' },
        { kind: 'p' as const, text: '\u00a0 ' },
      ],
      pictures: [{ caption: 'A\u00a0caption', credit: 'AFP/File\u00a0' }],
      keywords: ['NATO', 'NATO\u00a0', ''],
    };
    expect(cleanItem(item)).toMatchObject({
      headline: 'US to let NATO act',
      located: 'Brussels',
      body: [{ kind: 'p', text: 'One paragraph here.' }],
      pictures: [{ caption: 'A caption', credit: 'AFP/File' }],
      keywords: ['NATO'],
    });
  });

  it('keeps the line structure of preformatted blocks and tables', () => {
    const item = {
      ...emptyItem('anpa1312'),
      body: [{ kind: 'pre' as const, text: 'Team   W  L\r\nBoston 3  1\u00a0\n' }],
    };
    expect(cleanItem(item).body[0].text).toBe('Team   W  L\nBoston 3  1');
  });
});

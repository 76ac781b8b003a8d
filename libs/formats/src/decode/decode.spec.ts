import * as iconv from 'iconv-lite';
import { ErrorCode } from '@wiredesk/contracts';
import { decodeBytes } from './decode';
import { repairMojibake } from './mojibake';

const FRENCH = 'Le président a déclaré « ça suffit » — l’économie d’abord, 20 € près de Noël.';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('decodeBytes: byte order marks', () => {
  it.each([
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FRENCH, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(FRENCH, 'utf-16be')])],
  ])('%s with a BOM', (charset, bytes) => {
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ charset, reason: 'bom', bom: true, text: FRENCH });
  });

  it('UTF-16 without a BOM, recognised by its NUL bytes', () => {
    expect(decodeBytes(iconv.encode(FRENCH, 'utf-16le'))).toMatchObject({ charset: 'utf-16le', text: FRENCH });
    expect(decodeBytes(iconv.encode(FRENCH, 'utf-16be'))).toMatchObject({ charset: 'utf-16be', text: FRENCH });
  });
});

describe('decodeBytes: declared charset versus the actual bytes', () => {
  it('valid UTF-8 declared as ISO-8859-1 is UTF-8', () => {
    const bytes = Buffer.from(FRENCH, 'utf8');
    const decoded = decodeBytes(bytes, { contentType: 'text/plain; charset=ISO-8859-1' });
    expect(decoded).toMatchObject({
      charset: 'utf-8',
      reason: 'valid-utf-8',
      declaredCharset: 'windows-1252',
      text: FRENCH,
    });
  });

  it('the same in an XML declaration and an HTML meta', () => {
    const xml = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><p>${FRENCH}</p>`, 'utf8');
    expect(decodeBytes(xml).text).toContain(FRENCH);
    const html = Buffer.from(`<html><head><meta charset="iso-8859-1"></head><body>${FRENCH}</body></html>`, 'utf8');
    expect(decodeBytes(html).text).toContain(FRENCH);
  });

  it('ISO-8859-1 is read as windows-1252, so curly quotes and dashes in 0x80-0x9F survive', () => {
    const bytes = iconv.encode(FRENCH, 'windows-1252');
    const decoded = decodeBytes(bytes, { contentType: 'text/plain; charset="iso-8859-1"' });
    expect(decoded).toMatchObject({ charset: 'windows-1252', reason: 'declared', text: FRENCH });
  });

  it('invalid UTF-8 declared as UTF-8 falls back to windows-1252', () => {
    const bytes = iconv.encode(FRENCH, 'windows-1252');
    expect(decodeBytes(bytes, { contentType: 'text/plain; charset=utf-8' })).toMatchObject({
      charset: 'windows-1252',
      reason: 'fallback',
      text: FRENCH,
    });
  });

  it('undeclared legacy bytes: windows-1252 for Latin text, a confident detection for other scripts', () => {
    expect(decodeBytes(iconv.encode(FRENCH, 'windows-1252')).text).toBe(FRENCH);
    const russian =
      'Президент России заявил в среду, что переговоры о мирном урегулировании будут продолжены в январе.';
    expect(decodeBytes(iconv.encode(russian, 'windows-1251'))).toMatchObject({
      charset: 'windows-1251',
      text: russian,
    });
    const japanese = '東京（共同）政府は水曜日、新しい経済対策を発表した。首相は記者会見で景気の回復を強調した。';
    expect(decodeBytes(iconv.encode(japanese, 'shift_jis'))).toMatchObject({ charset: 'shift_jis', text: japanese });
  });

  it('a declared legacy charset is honoured when the bytes are not UTF-8', () => {
    const greek = 'Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία την Τετάρτη.';
    expect(decodeBytes(iconv.encode(greek, 'iso-8859-7'), { contentType: 'text/plain; charset=iso-8859-7' }).text).toBe(
      greek,
    );
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301 de Mu\u0308nchen';
    expect(decodeBytes(Buffer.from(decomposed, 'utf8')).text).toBe('Café de München');
  });
});

describe('decodeBytes: binary junk', () => {
  it('NULs and control bytes are BINARY_INPUT', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(codeOf(() => decodeBytes(junk))).toBe(ErrorCode.BINARY_INPUT);
  });

  it('known binary formats are named', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBytes(png)).toThrow(/PNG/);
    const gzip = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]);
    expect(codeOf(() => decodeBytes(gzip))).toBe(ErrorCode.BINARY_INPUT);
  });

  it('IPTC 7901 / ANPA framing with SOH, STX, ETX, EOT and SYN is text', () => {
    const anpa = Buffer.from(
      '\x16\x16\x01a0715 r i BC-Storm 11-20 0389\x02\tNEW YORK (AP) -- A storm hit.\x03\x04',
      'latin1',
    );
    expect(decodeBytes(anpa).text).toContain('NEW YORK (AP)');
  });

  it('empty input is EMPTY_INPUT', () => {
    expect(codeOf(() => decodeBytes(Buffer.alloc(0)))).toBe(ErrorCode.EMPTY_INPUT);
  });

  it('UTF-16 with an odd byte count is UNDECODABLE_TEXT', () => {
    const bytes = Buffer.concat([iconv.encode('Some text here', 'utf-16le'), Buffer.from([0x41])]);
    expect(codeOf(() => decodeBytes(bytes))).toBe(ErrorCode.UNDECODABLE_TEXT);
  });
});

/** Bytes read as windows-1252 the way browsers do: the five undefined bytes become C1 controls. */
function asBrowserCp1252(bytes: Buffer): string {
  return [...bytes]
    .map((b) => {
      const ch = iconv.decode(Buffer.from([b]), 'windows-1252');
      return ch === '\ufffd' ? String.fromCharCode(b) : ch;
    })
    .join('');
}

describe('mojibake', () => {
  it('repairs UTF-8 that was read as windows-1252 and encoded again', () => {
    const doubled = iconv.decode(Buffer.from(FRENCH, 'utf8'), 'windows-1252');
    expect(doubled).toContain('Ã©');
    expect(repairMojibake(doubled)).toEqual({ text: FRENCH, repaired: true });
  });

  it('repairs it when it arrives as bytes too, and twice-doubled text', () => {
    const doubled = iconv.decode(Buffer.from(FRENCH, 'utf8'), 'windows-1252');
    expect(decodeBytes(Buffer.from(doubled, 'utf8'))).toMatchObject({ text: FRENCH, repairedMojibake: true });
    const tripled = asBrowserCp1252(Buffer.from(doubled, 'utf8'));
    expect(repairMojibake(tripled).text).toBe(FRENCH);
  });

  it('leaves correct accented text alone', () => {
    for (const text of [FRENCH, 'Straße, naïve, Ångström, São Paulo, Łódź', 'ÀÉÎÕÜ àéîõü']) {
      expect(repairMojibake(text)).toEqual({ text, repaired: false });
    }
  });
});

import * as iconv from 'iconv-lite';

/**
 * Canonical charset names. Browsers treat ISO-8859-1 and US-ASCII labels as windows-1252 (WHATWG Encoding), and so
 * does real wire copy: "latin1" files routinely carry curly quotes and dashes in the 0x80-0x9F range.
 */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'iso-8859-1': 'windows-1252',
  iso88591: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'windows-1252': 'windows-1252',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'ks_c_5601-1987': 'euc-kr',
};

/** The canonical lower-case name for a charset label, or undefined when iconv-lite cannot decode it. */
export function canonicalCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!cleaned) return undefined;
  const name = ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(name) ? name : undefined;
}

export function isUtf16(charset: string | undefined): boolean {
  return charset === 'utf-16le' || charset === 'utf-16be';
}

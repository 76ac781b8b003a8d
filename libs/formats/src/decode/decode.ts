import { isAscii, isUtf8 } from 'node:buffer';
import * as chardet from 'chardet';
import * as iconv from 'iconv-lite';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { binaryMagic, guessBomlessUtf16, junkControlRatio } from './binary';
import { canonicalCharset, isUtf16 } from './charset-names';
import { findDeclarations, type CharsetDeclaration } from './declared';
import { repairMojibake } from './mojibake';

export interface DecodeHints {
  /** the transport's content type, possibly with a charset parameter */
  contentType?: string;
}

export interface DecodedText {
  /** the text, BOM removed, NFC-normalised, double encoding repaired */
  text: string;
  /** the charset actually used, canonical lower-case name (e.g. "utf-8", "windows-1252", "utf-16le") */
  charset: string;
  /** the charset the input or its transport claimed, when it claimed one */
  declaredCharset?: string;
  /** how the charset was decided */
  reason: 'bom' | 'utf-16-pattern' | 'valid-utf-8' | 'ascii' | 'declared' | 'detected' | 'fallback';
  bom: boolean;
  /** true when double-encoded runs were repaired */
  repairedMojibake: boolean;
}

const BOMS: { charset: string; bytes: number[] }[] = [
  { charset: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { charset: 'utf-32le', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { charset: 'utf-32be', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { charset: 'utf-16le', bytes: [0xff, 0xfe] },
  { charset: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** Multi-byte and non-Latin charsets chardet recognises reliably enough to trust over the windows-1252 fallback. */
const TRUSTED_DETECTIONS = new Set([
  'shift_jis',
  'euc-jp',
  'iso-2022-jp',
  'gb18030',
  'big5',
  'euc-kr',
  'windows-1251',
  'koi8-r',
  'iso-8859-5',
  'iso-8859-7',
  'windows-1253',
  'iso-8859-8',
  'windows-1255',
  'windows-1256',
  'iso-8859-6',
]);

export function sniffBom(bytes: Buffer): { charset: string; length: number } | undefined {
  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
  return bom && { charset: bom.charset, length: bom.bytes.length };
}

function assertNotBinary(bytes: Buffer): void {
  const magic = binaryMagic(bytes);
  if (magic) {
    throw new WireError(ErrorCode.BINARY_INPUT, `The input is a ${magic} file, not wire copy.`);
  }
  const { nul, ratio } = junkControlRatio(bytes);
  if (nul > 0 || ratio > 0.01) {
    throw new WireError(
      ErrorCode.BINARY_INPUT,
      `The input looks like binary data (${Math.round(ratio * 1000) / 10}% NUL or control bytes), not text.`,
    );
  }
}

/** The strongest declaration iconv-lite can act on: the transport's content type, then XML, then an HTML meta. */
function usableDeclaration(decls: CharsetDeclaration[]): CharsetDeclaration | undefined {
  return decls.find((d) => d.charset);
}

function detectLegacyCharset(bytes: Buffer): string | undefined {
  const best = chardet.analyse(bytes.subarray(0, 65536))[0];
  if (!best) return undefined;
  const name = canonicalCharset(best.name);
  if (name && TRUSTED_DETECTIONS.has(name) && best.confidence >= 40) return name;
  return undefined;
}

function decodeWith(bytes: Buffer, charset: string): string {
  const text = iconv.decode(bytes, charset, { stripBOM: true });
  // windows-1252 leaves five byte values undefined; iconv-lite turns them into U+FFFD. They carry nothing.
  return charset === 'windows-1252' ? text.replace(/\ufffd/g, '') : text;
}

function assertDecodable(text: string, charset: string): void {
  let bad = 0;
  // U+FFFD is one UTF-16 unit: a native search, not a walk over every character
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) bad++;
  const len = Math.max(1, text.length);
  if (bad / len > 0.05) {
    throw new WireError(
      ErrorCode.UNDECODABLE_TEXT,
      `The input does not decode as ${charset}: ${bad} of ${len} characters are invalid.`,
    );
  }
}

/**
 * Text made only of code points below U+0300 is already NFC: they are all starters (no reordering), their canonical
 * decompositions all recompose, and no two of them compose with each other. One scan spares the normaliser a copy.
 */
const BEYOND_NFC_STABLE = /[^\u0000-\u02ff]/;

function finish(raw: string, result: Omit<DecodedText, 'text' | 'repairedMojibake'>): DecodedText {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  assertDecodable(text, result.charset);
  const repaired = repairMojibake(text);
  text = BEYOND_NFC_STABLE.test(repaired.text) ? repaired.text.normalize('NFC') : repaired.text;
  return { ...result, text, repairedMojibake: repaired.repaired };
}

/**
 * Bytes to text, trusting the bytes over what they claim: a byte order mark decides first; then valid UTF-8 is UTF-8
 * whatever is declared (a common lie is ISO-8859-1 over UTF-8); otherwise the declared charset (latin1 read as
 * windows-1252), a confident detection of a non-Latin charset, or windows-1252.
 */
export function decodeBytes(bytes: Buffer, hints: DecodeHints = {}): DecodedText {
  if (bytes.length === 0) throw new WireError(ErrorCode.EMPTY_INPUT, 'The input is empty.');
  const decls = findDeclarations(bytes, hints.contentType);
  const declared = usableDeclaration(decls);
  const declaredCharset = declared?.charset ?? decls[0]?.label;

  const bom = sniffBom(bytes);
  if (bom) {
    const text = decodeWith(bytes.subarray(bom.length), bom.charset);
    return finish(text, { charset: bom.charset, declaredCharset, reason: 'bom', bom: true });
  }

  // UTF-16 without BOM: the NUL pattern of Latin text, or a UTF-16 declaration over bytes that do contain NULs.
  const declaredUtf16 = isUtf16(declared?.charset) && bytes.includes(0) ? declared?.charset : undefined;
  const utf16 = guessBomlessUtf16(bytes) ?? declaredUtf16;
  if (utf16) {
    if (bytes.length % 2 !== 0) {
      throw new WireError(ErrorCode.UNDECODABLE_TEXT, 'The input looks like UTF-16 but has an odd number of bytes.');
    }
    return finish(decodeWith(bytes, utf16), { charset: utf16, declaredCharset, reason: 'utf-16-pattern', bom: false });
  }

  assertNotBinary(bytes);

  if (isAscii(bytes)) {
    // Pure ASCII reads the same in every ASCII-compatible charset: report the declared one when there is one.
    const charset = declared?.charset && !isUtf16(declared.charset) ? declared.charset : 'utf-8';
    return finish(bytes.toString('latin1'), { charset, declaredCharset, reason: 'ascii', bom: false });
  }
  // node:buffer's validator is as strict as a fatal TextDecoder (no overlongs, surrogates or code points past
  // U+10FFFF) and builds no string
  if (isUtf8(bytes)) {
    return finish(bytes.toString('utf8'), { charset: 'utf-8', declaredCharset, reason: 'valid-utf-8', bom: false });
  }
  if (declared?.charset && declared.charset !== 'utf-8' && !isUtf16(declared.charset)) {
    const text = decodeWith(bytes, declared.charset);
    return finish(text, { charset: declared.charset, declaredCharset, reason: 'declared', bom: false });
  }
  const detected = detectLegacyCharset(bytes);
  if (detected) {
    return finish(decodeWith(bytes, detected), { charset: detected, declaredCharset, reason: 'detected', bom: false });
  }
  // Invalid UTF-8 with no usable declaration (or a false UTF-8 one): Western copy in windows-1252 is by far the
  // likeliest, and every byte decodes.
  return finish(decodeWith(bytes, 'windows-1252'), {
    charset: 'windows-1252',
    declaredCharset,
    reason: 'fallback',
    bom: false,
  });
}

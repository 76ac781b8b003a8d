import { HTML_ENTITIES } from './html-entities';

/**
 * Numeric references 128..159 are C1 controls in Unicode, but in agency copy they are almost always Windows-1252
 * characters written as numbers (&#150; for an en dash). HTML5 decodes them the same way; so do we.
 */
const WINDOWS_1252_C1: Readonly<Record<number, string>> = {
  0x80: '\u20ac',
  0x82: '\u201a',
  0x83: '\u0192',
  0x84: '\u201e',
  0x85: '\u2026',
  0x86: '\u2020',
  0x87: '\u2021',
  0x88: '\u02c6',
  0x89: '\u2030',
  0x8a: '\u0160',
  0x8b: '\u2039',
  0x8c: '\u0152',
  0x8e: '\u017d',
  0x91: '\u2018',
  0x92: '\u2019',
  0x93: '\u201c',
  0x94: '\u201d',
  0x95: '\u2022',
  0x96: '\u2013',
  0x97: '\u2014',
  0x98: '\u02dc',
  0x99: '\u2122',
  0x9a: '\u0161',
  0x9b: '\u203a',
  0x9c: '\u0153',
  0x9e: '\u017e',
  0x9f: '\u0178',
};

const ENTITY_REF = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

/** The character a numeric reference stands for; references to nothing printable decode to nothing. */
export function codePointToText(cp: number): string {
  if (cp >= 0x80 && cp <= 0x9f) return WINDOWS_1252_C1[cp] ?? '';
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return String.fromCharCode(cp);
  if (cp < 0x20 || cp === 0x7f || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '';
  if (cp === 0xfffe || cp === 0xffff) return '';
  return String.fromCodePoint(cp);
}

/**
 * Decodes XML's predefined entities, numeric references and the HTML named entities agencies use in XML text, in a
 * single pass (so "&amp;eacute;" stays the literal text "&eacute;"). Unknown names stay as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY_REF,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return codePointToText(Number.parseInt(dec, 10));
      if (hex !== undefined) return codePointToText(Number.parseInt(hex, 16));
      if (name !== undefined && Object.prototype.hasOwnProperty.call(HTML_ENTITIES, name)) return HTML_ENTITIES[name];
      return whole;
    },
  );
}

/** A bare "&" that starts no reference ("AT&T", "?a=1&b=2") is written as "&amp;" so the XML stays parseable. */
export function escapeBareAmpersands(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?!#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,7};|[A-Za-z_][A-Za-z0-9._-]{0,63};)/g, '&amp;');
}

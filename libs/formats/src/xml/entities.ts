import { decodeHTMLStrict } from 'entities';

/**
 * Entity decoding for XML text. XML's own five entities and numeric references are XML; agencies also put HTML's
 * named entities in XML (&eacute;, &nbsp;), which the `entities` package knows (the WHATWG list htmlparser2 uses).
 */

const ENTITY_REF = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

/**
 * The character a numeric reference stands for; references to nothing printable decode to nothing. 128..159 are C1
 * controls in Unicode, but in agency copy they are almost always Windows-1252 characters written as numbers (&#150;
 * for an en dash): HTML5 reads them that way, and so do we (through the same table).
 */
export function codePointToText(cp: number): string {
  if (cp >= 0x80 && cp <= 0x9f) {
    const mapped = decodeHTMLStrict(`&#${cp};`);
    return mapped.codePointAt(0) === cp ? '' : mapped;
  }
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
  return text.replace(ENTITY_REF, (whole, dec: string | undefined, hex: string | undefined) => {
    if (dec !== undefined) return codePointToText(Number.parseInt(dec, 10));
    if (hex !== undefined) return codePointToText(Number.parseInt(hex, 16));
    return decodeHTMLStrict(whole);
  });
}

/** A bare "&" that starts no reference ("AT&T", "?a=1&b=2") is written as "&amp;" so the XML stays parseable. */
export function escapeBareAmpersands(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?!#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,7};|[A-Za-z_][A-Za-z0-9._-]{0,63};)/g, '&amp;');
}

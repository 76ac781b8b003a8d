import { hasMojibake, repairMojibake } from '../../decode/mojibake';
import type { BodyBlock } from '../../model/wire-item';
import { decodeEntities } from '../../xml/entities';
import { htmlToBlocks, htmlToText } from './html';

/**
 * Markup that reached the text as characters: HTML escaped once more than the format needs (a literal "<p>" in a
 * NewsML-G2 body, "&amp;apos;" in a press release), typographic pseudo-elements ("800<endash>-</endash>1 000" from
 * STT), embed code pasted into a paragraph, and UTF-8 read as Windows-1252 ("Â£"). Each block is read again for
 * what it says; a paragraph that was only markup (an embed) is left out and counted, so the item can say so.
 */

/** Pseudo-elements that stand for one character, as some editorial systems export them. */
const PSEUDO_CHARACTERS: Readonly<Record<string, string>> = {
  endash: '\u2013',
  ndash: '\u2013',
  emdash: '\u2014',
  mdash: '\u2014',
  hyphen: '-',
  nbsp: ' ',
  thinsp: '\u2009',
};
const PSEUDO_ELEMENT = /<(endash|ndash|emdash|mdash|hyphen|nbsp|thinsp)\s*(?:\/>|>[^<]{0,3}<\/\1\s*>)/gi;

/** HTML tags written out as text (bare, or with name="value" attributes): escaped markup, not prose ("a <b and c> d"). */
const HTML_TAG =
  /<\/?(?:p|br|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|script|style|iframe|img|table|tr|td|th|sup|sub|blockquote|hr|font|small|big|replaced)(?:\s*\/?>|\s+[^<>]*=[^<>]*>)/i;
/** An entity left over after the format's own decoding: the text was escaped twice. */
const LEFTOVER_ENTITY = /&(?:#\d{2,7}|#x[0-9a-f]{2,6}|[a-z][a-z0-9]{1,9});/i;
const FLOWING: ReadonlySet<BodyBlock['kind']> = new Set(['p', 'h', 'li', 'blockquote']);

/** One line (a headline, a paragraph of a kind that stays one block) read again: pseudo-elements, entities, encoding. */
export function repairLine(text: string): string {
  let t = text;
  if (t.includes('<')) {
    t = t.replace(PSEUDO_ELEMENT, (_, name: string) => PSEUDO_CHARACTERS[name.toLowerCase()]);
    if (HTML_TAG.test(t)) t = htmlToText(t);
  }
  if (t.includes('&') && LEFTOVER_ENTITY.test(t)) t = decodeEntities(t);
  if (hasMojibake(t)) t = repairMojibake(t).text;
  return t;
}

export interface RepairedBody {
  blocks: BodyBlock[];
  /** paragraphs that held only markup (embed code) and were left out */
  leftOut: number;
}

/** The body with escaped markup read as markup, pseudo-elements as characters, double escapes and encodings undone. */
export function repairEscapedMarkup(blocks: BodyBlock[]): RepairedBody {
  let leftOut = 0;
  const out: BodyBlock[] = [];
  for (const block of blocks) {
    // most blocks hold none of it: three cheap tests decide
    const hasMarkup = block.text.includes('<');
    if (!FLOWING.has(block.kind) || (!hasMarkup && !block.text.includes('&') && !hasMojibake(block.text))) {
      out.push(block);
      continue;
    }
    let text = hasMarkup
      ? block.text.replace(PSEUDO_ELEMENT, (_, name: string) => PSEUDO_CHARACTERS[name.toLowerCase()])
      : block.text;
    if (hasMarkup && HTML_TAG.test(text)) {
      const inner = htmlToBlocks(text).map((b) => ({ ...b, text: repairLine(b.text) }));
      if (inner.length === 0) leftOut++;
      else if (block.kind === 'p') out.push(...inner);
      else out.push({ kind: block.kind, text: inner.map((b) => b.text).join(' ') });
      continue;
    }
    text = repairLine(text);
    if (text.trim() !== '') out.push({ ...block, text });
  }
  return { blocks: out, leftOut };
}

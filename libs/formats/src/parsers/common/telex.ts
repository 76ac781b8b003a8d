import type { BodyBlock } from '../../model/wire-item';
import { tableText } from './blocks';
import { normalizeSpace, trimNewlines } from './text';

/**
 * What IPTC 7901 and ANPA 1312 share: transmission control characters around each message
 * (SYN SYN SOH header STX text ETX trailer EOT), fixed-width text lines with indented paragraphs, and tabular agate
 * (sports results, market tables) in columns separated by tabs or runs of spaces.
 */

export const SOH = '\u0001';
export const STX = '\u0002';
export const ETX = '\u0003';
export const EOT = '\u0004';
export const SYN = '\u0016';

export interface TelexMessage {
  /** lines between SOH and STX (the header), control characters other than tab removed */
  head: string[];
  /** the same lines as received, control characters kept (ANPA format codes live there) */
  rawHead: string[];
  /** lines between STX and ETX (the text); when there is no STX, everything after the head */
  text: string[];
  /** lines after ETX (trailer: transmission time, sign-off) */
  trailer: string[];
  /** the message had an STX: head and text are told apart by it */
  framed: boolean;
}

/** Control characters other than tab and line breaks, including the DC1-DC4 format codes in ANPA headers. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function stripControls(line: string): string {
  return line.replace(CONTROL, ' ').trimEnd();
}

function lines(text: string): string[] {
  return text.split('\n').map(stripControls);
}

/**
 * Splits a stream into messages at each SOH. Text before the first SOH that holds more than line noise is a message
 * too (files whose control characters were stripped on the way still parse). headLineCount says how many lines make
 * the header when a message has no STX.
 */
/** SYN characters and spaces before a message. */
const LEADING_SYN = new RegExp(`^[${SYN}\\s]*`);

export function splitTelexMessages(stream: string, headLineCount: number): TelexMessage[] {
  const normalized = stream.replace(/\r\n?/g, '\n');
  const parts = normalized.split(SOH);
  const messages: TelexMessage[] = [];
  parts.forEach((part, index) => {
    // EOT ends a transmission: anything after it and before the next SOH is line noise
    const segment = part.split(EOT)[0].replace(LEADING_SYN, '');
    if (index === 0 && parts.length > 1 && segment.replace(/[\s\u0000-\u001f]/g, '').length < 3) return;
    if (segment.replace(/[\s\u0000-\u001f\u007f]/g, '') === '') return;
    const stx = segment.indexOf(STX);
    if (stx >= 0) {
      const afterStx = segment.slice(stx + 1);
      const etx = afterStx.indexOf(ETX);
      const body = etx >= 0 ? afterStx.slice(0, etx) : afterStx;
      const trailer = etx >= 0 ? afterStx.slice(etx + 1) : '';
      messages.push({
        head: lines(segment.slice(0, stx)).filter((l) => l.trim() !== ''),
        rawHead: segment.slice(0, stx).split('\n'),
        text: lines(body),
        trailer: lines(trailer).filter((l) => l.trim() !== ''),
        framed: true,
      });
    } else {
      const etx = segment.indexOf(ETX);
      const rawLines = (etx >= 0 ? segment.slice(0, etx) : segment).split('\n');
      const all = rawLines.map(stripControls);
      const first = all.findIndex((l) => l.trim() !== '');
      const start = first < 0 ? 0 : first;
      messages.push({
        head: all.slice(start, start + headLineCount),
        rawHead: rawLines.slice(start, start + headLineCount),
        text: all.slice(start + headLineCount),
        trailer: etx >= 0 ? lines(segment.slice(etx + 1)).filter((l) => l.trim() !== '') : [],
        framed: false,
      });
    }
  });
  return messages;
}

/** A line of agate: columns separated by tabs or wide runs of spaces, with figures in them. */
export function isTabularLine(line: string): boolean {
  const body = line.replace(/^\s+/, '');
  if (body === '' || !/\d/.test(body)) return false;
  return isColumnLine(body);
}

/** Columns, with or without figures (a table's heading row: "East  W  L  Pct  GB"). */
function isColumnLine(line: string): boolean {
  const body = line.replace(/^\s+/, '');
  if (body === '') return false;
  if (/\S\t+\S/.test(body)) return true;
  // prose with two spaces after full stops is not a table: columns are short, one at least a figure,
  // and they do not end like sentences
  const cells = body.split(/ {2,}/);
  if (cells.length < 3 || !cells.every((c) => c.length <= 30)) return false;
  const figures = cells.filter((c) => /^[-+–]?[\d.,:%/ ]*\d[\d.,:%/ ]*$/.test(c.trim())).length;
  const sentences = cells.filter((c) => /\p{Ll}{2,}[.!?]$/u.test(c.trim())).length;
  return figures >= 1 && sentences < 2;
}

function cellsOf(line: string): string[] {
  const body = line.replace(/^\s+/, '');
  const cells = /\t/.test(body) ? body.split(/\t+/) : body.split(/ {2,}/);
  return cells.map((c) => normalizeSpace(c));
}

/** A rule line ("___", "---", "* * *") separates sections; it carries no text. */
export function isRuleLine(line: string): boolean {
  return /^\s*(?:[_\-=*~]\s*){3,}$/.test(line);
}

export interface TextBlockOptions {
  /** a line starting with a tab or two spaces starts a paragraph (ANPA); otherwise only blank lines do */
  indentStartsParagraph: boolean;
  /** rewrite TTS typography: " _ " dashes and `` '' quotes (AP ANPA) */
  ttsTypography?: boolean;
  /** every line is preformatted (ANPA DC2 / tabular messages) */
  preformatted?: boolean;
}

function tts(text: string): string {
  return text
    .replace(/(^|\s)_(?=\s|$)/g, '$1—')
    .replace(/``/g, '“')
    .replace(/''/g, '”');
}

/**
 * Telex text lines to body blocks: wrapped lines are joined, indented or blank-separated paragraphs split, runs of
 * agate lines kept as a table (columns aligned), rule lines dropped.
 */
export function telexLinesToBlocks(textLines: string[], options: TextBlockOptions): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  if (options.preformatted) {
    const expanded = textLines.map((l) => l.replace(/\t/g, '    ').trimEnd());
    // the indentation every line shares is transmission layout, not table layout
    const indent = Math.min(...expanded.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
    const text = trimNewlines(expanded.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n'));
    if (text.trim()) blocks.push({ kind: 'pre', text });
    return blocks;
  }
  let paragraph: string[] = [];
  let table: string[] = [];
  const flushParagraph = () => {
    const text = normalizeSpace(paragraph.join(' '));
    if (text) blocks.push({ kind: 'p', text: options.ttsTypography ? tts(text) : text });
    paragraph = [];
  };
  const flushTable = () => {
    // a table is two or more column lines, one at least with figures; a lone column line is a paragraph
    if (table.length === 1 || (table.length > 1 && !table.some(isTabularLine))) {
      for (const line of table) {
        paragraph.push(line.trim());
        flushParagraph();
      }
    } else if (table.length > 1) {
      const rows = table.map(cellsOf);
      blocks.push({ kind: 'table', text: tableText(rows), rows });
    }
    table = [];
  };
  for (const raw of textLines) {
    const line = raw.trimEnd();
    if (line.trim() === '' || isRuleLine(line)) {
      flushTable();
      flushParagraph();
      continue;
    }
    if (isTabularLine(line) || (isColumnLine(line) && line.trim().split(/\s+/).length <= 12)) {
      flushParagraph();
      table.push(line);
      continue;
    }
    flushTable();
    if (options.indentStartsParagraph && /^(?:\t| {2,})/.test(line)) flushParagraph();
    paragraph.push(line.trim());
  }
  flushTable();
  flushParagraph();
  return blocks;
}

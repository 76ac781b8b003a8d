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

export { isRuleLine, telexLinesToBlocks, trimClosingLines, type TextBlockOptions } from './telex-blocks';
export { isTabularLine } from './tables';

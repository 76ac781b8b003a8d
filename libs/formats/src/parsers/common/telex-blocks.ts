import type { BodyBlock } from '../../model/wire-item';
import { segmentTables } from './tables';
import { normalizeSpace } from './text';

/**
 * Telex text lines (ANPA 1312, IPTC 7901, AAP's ZCZC copy) to body blocks. Paragraphs follow the agency's convention:
 * a blank line, or an indented first line where the copy indents paragraphs. Hard-wrapped lines are joined back into
 * their paragraph; a short line that was not wrapped (a runner in a race field, a headline in a list, a result) keeps
 * its own line. Tables become tables (parsers/common/tables); rule lines are dropped. Nothing else is left out.
 */

export interface TextBlockOptions {
  /** a line starting with a tab or two spaces starts a paragraph (ANPA); otherwise only blank lines do */
  indentStartsParagraph: boolean;
  /** rewrite TTS typography: " _ " dashes and `` '' quotes (AP ANPA) */
  ttsTypography?: boolean;
}

/** A rule line ("___", "---", "* * *") separates sections; it carries no text. */
export function isRuleLine(line: string): boolean {
  return /^\s*(?:[_\-=*~]\s*){3,}$/.test(line);
}

/** Lines that close a message and carry no text: end markers, sign-offs, rules, blank lines. */
const CLOSING_LINE = /^\s*(?:NNNN|END|==\s*[A-Za-z][\w .-]{1,30}|YY(?:\s+[A-Z]{2,8})*)\s*$/;

/** Drops the closing furniture at the end of a message's text: "END", "NNNN", "==Kyodo", rule and blank lines. */
export function trimClosingLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1].trim() === '' || isRuleLine(lines[end - 1]) || CLOSING_LINE.test(lines[end - 1]))) {
    end--;
  }
  return end === lines.length ? lines : lines.slice(0, end);
}

function tts(text: string): string {
  return text
    .replace(/(^|\s)_(?=\s|$)/g, '$1—')
    .replace(/``/g, '“')
    .replace(/''/g, '”');
}

/** Lines longer than this were not wrapped by a fixed-width sender. */
const MAX_WRAP_WIDTH = 100;
/** How much shorter than the widest line a wrapped line may end when the sender's width was a little wider. */
const WRAP_SLACK = 20;

/** The width the copy was wrapped at: its longest line that could be a wrapped one. */
function wrapWidth(lines: string[]): number {
  let width = 0;
  for (const l of lines) {
    const n = l.trimEnd().length;
    if (n <= MAX_WRAP_WIDTH && n > width) width = n;
  }
  return width;
}

/** Was `next` carried over from `previous` by wrapping? Yes when `previous` is full, or `next`'s first word would not fit. */
function continues(previous: string, next: string, width: number): boolean {
  const length = previous.trim().length;
  if (previous.trimEnd().length > MAX_WRAP_WIDTH) return true;
  if (width < 40) return false;
  const firstWord = /^\S*/.exec(next.trim())![0].length;
  return previous.trimEnd().length >= width - WRAP_SLACK || length + 1 + firstWord > width;
}

function linesToParagraphs(lines: string[], width: number, options: TextBlockOptions, out: BodyBlock[]): void {
  let paragraph: string[] = [];
  const flush = () => {
    const text = normalizeSpace(paragraph.join(' '));
    if (text) out.push({ kind: 'p', text: options.ttsTypography ? tts(text) : text });
    paragraph = [];
  };
  let previous: string | undefined;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '' || isRuleLine(line)) {
      flush();
      previous = undefined;
      continue;
    }
    const indented = /^(?:\t| {2,})/.test(line);
    const joins =
      previous !== undefined && !(options.indentStartsParagraph && indented) && continues(previous, line, width);
    if (!joins) flush();
    paragraph.push(line.trim());
    previous = line;
  }
  flush();
}

/** Telex text lines to body blocks: paragraphs reflowed by the agency's convention, tables kept row for row. */
export function telexLinesToBlocks(textLines: string[], options: TextBlockOptions): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const segments = segmentTables(textLines);
  const width = wrapWidth(segments.flatMap((s) => (s.kind === 'lines' ? s.lines : [])));
  for (const segment of segments) {
    if (segment.kind === 'table') blocks.push(segment.block);
    else linesToParagraphs(segment.lines, width, options, blocks);
  }
  return blocks;
}

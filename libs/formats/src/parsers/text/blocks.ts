import type { BodyBlock } from '../../model/wire-item';
import { stripShortcodes } from '../common/shortcodes';
import { segmentTables } from '../common/tables';

/**
 * Plain text to blocks. Scraped copy keeps one visual block per line: paragraphs stand alone between blank lines,
 * while menus, link lists and share buttons come as runs of short lines. Mail-style wire copy instead wraps each
 * paragraph at a fixed width; such wrapped lines are joined back into one paragraph. Results, standings and other
 * tables set in columns become one block each, row for row (parsers/common/tables).
 */

export interface TextBlock {
  /** position among the blocks */
  index: number;
  /** the line's text, trimmed, quote and list markers removed, spaces normalised */
  text: string;
  /** the line as it was (trimmed), for patterns that need the markers */
  raw: string;
  /** number of non-blank lines in the run this block sits in (1 = a paragraph on its own) */
  runLength: number;
  /** which run of consecutive lines the block belongs to */
  run: number;
  /** the line started with a list bullet or number */
  listItem: boolean;
  /** the line was a quoted (`> `) line */
  quoted: boolean;
  /** the block is a table: these rows, as the body keeps them */
  table?: BodyBlock;
}

const BULLET = /^(?:[*•·▪◦‣○●■□➤►▶–-]|\d{1,2}[.)])\s+/;
const QUOTE = /^(?:>\s?)+/;
/** Spaces of every width become plain spaces; zero-width characters go. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** What normaliseSpaces would change besides the ends: zero-width and odd spaces, tabs, runs of spaces. */
const NEEDS_NORMALISING = /[\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]| {2}/;

export function normaliseSpaces(text: string): string {
  // Most lines hold none of it: trimming is then all there is to do.
  if (!NEEDS_NORMALISING.test(text)) return text.trim();
  return text
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACE, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

interface Line {
  text: string;
  blank: boolean;
}

function firstWordLength(line: string): number {
  const m = /^\S+/.exec(line.trim());
  return m ? m[0].length : 0;
}

/**
 * A run of lines is one hard-wrapped paragraph when every line but the last is nearly as long as the longest, and the
 * next line's first word would not have fitted on the line before: the signature of fixed-width wrapping.
 */
function isWrappedParagraph(run: string[]): boolean {
  if (run.length < 2) return false;
  const lengths = run.map((l) => l.length);
  const width = Math.max(...lengths);
  if (width < 40 || width > 100) return false;
  for (let i = 0; i < run.length - 1; i++) {
    if (BULLET.test(run[i + 1].trim())) return false;
    if (lengths[i] < width - 20) return false;
    if (lengths[i] + 1 + firstWordLength(run[i + 1]) <= width) return false;
  }
  return true;
}

/** Split into runs of consecutive non-blank lines. */
function runsOf(lines: Line[]): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.blank) {
      if (current.length) runs.push(current);
      current = [];
    } else {
      current.push(line.text);
    }
  }
  if (current.length) runs.push(current);
  return runs;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/** Not a space of any kind (\s is what trim() removes): a line without one is blank. */
const VISIBLE = /\S/;

/** A line that may be part of a table: columns need tabs, wide spaces or a delimiter used twice. */
const MAY_BE_COLUMNS = /\S(?:\t| {2,})\S|[;|][^;|\n]{0,30}[;|]/;

function tableBlock(table: BodyBlock, index: number, run: number): TextBlock {
  const text = (table.rows ?? []).map((r) => r.filter(Boolean).join(' ')).join(' ') || table.text;
  return { index, text, raw: text, runLength: 1, run, listItem: false, quoted: false, table };
}

export function toBlocks(text: string): TextBlock[] {
  const unified = stripShortcodes(text.replace(/\r\n?/g, '\n'));
  // Zero-width characters and controls are rare: when the text has none, its lines need no replacing either.
  const zeroWidth = HAS_ZERO_WIDTH.test(unified);
  const controls = HAS_CONTROL.test(unified);
  const lines: Line[] = unified.split('\n').map((l) => {
    let cleaned = zeroWidth ? l.replace(ZERO_WIDTH, '') : l;
    if (controls) cleaned = cleaned.replace(CONTROL, ' ');
    // all odd spaces are spaces to trim(): a line that normalises to nothing is one with nothing but spaces
    return { text: cleaned.trimEnd(), blank: !VISIBLE.test(cleaned) };
  });
  const blocks: TextBlock[] = [];
  // tables first: most copy has none, and one scan for column gaps says so
  if (lines.some((l) => MAY_BE_COLUMNS.test(l.text))) {
    let runs = 0;
    for (const segment of segmentTables(lines.map((l) => (l.blank ? '' : l.text)))) {
      if (segment.kind === 'table') blocks.push(tableBlock(segment.block, blocks.length, runs++));
      else
        runs = pushRuns(
          segment.lines.map((t) => ({ text: t, blank: !VISIBLE.test(t) })),
          blocks,
          runs,
        );
    }
    return blocks;
  }
  pushRuns(lines, blocks, 0);
  return blocks;
}

/** Blocks of the runs of lines, numbered on from `firstRun`; returns the next run number. */
function pushRuns(lines: Line[], blocks: TextBlock[], firstRun: number): number {
  let runIndex = firstRun;
  for (const run of runsOf(lines)) {
    const paragraphs = isWrappedParagraph(run) ? [run.map((l) => l.trim()).join(' ')] : run;
    for (const line of paragraphs) {
      const raw = normaliseSpaces(line);
      const quoted = QUOTE.test(raw);
      const unquoted = raw.replace(QUOTE, '');
      const listItem = BULLET.test(unquoted) && !/^\d{1,2}[.)]\s+\d/.test(unquoted);
      const textOnly = normaliseSpaces(listItem ? unquoted.replace(BULLET, '') : unquoted);
      if (textOnly === '' && raw.replace(/[*•>\s-]/g, '') === '') continue;
      blocks.push({
        index: blocks.length,
        text: textOnly,
        raw,
        runLength: paragraphs.length,
        run: runIndex,
        listItem,
        quoted,
      });
    }
    runIndex++;
  }
  return runIndex;
}

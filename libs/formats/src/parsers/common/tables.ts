import type { BodyBlock } from '../../model/wire-item';
import { tableText } from './blocks';
import { normalizeSpace } from './text';

/**
 * Tables in running text: results, standings, fixtures, market and weather tables as agencies set them in plain text,
 * ANPA agate and IPTC 7901 copy, and inside XML text bodies. Columns are separated by tabs, by runs of two or more
 * spaces (aligned), or by a delimiter (";" or "|") every line repeats. A run of two or more such lines, one at least
 * with figures, is a table; a heading row of labels just above it ("Wins  2nds  3rds") belongs to it. Cells are
 * matched to columns by where they sit on the line, so a heading over the figure columns only, or a row with an empty
 * cell, still lines up; when they cannot be matched safely, the lines are kept as preformatted text, row for row.
 */

const FIGURE = /^[-+–]?[\d.,:%/ ]*\d[\d.,:%/ ]*(?:-\d+\/\d+)?$/;
const DELIMITERS = [';', '|'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** Columns separated by tabs or wide runs of spaces: cells with their start and end on the line (tabs expanded). */
interface Cell {
  text: string;
  start: number;
  end: number;
}

function expandTabs(line: string): string {
  return line.includes('\t') ? line.replace(/\t/g, '    ') : line;
}

function spacedCells(line: string): Cell[] {
  const expanded = expandTabs(line.replace(/\s+$/, ''));
  const cells: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expanded)))
    cells.push({ text: normalizeSpace(m[0]), start: m.index, end: m.index + m[0].length });
  return cells;
}

/** Columns, with or without figures (a table's heading row: "East  W  L  Pct  GB"). */
export function isColumnLine(line: string): boolean {
  const body = line.trim();
  if (body === '') return false;
  if (/\S\t+\S/.test(body)) return true;
  // prose with two spaces after full stops is not a table: columns are short, one at least a figure,
  // and they do not end like sentences
  const cells = body.split(/ {2,}/);
  if (cells.length < 3 || !cells.every((c) => c.length <= 30)) return false;
  const figures = cells.filter((c) => FIGURE.test(c.trim())).length;
  const sentences = cells.filter((c) => /\p{Ll}{2,}[.!?]$/u.test(c.trim())).length;
  return figures >= 1 && sentences < 2;
}

/** A line of agate: columns separated by tabs or wide runs of spaces, with figures in them. */
export function isTabularLine(line: string): boolean {
  const body = line.trim();
  if (body === '' || !/\d/.test(body)) return false;
  return isColumnLine(body);
}

/** The delimiter a line's cells are split by, when it has two or more of them and short cells. */
function delimiterOf(line: string): Delimiter | undefined {
  for (const d of DELIMITERS) {
    const parts = line.trim().split(d);
    if (parts.length >= 3 && parts.every((p) => p.trim().length <= 30) && parts.some((p) => /\d/.test(p))) return d;
  }
  return undefined;
}

/** Labels over columns: two or more short cells split by tabs, wide spaces or the table's delimiter, none a sentence. */
function isHeadingRow(line: string, delimiter: Delimiter | undefined): boolean {
  const cells = delimiter ? line.trim().split(delimiter) : line.trim().split(/\t+| {2,}/);
  if (delimiter && cells.length < 3) return false;
  return cells.length >= 2 && cells.every((c) => c.length <= 30 && !/\p{Ll}{2,}[.!?:]$/u.test(c));
}

/** Matches every row's cells to the columns of the widest row by overlap on the line; undefined when one will not fit. */
function alignedRows(lines: string[]): string[][] | undefined {
  const rows = lines.map(spacedCells);
  const reference = rows.reduce((a, b) => (b.length > a.length ? b : a));
  if (reference.length < 2) return undefined;
  const out: string[][] = [];
  for (const cells of rows) {
    const row: string[] = new Array<string>(reference.length).fill('');
    for (const cell of cells) {
      let best = -1;
      let bestOverlap = 0;
      reference.forEach((col, i) => {
        const overlap = Math.min(cell.end, col.end) - Math.max(cell.start, col.start);
        if (overlap > bestOverlap) {
          best = i;
          bestOverlap = overlap;
        }
      });
      if (best < 0 || row[best] !== '') return undefined;
      row[best] = cell.text;
    }
    out.push(row);
  }
  return out;
}

/** Rows for a run of table lines, or undefined when the columns cannot be told safely. */
export function tableRows(lines: string[]): string[][] | undefined {
  const delimiter = delimiterOf(lines[lines.length - 1]);
  if (delimiter && lines.every((l) => l.includes(delimiter))) {
    const rows = lines.map((l) => l.trim().split(delimiter).map(normalizeSpace));
    const width = Math.max(...rows.map((r) => r.length));
    return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  }
  const byCount = lines.map((l) =>
    l
      .trim()
      .split(/\t+| {2,}/)
      .map(normalizeSpace),
  );
  if (byCount.every((r) => r.length === byCount[0].length) && byCount[0].length >= 2) return byCount;
  return alignedRows(lines);
}

/** One block for a run of table lines: a table when the columns line up, else the lines preformatted. */
export function tableBlock(lines: string[]): BodyBlock {
  const rows = tableRows(lines);
  if (rows) return { kind: 'table', text: tableText(rows), rows };
  const indent = Math.min(...lines.map((l) => /^\s*/.exec(expandTabs(l))![0].length));
  return { kind: 'pre', text: lines.map((l) => expandTabs(l).slice(indent).trimEnd()).join('\n') };
}

export type LineSegment = { kind: 'lines'; lines: string[] } | { kind: 'table'; lines: string[]; block: BodyBlock };

/** Cheap first test: no tab, no gap of two spaces inside the line and no delimiter used twice, no columns. */
const COLUMN_GAP = /\S(?:\t| {2,})\S|[;|][^;|]{0,30}[;|]/;

function isTableCandidate(line: string): boolean {
  if (!COLUMN_GAP.test(line)) return false;
  if (isTabularLine(line)) return true;
  if (delimiterOf(line)) return true;
  return isColumnLine(line) && line.trim().split(/\s+/).length <= 12;
}

/**
 * Splits text lines into runs of ordinary lines and tables, in order, every line kept. Blank lines end a table;
 * a heading row directly above one joins it.
 */
export function segmentTables(lines: string[]): LineSegment[] {
  const segments: LineSegment[] = [];
  let text: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && lines[j].trim() !== '' && isTableCandidate(lines[j])) j++;
    const run = lines.slice(i, j);
    const delimited = run.length > 0 && delimiterOf(run[run.length - 1]) !== undefined;
    if (run.length >= 2 && (run.some(isTabularLine) || delimited)) {
      // the heading row of labels right above the figures
      const previous = text[text.length - 1];
      const delimiter = delimited ? delimiterOf(run[run.length - 1]) : undefined;
      if (previous !== undefined && previous.trim() !== '' && isHeadingRow(previous, delimiter))
        run.unshift(text.pop()!);
      if (text.length) segments.push({ kind: 'lines', lines: text });
      text = [];
      segments.push({ kind: 'table', lines: run, block: tableBlock(run) });
      i = j;
      continue;
    }
    text.push(lines[i]);
    i++;
  }
  if (text.length) segments.push({ kind: 'lines', lines: text });
  return segments;
}

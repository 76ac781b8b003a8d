import { DlqHeader, WireHeader } from '@wiredesk/contracts';
import { oneLine } from '../../io';
import { positionText, type DeadLetter, type ReplayMark } from './dead-letter.model';

// How dead letters look at a terminal: the list table and the preview of a raw copy.

const TABLE_COLUMNS = [
  'offset',
  'time',
  'stage',
  'code',
  'source',
  'filename',
  'att',
  'copies',
  'replayed',
  'message',
] as const;

/** Aligned table rows; long cells are cut so one dead letter stays on one line. */
export function formatTable(letters: { d: DeadLetter; mark?: ReplayMark; copies?: number }[]): string[] {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const rows = letters.map(({ d, mark, copies }) => [
    positionText(d),
    new Date(d.timestampMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    d.headers[DlqHeader.stage] ?? '-',
    d.headers[DlqHeader.code] ?? '-',
    cut(d.headers[WireHeader.source] ?? '-', 24),
    cut(d.headers[WireHeader.filename] ?? '-', 32),
    d.headers[DlqHeader.attempts] ?? '1',
    String(copies ?? 1),
    mark ? 'yes' : '',
    cut(oneLine(d.headers[DlqHeader.message] ?? ''), 100),
  ]);
  const all = [[...TABLE_COLUMNS] as string[], ...rows];
  const widths = TABLE_COLUMNS.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/** Valid UTF-8, allowing a character cut in two at the end (the preview stops at a byte count). */
function isUtf8(bytes: Buffer): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) {
    try {
      decoder.decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try without the last bytes
    }
  }
  return false;
}

/** The first bytes of a raw copy, readable: text with control characters escaped, or a hex dump for binary. */
export function preview(bytes: Buffer, max: number): string[] {
  const head = bytes.subarray(0, max);
  const text = head.toString('utf8');
  const controls = [...head].filter((b) => b < 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09).length;
  const binary = head.includes(0) || !isUtf8(head) || controls > head.length / 20;
  const lines: string[] = [];
  if (binary) {
    for (let i = 0; i < head.length; i += 16) {
      const row = head.subarray(i, i + 16);
      const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
      lines.push(`${i.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
    }
  } else {
    const safe = text.replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
    lines.push(...safe.split(/\r?\n/));
  }
  if (bytes.length > max) lines.push(`… ${bytes.length - max} more bytes (--bytes N shows more, --raw all of them)`);
  return lines;
}

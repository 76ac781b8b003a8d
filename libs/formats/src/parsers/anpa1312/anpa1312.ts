import { emptyItem, type WireItem } from '../../model/wire-item';
import { fullYear, utcDateTime } from '../common/dates';
import { matchBylineParagraph } from '../common/lead';
import { SOH, SYN, telexLinesToBlocks, type TelexMessage } from '../common/telex';
import { boundedInt, clean, normalizeSpace, trimEndOf } from '../common/text';

/**
 * ANPA 1312 (AP and the US/Canadian agencies that followed it):
 *   SYN SYN SOH  a1234 US selector            service level, message number, selector code
 *   r a DC3 DC1  BC-Fed-Rates 1stLd-Writethru 01-30 0450     priority, category, format codes, keyword (slug),
 *                                                            version (take key), filing date, word count
 *   STX  ^header lines<   ^By NAME=   then text: paragraphs indented with a tab, agate in columns
 *   ETX  AP-WF-01-30-24 1930GMT   EOT
 * The format code DC2 (instead of DC1) marks a tabular message: its text is kept preformatted.
 */

const MAX_HEADER_LINE = 300;
const PRIORITY_URGENCY: Record<string, number> = { f: 1, b: 2, u: 3, r: 5, d: 6, a: 7, s: 6, z: 6 };

/** Line 1: service level designator, 4-digit message number, selector code. */
const SERVICE_LINE = /^\s*([a-z])(\d{4})[\s\u001f]*(\S*)/i;
/** Line 2: priority, category, format codes, keyword, version, date, word count. */
const KEYWORD_LINE =
  /^\s*([a-z])\s+([a-z]{1,3})[\s\u0011-\u0014]+(\S+)(?:\s+(.*?))?\s+(\d{1,2})-(\d{1,2})\s+(\d{1,5})\s*$/i;
/** The sign-off after ETX: "AP-WF-02-20-16 0337GMT". */
const TRAILER = /\b([A-Z]{2,5})-([A-Z]{2,4})-(\d{2})-(\d{2})-(\d{2})\s+(\d{2})(\d{2})\s*GMT\b/;

/** SOH, then the service line's designator and message number up to its unit separator. */
const FRAMED_SERVICE_LINE = new RegExp(`${SOH}\\s*[a-z]\\d{4}\\u001f`, 'i');

export function sniffAnpa(text: string): number {
  const head = text.slice(0, 600);
  if (head.includes(`${SYN}${SYN}${SOH}`)) return 0.97;
  if (FRAMED_SERVICE_LINE.test(head)) return 0.95;
  const lines = head.replace(/^[\s\u0016\u0001]+/, '').split(/\r?\n/);
  if (
    lines.length > 1 &&
    lines[1].length <= MAX_HEADER_LINE &&
    SERVICE_LINE.test(lines[0]) &&
    /^[a-z]\d{4}/i.test(lines[0].trim()) &&
    KEYWORD_LINE.test(lines[1].replace(/[\u0011-\u0014]/g, ' '))
  ) {
    return head.includes(SOH) ? 0.95 : 0.8;
  }
  return 0;
}

/** "^Deng has 30 points<" → "Deng has 30 points"; the markers say how the line was set ("<" flush left, "=" centred). */
function headerLineText(line: string): string {
  return normalizeSpace(trimEndOf(line.replace(/^\s*\^/, ''), '<='));
}

interface HeaderLines {
  slug?: string;
  take?: string;
  declaredWords?: number;
  headline?: string;
  byline?: string;
  edNotes: string[];
  abstract?: string;
}

/** The ^-lines at the top of the text: slug line, headline, photo line, Eds note, summary, byline. */
function readHeaderLines(lines: string[]): HeaderLines {
  const out: HeaderLines = { edNotes: [] };
  let bylineOpen = false;
  for (const raw of lines) {
    const centred = raw.trimEnd().endsWith('=');
    const line = headerLineText(raw);
    if (!line) continue;
    const slugLine =
      line.length <= MAX_HEADER_LINE
        ? /^([A-Z]{2}-[A-Z]{2,5}-{1,2}[^,]+)(?:,\s*([^,]*?))?(?:,\s*(\d{1,5}))?$/.exec(line)
        : null;
    if (!out.slug && slugLine && out.headline === undefined) {
      out.slug = slugLine[1].trim();
      if (slugLine[2] && !/^\d+$/.test(slugLine[2])) out.take = slugLine[2].trim();
      out.declaredWords = boundedInt(slugLine[3], 0, 1_000_000);
      continue;
    }
    if (/^(?:eds?:|editor'?s note\b|editors:)/i.test(line)) {
      out.edNotes.push(line.replace(/^editor'?s note\s*_?\s*/i, 'Editor’s note: '));
      continue;
    }
    if (/^AP Photos?\b|^With AP Photos?\b|^AP Video\b|^AP Graphic/i.test(line)) continue;
    const byline = matchBylineParagraph(line);
    if (byline && out.byline === undefined) {
      out.byline = byline;
      bylineOpen = centred;
      continue;
    }
    if (bylineOpen && centred && out.byline) {
      // the centred line after the byline is the writer's title: "AP Sports Writer"
      out.byline = `${out.byline}, ${line}`;
      bylineOpen = false;
      continue;
    }
    if (out.headline === undefined) out.headline = line;
    else if (line.split(/\s+/).length > 12 && out.abstract === undefined) out.abstract = line;
  }
  return out;
}

/** One ANPA message → one story, or undefined when it holds nothing. */
export function anpaMessageToItem(message: TelexMessage): WireItem | undefined {
  const item = emptyItem('anpa1312');
  item.type = 'text';
  const head = message.framed ? message.head : message.head.slice(0, 2);
  // header lines are short; longer ones are not headers (and stay out of the regular expressions)
  const headerLines = head.filter((l) => l.length <= MAX_HEADER_LINE);
  const service = headerLines.map((l) => SERVICE_LINE.exec(l)).find((m) => m && /^\s*[a-z]\d{4}/i.test(m[0]));
  const keyword =
    headerLines.map((l) => KEYWORD_LINE.exec(l.replace(/[\u0011-\u0014]/g, ' '))).find(Boolean) ?? undefined;
  // DC2 after the category code: a tabular (agate) message, kept preformatted
  const tabular = message.rawHead.some((l) => /^\s*[a-z]\s+[a-z]{1,3}[\u0013\u0014]?\u0012/i.test(l));
  if (service) item.altIds = [{ role: 'anpa-message-number', value: `${service[1]}${service[2]}` }];
  let take: string | undefined;
  if (keyword) {
    item.urgency = PRIORITY_URGENCY[keyword[1].toLowerCase()];
    item.slugline = keyword[3];
    take = clean(keyword[4]);
    item.declaredWordCount = boundedInt(keyword[7], 0, 1_000_000);
  }

  const textLines = message.text;
  const caretLines: string[] = [];
  const bodyLines: string[] = [];
  let inHeader = true;
  for (const line of textLines) {
    if (TRAILER.test(line)) continue;
    if (inHeader && /^\s*\^/.test(line)) {
      caretLines.push(line);
      continue;
    }
    if (inHeader && line.trim() === '') continue;
    inHeader = false;
    bodyLines.push(trimEndOf(line.replace(/^\s*\^/, ''), '<'));
  }
  const header = readHeaderLines(caretLines);
  item.headline = header.headline;
  item.byline = header.byline;
  item.abstract = header.abstract;
  item.slugline ??= header.slug;
  take ??= header.take;
  // the take key in the header is squeezed ("1stLd-Writethru"); the ^ slug line spells it out
  const takeKey = header.take ?? take;
  const notes = [takeKey, ...header.edNotes].filter(Boolean);
  if (notes.length) item.edNote = notes.join('. ').replace(/\.\./g, '.');

  item.body = telexLinesToBlocks(bodyLines, {
    indentStartsParagraph: true,
    ttsTypography: true,
    preformatted: tabular,
  });
  const trailer = [...message.trailer, ...textLines].map((l) => TRAILER.exec(l)).find(Boolean);
  if (trailer) {
    item.versionCreated = utcDateTime(fullYear(+trailer[5]), +trailer[3], +trailer[4], +trailer[6], +trailer[7]);
  }
  if (!item.headline && item.body.length === 0) return undefined;
  return item;
}

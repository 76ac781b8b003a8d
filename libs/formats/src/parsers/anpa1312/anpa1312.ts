import { emptyItem, type WireItem } from '../../model/wire-item';
import { headlineFromSlug } from '../common/headline';
import { matchBylineParagraph } from '../common/lead';
import { SOH, SYN, telexLinesToBlocks, trimClosingLines, type TelexMessage } from '../common/telex';
import { boundedInt, clean, normalizeSpace, trimEndOf } from '../common/text';
import { readAnpaCharacters } from './characters';
import { leadingHeaderLines } from './header-lines';
import { trailerDate } from './trailer';

/**
 * ANPA 1312 (AP and the US/Canadian agencies that followed it):
 *   SYN SYN SOH  a1234 US selector            service level, message number, selector code
 *   r a DC3 DC1  BC-Fed-Rates 1stLd-Writethru 01-30 0450     priority, category, format codes, keyword (slug),
 *                                                            version (take key), filing date, word count
 *   STX  ^header lines<   ^By NAME=   then text: paragraphs indented with a tab, agate in columns
 *   ETX  AP-WF-01-30-24 1930GMT   EOT
 * The format code DC2 (instead of DC1) is meant to mark a tabular message, but senders set it on prose too (Kyodo):
 * columns are found in the text itself (parsers/common/tables), wrapped lines reflowed by their widths.
 * ^ lines ending in "<" or "=" are header lines; other ^ lines are text, each on a line of its own.
 */

const MAX_HEADER_LINE = 300;
const PRIORITY_URGENCY: Record<string, number> = { f: 1, b: 2, u: 3, r: 5, d: 6, a: 7, s: 6, z: 6 };

/** Line 1: service level designator, 4-digit message number, selector code. */
const SERVICE_LINE = /^\s*([a-z])(\d{4})[\s\u001f]*(\S*)/i;
/** Line 2: priority, category, format codes, keyword, version, date, word count. */
const KEYWORD_LINE =
  /^\s*([a-z])\s+([a-z]{1,3})[\s\u0011-\u0014]+(\S+)(?:\s+(.*?))?\s+(\d{1,2})-(\d{1,2})\s+(\d{1,5})\s*$/i;
/** The sign-off after ETX: "AP-WF-02-20-16 0337GMT", "KWS-21:37-09-12-18". */
const TRAILER = /\b[A-Z]{2,5}-(?:[A-Z]{2,4}-\d{2}-\d{2}-\d{2}\s+\d{4}\s*GMT|\d{1,2}:\d{2}-\d{2}-\d{2}-\d{2})\b/;
/** Selector and format codes some senders put before the slug on its ^ line: "*9006< ^AP-Top-…". */
const SELECTOR_PREFIX = /^\*\d{2,6}<\s*\^?/;
/** ^ slug line: "BC-AS--China-Daring Escape-ABRIDGED, 3rd Ld-Writethru,827", "AP-Top-Entertainment-Headlines,0176". */
const SLUG_LINE = /^([A-Z]{2,3}-[A-Za-z]{2,}-{1,2}[^,]+)(?:,\s*([^,]*?))?(?:,\s*(\d{1,5}))?$/;
/** Editor's notes, bare or in parentheses: "(Eds: Minor edits.)". */
const EDS_NOTE = /^(?:eds?:|editor'?s note\b|editors:)/i;

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
  return normalizeSpace(trimEndOf(line.replace(/^\s*\^/, '').replace(SELECTOR_PREFIX, ''), '<='));
}

/** A ^ line that ends in "<" (flush left) or "=" (centred) is a header line; the text's own ^ lines do not. */
function endsHeaderLine(line: string): boolean {
  return /[<=]\s*$/.test(line);
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
    const slugLine = line.length <= MAX_HEADER_LINE ? SLUG_LINE.exec(line) : null;
    if (!out.slug && slugLine && out.headline === undefined) {
      out.slug = slugLine[1].trim();
      if (slugLine[2] && !/^\d+$/.test(slugLine[2])) out.take = slugLine[2].trim();
      out.declaredWords = boundedInt(slugLine[3], 0, 1_000_000);
      continue;
    }
    const unbracketed = line.replace(/^\((.*)\)$/, '$1');
    if (EDS_NOTE.test(unbracketed)) {
      out.edNotes.push(unbracketed.replace(/^editor'?s note\s*_?\s*/i, 'Editor’s note: '));
      continue;
    }
    // the photo, video and graphic lines tell the desk what goes with the story: kept for editors, not as text
    if (/^AP Photos?\b|^With AP Photos?\b|^AP Video\b|^AP Graphic/i.test(line)) {
      out.edNotes.push(line);
      continue;
    }
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
  if (service) item.altIds = [{ role: 'anpa-message-number', value: `${service[1]}${service[2]}` }];
  let take: string | undefined;
  if (keyword) {
    item.urgency = PRIORITY_URGENCY[keyword[1].toLowerCase()];
    item.slugline = keyword[3];
    take = clean(keyword[4]);
    item.declaredWordCount = boundedInt(keyword[7], 0, 1_000_000);
  }

  const textLines = message.text.map(readAnpaCharacters);
  const caretLines: string[] = [];
  let bodyLines: string[] = [];
  let inHeader = true;
  for (const line of textLines) {
    if (TRAILER.test(line)) continue;
    // header ^ lines end in "<" or "="; a ^ line without (a list of headlines, agate) is the text itself
    if (inHeader && /^\s*\^/.test(line) && (endsHeaderLine(line) || caretLines.length === 0)) {
      caretLines.push(line);
      continue;
    }
    if (inHeader && line.trim() === '') continue;
    inHeader = false;
    // ^ opens a line of its own: read it as the indent that starts a paragraph
    bodyLines.push(trimEndOf(line.replace(/^\s*\^/, '\t'), '<'));
  }
  bodyLines = trimClosingLines(bodyLines);
  const header = readHeaderLines(caretLines);
  if (caretLines.length === 0) {
    // no ^ header: the slug and headline may stand as plain lines above the indented text (Kyodo)
    const lead = leadingHeaderLines(bodyLines, item.slugline);
    header.headline ??= lead.headline;
    bodyLines = bodyLines.slice(lead.consumed);
  }
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
  });
  const trailer = [...message.trailer, ...textLines].find((l) => TRAILER.test(l));
  const dated = trailer ? trailerDate(trailer, service?.[3], item.body[0]?.text) : undefined;
  if (dated?.date) item.versionCreated = dated.date;
  else if (dated?.unread) item.edNote = [item.edNote, dated.unread].filter(Boolean).join('. ');
  // a message with text but no headline line: the slug spelled out stands in (alerts get theirs after finalizing)
  if (!item.headline && item.body.length > 1) item.headline = headlineFromSlug(header.slug);
  if (!item.headline && item.body.length === 0) return undefined;
  return item;
}

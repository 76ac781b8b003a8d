import { emptyItem, type WireItem } from '../../model/wire-item';
import { isAgencyStamp, readAgencyStamp, unreadDateNote } from '../common/dates';
import { matchBylineParagraph } from '../common/lead';
import { SOH, isRuleLine, telexLinesToBlocks, trimClosingLines, type TelexMessage } from '../common/telex';
import { readColonHead, ROUTING_LINE, ZCZC_HEADER } from './zczc';
import { boundedInt, normalizeSpace, trimEndOf } from '../common/text';

/**
 * IPTC 7901 ("Recommended Message Format for Agency Texts"; dpa, APA, ANSA, Kyodo and others):
 *   SOH  eca0124 3 i 93  dpa 1888      source + message number, priority, category, word count, optional info
 *        Yemen/conflict/                keyword (slug) line, ending in "/"
 *        EXTRA | 1ST LEAD               take key lines
 *   STX  Peace talks on Yemen ... =    headline (and "By ..." byline), ended by " ="
 *        text, paragraphs separated by blank lines (or indented), lines wrapped at a fixed width
 *        # Notebook / The following information is not intended for publication ...  (dpa's closing notes)
 *        dpa grj rmo                    agency and editor sign-off
 *        212101 GMT Nov 18              day, time and month of transmission
 *   ETX
 * AAP and other senders over telex lines frame a message with "ZCZC" and "NNNN" instead (zczc.ts).
 */

/** The header line: source letters and message number, priority, category, word count, optional info. */
const HEADER = /^\s*([A-Za-z]{0,8})(\d{1,6})\s+(\S)\s+([A-Za-z]{1,3})\s+(\d{1,6})\b\s*(.*)$/;
/** Sign-off: agency and editors' initials, all lower case ("dpa grj rmo", "apa/ce/jt"). */
const SIGN_OFF = /^\s*[a-z]{2,6}(?:[\s/][a-z]{2,4}){1,10}\s*$/;
/** Where the story ends and notes for editors begin. */
const NOTES_START =
  /^\s*(?:#\s*notebook\b|\*\s*\*\s*\*|the following information is not (?:intended )?for publication)/i;
const NOT_FOR_PUBLICATION = /^\s*the following information is not (?:intended )?for publication/i;
/** Telex end-of-message marker. */
const NNNN = /^\s*NNNN\s*$/;

export function sniffIptc7901(text: string): number {
  const head = text.slice(0, 400);
  if (ZCZC_HEADER.test(head.replace(/^[\s\u0016\u0001]+/, '').split(/\r?\n/)[0])) return 0.8;
  const soh = head.indexOf(SOH);
  if (soh >= 0) {
    const line = head
      .slice(soh + 1)
      .split(/\r?\n/)[0]
      .replace(/[\u0000-\u001f]/g, ' ');
    // ANPA's service line ("a0417" + US + selector) is not a 7901 header
    if (/^\s*[a-z]\d{4}\u001f/i.test(head.slice(soh + 1))) return 0;
    return line.length <= 300 && HEADER.test(line) ? 0.95 : 0.3;
  }
  const first = head.replace(/^[\s\u0016]+/, '').split(/\r?\n/)[0];
  return first.length <= 300 && HEADER.test(first) ? 0.75 : 0;
}

/** Take keys and service lines above the headline: "(Achtung)", "2ND LEAD", "3RD NET", "Zusammenfassung". */
const TAKE_WORDS =
  /^(?:\(.*\)|(?:\d+(?:st|nd|rd|th)\s+)?(?:lead|ld|writethru|correction|update|urgent|eilt|extra|refile|zusammenfassung|vorab)\b.*)$/i;
const IN_CAPITALS = /^[^a-z]{2,40}$/;

function isTakeKey(line: string): boolean {
  return IN_CAPITALS.test(line) || TAKE_WORDS.test(line);
}

export interface Head {
  slug?: string;
  take?: string;
  headline?: string;
  byline?: string;
  /** index of the first text line after the head block */
  next: number;
}

/**
 * The head block: slug line ("Yemen/conflict/"), take key lines, headline and byline, ended by a line with " =".
 * Without the "=" (senders that drop it), the first short line after the slug and take lines is the headline.
 */
function readHead(lines: string[]): Head {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const start = i;
  let end = -1;
  for (let k = start; k < Math.min(lines.length, start + 10); k++) {
    if (lines[k].trim() === '' && k > start) break;
    if (lines[k].trimEnd().endsWith('=')) {
      end = k;
      break;
    }
  }
  const block: string[] = [];
  if (end >= 0) block.push(...lines.slice(start, end + 1));
  else {
    for (let k = start; k < lines.length && lines[k].trim() !== '' && block.length < 6; k++) block.push(lines[k]);
    // a run of long lines is the story itself, not a head block
    if (block.length > 1 && block.filter((l) => l.trim().length > 60).length > 1) block.length = 1;
  }
  const head: Head = { next: start + block.length };
  const clean = block.map((l) => normalizeSpace(trimEndOf(l, '=')));
  let k = 0;
  if (clean[k]?.endsWith('/')) head.slug = trimEndOf(clean[k++], '/');
  const takes: string[] = [];
  const headlines: string[] = [];
  for (; k < clean.length; k++) {
    const line = clean[k];
    if (!line) continue;
    const byline = matchBylineParagraph(line);
    if (byline) {
      head.byline = byline;
      continue;
    }
    // take keys come before the headline: short, in capitals or in parentheses
    if (headlines.length === 0 && k < clean.length - 1 && line.split(/\s+/).length <= 4 && isTakeKey(line))
      takes.push(line);
    else headlines.push(line);
  }
  if (takes.length) head.take = takes.join(' ');
  if (headlines.length) head.headline = headlines.join(' ');
  return head;
}

/** One 7901 message → one story, or undefined when it holds nothing. */
export function iptc7901MessageToItem(message: TelexMessage): WireItem | undefined {
  const item = emptyItem('iptc7901');
  item.type = 'text';
  const zczcIndex = message.head.findIndex((l) => ZCZC_HEADER.test(l));
  const headerIndex = zczcIndex >= 0 ? zczcIndex : message.head.findIndex((l) => l.length <= 300 && HEADER.test(l));
  const header = zczcIndex < 0 && headerIndex >= 0 ? HEADER.exec(message.head[headerIndex]) : null;
  const zczc = zczcIndex >= 0 ? ZCZC_HEADER.exec(message.head[zczcIndex]) : null;
  if (zczc?.[1]) item.altIds = [{ role: 'telex-message-number', value: zczc[1] }];
  if (header) {
    item.urgency = boundedInt(header[3], 1, 9);
    item.declaredWordCount = boundedInt(header[5], 0, 10_000_000);
    item.altIds = [{ role: 'iptc7901-message-number', value: `${header[1]}${header[2]}` }];
    const info = normalizeSpace(header[6]);
    const agency = /^([A-Za-z][A-Za-z-]{1,15})\b/.exec(info);
    if (agency) item.agency = agency[1];
  }
  // lines before STX other than the header (keyword / take lines) read as the start of the head block
  let lines = [...message.head.filter((_, i) => i !== headerIndex), ...message.text];
  // after ZCZC, the priority and address line ("YY RFG TDR") routes the message; it is not text
  if (zczc) lines = lines.filter((l, i) => i > 2 || !ROUTING_LINE.test(l));
  const head = readColonHead(lines) ?? readHead(lines);
  item.slugline = head.slug;
  item.headline = head.headline;
  item.byline = head.byline;
  if (head.take) item.edNote = head.take;

  const storyLines: string[] = [];
  const notes: string[] = [];
  let inNotes = false;
  let notForPublication = false;
  const rest = [...lines.slice(head.next), ...message.trailer];
  let unreadStamp: string | undefined;
  for (const line of rest) {
    if (isAgencyStamp(line)) {
      const date = readAgencyStamp(line);
      if (date) item.versionCreated = date;
      else unreadStamp = line;
      continue;
    }
    if (NNNN.test(line)) continue;
    if (NOTES_START.test(line)) {
      inNotes = true;
      if (NOT_FOR_PUBLICATION.test(line)) notForPublication = true;
      continue;
    }
    if (inNotes) {
      // notes to editors are kept as the editorial note; contacts "not for publication" are dropped
      if (!notForPublication && /^\s*[-*]\s+/.test(line)) notes.push(normalizeSpace(line.replace(/^\s*[-*]\s+/, '')));
      continue;
    }
    storyLines.push(line);
  }
  // the sign-off ("dpa grj rmo", "==Kyodo", "NNNN") closes the story
  let story = trimClosingLines(storyLines);
  while (story.length && (SIGN_OFF.test(story[story.length - 1]) || isRuleLine(story[story.length - 1]))) {
    story = trimClosingLines(story.slice(0, -1));
  }
  if (unreadStamp && !item.versionCreated) notes.push(unreadDateNote(unreadStamp));
  if (notForPublication) notes.push('Notes marked not for publication (editorial contacts) left out');
  if (notes.length) item.edNote = [item.edNote, ...notes].filter(Boolean).join('. ');
  const indented = story.filter((l) => /^(?:\t| {2,})\S/.test(l)).length;
  item.body = telexLinesToBlocks(story, { indentStartsParagraph: indented >= 2 });
  if (!item.headline && item.body.length === 0) return undefined;
  return item;
}

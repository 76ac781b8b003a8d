import { normalizeSpace } from '../common/text';
import type { Head } from './iptc7901';

/**
 * Telex framing as AAP and other senders still use it: "ZCZC <channel+number>" opens a message, a priority and address
 * line ("YY RFG TDR") routes it, "NNNN" ends it. AAP then gives its head block as lines starting with ":" —
 * ":POTTED :Eagle Farm MARKET DAY", ":Premierships National gallop …" / ":TRAINER-JOCKEY" — where a single word in
 * capitals is the keyword (slug) and the rest is the headline.
 */
export const ZCZC_HEADER = /^\s*ZCZC(?:\s+(\S+))?/;
export const ROUTING_LINE = /^\s*(?:[A-Z]{2}\s+)?(?:[A-Z]{2,8}\s*){1,6}$/;

const KEYWORD = /^[A-Z0-9][A-Z0-9&'/-]*$/;

/** The ":" head block at the top of the text, or undefined when the text does not open with one. */
export function readColonHead(lines: string[]): Head | undefined {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const start = i;
  while (i < lines.length && lines[i].trim().startsWith(':')) i++;
  if (i === start) return undefined;
  const head: Head = { next: i };
  const extra: string[] = [];
  for (const line of lines.slice(start, i)) {
    for (const part of line.trim().slice(1).split(/\s+:/)) {
      const text = normalizeSpace(part);
      if (!text) continue;
      if (KEYWORD.test(text) && head.slug === undefined) head.slug = text;
      else if (head.headline === undefined && !KEYWORD.test(text)) head.headline = text;
      else extra.push(text);
    }
  }
  // further keywords are service words for the desk ("TRAINER-JOCKEY" after the slug): kept where editors see them
  if (extra.length) head.take = extra.join(' ');
  return head;
}

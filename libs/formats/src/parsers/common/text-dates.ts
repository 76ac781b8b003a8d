import { monthFromName, offsetFromZone } from './date-names';
import { fullYear, validParts, zonedDateTime } from './date-parts';

/**
 * Dates written out in words, in any of the languages of date-names.ts: "Seg, 24 Set 2018 19:42:40 -0300",
 * "10. Dezember 2018, 11:37 Uhr MEZ", "Dec. 9, 2018 9:37 p.m. JST", "03 Apr 02 1500 GMT", "24 de septiembre de 2018".
 * A time that names no zone is read in `zone` (default UTC, what wire copy means); the result keeps the offset.
 */

export interface DateReadOptions {
  /** the zone of times that name none: "Z", an offset, an abbreviation or an IANA name (default "Z") */
  zone?: string;
}

/** Words that only join the parts: "24 de setembro de 2018", "le 3 mars", "at 10:15", "um 11 Uhr". */
const FILLERS = new Set(['de', 'del', 'à', 'a', 'at', 'le', 'um', 'am', 'om', 'kl', 'klo', 'den', 'the', 'of', 'h']);

interface Found {
  day?: number;
  month?: number;
  year?: number;
  hour?: number;
  minute?: number;
  second?: number;
  zone?: string;
  pm?: boolean;
  am?: boolean;
}

const TIME = /^(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?(?:uhr|h)?$/;
const ZONE_OFFSET = /^(?:gmt|utc)?[+-]\d{1,2}(?::?\d{2})?$/;

function readTime(token: string, found: Found): boolean {
  const m = TIME.exec(token);
  if (!m || found.hour !== undefined) return false;
  found.hour = +m[1];
  found.minute = +m[2];
  found.second = m[3] ? +m[3] : 0;
  return true;
}

/** Assigns the bare numbers: day before year; a four-digit number after the year is a time ("1500"). */
function assignNumbers(numbers: string[], found: Found): boolean {
  for (const n of numbers) {
    const value = Number(n);
    if (n.length === 4 && found.year !== undefined && found.hour === undefined && value % 100 < 60 && value < 2400) {
      found.hour = Math.floor(value / 100);
      found.minute = value % 100;
      found.second = 0;
    } else if (n.length === 4) {
      if (found.year !== undefined) return false;
      found.year = value;
    } else if (found.day === undefined && value >= 1 && value <= 31) {
      found.day = value;
    } else if (found.year === undefined && n.length === 2) {
      found.year = fullYear(value);
    } else {
      return false;
    }
  }
  return true;
}

export function readTextDate(text: string, options: DateReadOptions = {}): string | undefined {
  if (text.length > 80) return undefined;
  const tokens = text
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\b([ap])\.m\./g, '$1m')
    .split(/[\s,]+|(?<=\d)\.(?=\s|$)|(?<=\p{L})\.(?=\s|$)/u)
    .filter(Boolean);
  const found: Found = {};
  const numbers: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (FILLERS.has(token) || token === 'uhr') continue;
    if (/^\d{1,4}$/.test(token)) {
      numbers.push(token);
      continue;
    }
    if (readTime(token, found)) continue;
    if (token === 'pm' || token === 'am') {
      found.pm = token === 'pm';
      found.am = token === 'am';
      continue;
    }
    const month = monthFromName(token);
    if (month !== undefined && found.month === undefined) {
      found.month = month;
      continue;
    }
    if (ZONE_OFFSET.test(token) || offsetFromZone(token)) {
      if (found.zone !== undefined) return undefined;
      found.zone = token;
      continue;
    }
    // a weekday or other word before the date ("Seg", "Montag", "mardi") says nothing more; after it, it is not a date
    if (/^\p{L}+-?(?:feira)?$/u.test(token) && found.month === undefined && numbers.length === 0) continue;
    return undefined;
  }
  if (found.month === undefined || !assignNumbers(numbers, found)) return undefined;
  if (found.day === undefined || found.year === undefined) return undefined;
  let hour = found.hour ?? 0;
  if (found.pm && hour < 12) hour += 12;
  if (found.am && hour === 12) hour = 0;
  if (!validParts(found.year, found.month, found.day, hour, found.minute ?? 0, found.second ?? 0)) return undefined;
  const zone = found.zone ?? options.zone ?? 'Z';
  return zonedDateTime(zone, found.year, found.month, found.day, hour, found.minute ?? 0, found.second ?? 0);
}

/**
 * Agency transmission stamps: day, hour and minute run together, then zone, month and year: "101137 GMT Dez 18"
 * (dpa), "212101 GMT Nov 18", "211259 Nov 18" (zone left out: `options.zone`, default UTC).
 */
const STAMP = /^\s*(\d{2})(\d{2})(\d{2})\s+(?:([A-Za-z]{2,5})\s+)?(\p{L}{3,9})\.?\s+(\d{2}|\d{4})\s*$/u;

export function readAgencyStamp(text: string, options: DateReadOptions = {}): string | undefined {
  const m = text.length <= 40 ? STAMP.exec(text) : null;
  if (!m) return undefined;
  const month = monthFromName(m[5]);
  if (!month) return undefined;
  const zone = m[4] ? (offsetFromZone(m[4]) ? m[4] : undefined) : (options.zone ?? 'Z');
  if (!zone) return undefined;
  const year = m[6].length === 2 ? fullYear(+m[6]) : +m[6];
  return zonedDateTime(zone, year, month, +m[1], +m[2], +m[3]);
}

/** Is this line an agency stamp (whether or not its parts are valid)? */
export function isAgencyStamp(text: string): boolean {
  return text.length <= 40 && STAMP.test(text) && monthFromName(STAMP.exec(text)![5]) !== undefined;
}

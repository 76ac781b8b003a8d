/**
 * Dates as agencies write them, to RFC 3339 date-times (what ninjs wants): the one place every parser reads dates.
 * ISO 8601 values keep their offset; dates in words (any language of date-names.ts) and agency stamps keep the offset
 * of the zone they name, or of the zone the caller says the copy means. Unparseable or absurd dates give undefined,
 * never a wrong date, and never the time of reading: callers report what they could not read (unreadDateNote).
 */
import { monthFromName } from './date-names';
import { pad, validParts, zonedDateTime } from './date-parts';
import { readTextDate, type DateReadOptions } from './text-dates';

export { fullYear, utcDateTime, zonedDateTime, ianaOffset } from './date-parts';
export { readAgencyStamp, isAgencyStamp, readTextDate, type DateReadOptions } from './text-dates';
export { monthFromName, offsetFromZone } from './date-names';

function offsetOf(zone: string | undefined): string | undefined {
  if (!zone || zone === 'Z' || zone === 'z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

/** ISO 8601 extended or basic ("2024-01-30T10:15:00+01:00", "20240130T101500Z", "2024-01-30") → RFC 3339. */
function fromIso(text: string, zone: string | undefined): string | undefined {
  const m =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac, written] = m;
  if (!validParts(+y, +mo, +d, +h, +mi, +s)) return undefined;
  const fraction = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
  if (!written && zone && zone !== 'Z' && m[4] !== undefined) {
    // a local time without offset, in the zone the caller knows the copy means (a date alone names no time of day)
    const zoned = zonedDateTime(zone, +y, +mo, +d, +h, +mi, +s);
    return zoned && fraction ? zoned.replace(/(:\d{2})(Z|[+-]\d{2}:\d{2})$/, `$1${fraction}$2`) : zoned;
  }
  const offset = offsetOf(written);
  if (!offset) return undefined;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${offset}`;
}

/**
 * Any date-time string an agency may send → RFC 3339, or undefined. `options.zone` is the zone of a time that names
 * none (default UTC).
 */
export function toIsoDateTime(value: string | undefined | null, options: DateReadOptions = {}): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (text === '' || text.length > 64) return undefined;
  const iso = fromIso(text, options.zone);
  if (iso) return iso;
  if (!/\p{L}{3}/u.test(text)) return undefined;
  const words = readTextDate(text, options);
  if (words) return words;
  // other textual forms JavaScript knows, when they carry their own zone
  if (!/\d{4}/.test(text) || !/(?:\b(?:GMT|UTC|UT|Z)\b|[+-]\d{2}:?\d{2}\b)/.test(text)) return undefined;
  const ms = Date.parse(text.replace(/\b(UT|UTC)\b/, 'GMT'));
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 2200) return undefined;
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/** "Nov" → 11, "Dez" → 12, "fevereiro" → 2 (any language of date-names.ts). */
export function monthNumber(name: string): number | undefined {
  return monthFromName(name) ?? monthFromName(name.slice(0, 3));
}

/** What an article says when its source gave a date Wiredesk could not read (never replaced by the time of reading). */
export function unreadDateNote(value: string): string {
  const shown = value.trim().replace(/\s+/g, ' ').slice(0, 60);
  return `Source date "${shown}" could not be read; the times given are when Wiredesk received the copy.`;
}

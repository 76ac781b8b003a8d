/**
 * Dates as agencies write them, to RFC 3339 date-times (what ninjs wants). ISO 8601 values keep their offset;
 * everything else is converted to UTC. Unparseable or absurd dates give undefined, never a wrong date.
 */

import { zoneOffset } from './local-time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCDate() === d;
}

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
function fromIso(text: string, localZone?: string): string | undefined {
  const m =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac, zone] = m;
  if (!validParts(+y, +mo, +d, +h, +mi, +s)) return undefined;
  // a time without a zone is the sender's local time when we know the sender's zone
  const offset =
    !zone && localZone && m[4] !== undefined ? zoneOffset(localZone, +y, +mo, +d, +h, +mi, +s) : offsetOf(zone);
  if (!offset) return undefined;
  const fraction = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${offset}`;
}

/**
 * Any date-time string an agency may send → RFC 3339, or undefined. A time that names no zone is read in `localZone`
 * (an IANA zone such as "Europe/Helsinki", see agency-zones.ts) when given, else as UTC.
 */
export function toIsoDateTime(value: string | undefined | null, localZone?: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (text === '' || text.length > 64) return undefined;
  const iso = fromIso(text, localZone);
  if (iso) return iso;
  // RFC 822 / 1123 ("Tue, 30 Jan 2024 10:15:00 GMT") and other textual forms JavaScript knows
  if (!/[a-z]{3}/i.test(text) || !/\d{4}/.test(text)) return undefined;
  const ms = Date.parse(text.replace(/\b(UT|UTC)\b/, 'GMT'));
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 2200) return undefined;
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/** Builds a UTC RFC 3339 date-time from parts, checking them. */
export function utcDateTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | undefined {
  if (!validParts(y, mo, d, h, mi, s)) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Nov" → 11 */
export function monthNumber(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

/** Two-digit years as wire trailers print them ("11-13-13"): 00-69 → 2000s, 70-99 → 1900s. */
export function fullYear(twoDigits: number): number {
  return twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
}

import { offsetFromZone } from './date-names';

/** Building RFC 3339 date-times from checked parts, in UTC, at a fixed offset or in a named (IANA) time zone. */

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function validParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCDate() === d;
}

/** Builds a UTC RFC 3339 date-time from parts, checking them. */
export function utcDateTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | undefined {
  if (!validParts(y, mo, d, h, mi, s)) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = offsetFormatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      f = null; // not a zone this runtime knows
    }
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** The offset ("+09:00") of an IANA zone at an instant, or undefined for an unknown zone. */
export function ianaOffset(timeZone: string, atMs: number): string | undefined {
  const f = formatterFor(timeZone);
  if (!f) return undefined;
  const name = f.formatToParts(new Date(atMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT') return '+00:00';
  const m = /^GMT([+-]\d{2}):?(\d{2})?$/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : undefined;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * A local time read in its zone: `zone` is "Z", an offset ("+01:00", "-0500"), an abbreviation ("CET", "EST") or an
 * IANA name ("Europe/Berlin", daylight saving applied). The result keeps the offset, so the instant is right and the
 * local time still shows. Undefined when a part or the zone cannot be read.
 */
export function zonedDateTime(
  zone: string,
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
): string | undefined {
  if (!validParts(y, mo, d, h, mi, s)) return undefined;
  let offset = zone === 'Z' ? '+00:00' : offsetFromZone(zone);
  if (!offset && zone.includes('/')) {
    // the offset at the local time: guess with the offset at that time read as UTC, then correct once (DST edges)
    const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
    const first = ianaOffset(zone, asUtc);
    const second = first && ianaOffset(zone, asUtc - offsetMinutes(first) * 60_000);
    offset = second ?? first;
  }
  if (!offset) return undefined;
  const local = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  return offset === '+00:00' ? `${local}Z` : `${local}${offset}`;
}

/** Two-digit years as wire trailers print them ("11-13-13"): 00-69 → 2000s, 70-99 → 1900s. */
export function fullYear(twoDigits: number): number {
  return twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
}

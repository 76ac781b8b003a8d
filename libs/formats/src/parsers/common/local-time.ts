/**
 * Wall-clock times in a named zone: the UTC offset an IANA zone ("Europe/Helsinki") has at a given local date and
 * time, daylight saving included, from the platform's own time-zone data (Intl). Agencies that send local times
 * without an offset are read through this, never as UTC.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null; // an unknown zone name
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at the instant `utcMs`. */
function offsetMinutesAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The offset ("+03:00") of the zone at that local time, or undefined for an unknown zone. In the hour skipped when
 * clocks go forward, the offset before the change is used; in the hour repeated when they go back, the earlier one.
 */
export function zoneOffset(zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | undefined {
  const f = formatterFor(zone);
  if (!f) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = offsetMinutesAt(f, wall);
  const second = offsetMinutesAt(f, wall - first * 60000);
  const minutes = Math.max(first, second);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

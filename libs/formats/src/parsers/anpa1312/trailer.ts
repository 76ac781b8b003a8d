import { fullYear, unreadDateNote, utcDateTime, zonedDateTime } from '../common/dates';
import { monthNumber } from '../common/dates';

/**
 * The transmission time in an ANPA trailer. AP: "AP-WF-02-20-16 0337GMT" (month, day, year, time in GMT). Kyodo:
 * "KWS-21:37-09-12-18" (time, then day and month in either order, year), in the sender's local time. Which of two
 * numbers up to 12 is the day is read from the dateline ("Dec. 9") when the story has one, else ANPA's month-day.
 */

/** Home time zones of agencies whose trailers give a local time without naming the zone. */
const AGENCY_ZONES: Record<string, string> = {
  kyodo: 'Asia/Tokyo',
  kws: 'Asia/Tokyo',
  jiji: 'Asia/Tokyo',
  yonhap: 'Asia/Seoul',
  xinhua: 'Asia/Shanghai',
};

const AP_STYLE = /\b[A-Z]{2,5}-[A-Z]{2,4}-(\d{2})-(\d{2})-(\d{2})\s+(\d{2})(\d{2})\s*GMT\b/;
const LOCAL_STYLE = /\b([A-Z]{2,5})-(\d{1,2}):(\d{2})-(\d{2})-(\d{2})-(\d{2})\b/;
const DATELINE_DAY = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b/;

export interface TrailerDate {
  date?: string;
  /** a note for editors when the trailer held a time that could not be read */
  unread?: string;
}

/** `selector` is the service line's selector code ("KYODO"); `lead` the first paragraph, for the dateline's date. */
export function trailerDate(trailer: string, selector: string | undefined, lead: string | undefined): TrailerDate {
  const ap = AP_STYLE.exec(trailer);
  if (ap) {
    const date = utcDateTime(fullYear(+ap[3]), +ap[1], +ap[2], +ap[4], +ap[5]);
    return date ? { date } : { unread: unreadDateNote(ap[0]) };
  }
  const local = LOCAL_STYLE.exec(trailer);
  if (!local) return {};
  const [, sender, hour, minute, a, b, year] = local;
  const zone = AGENCY_ZONES[sender.toLowerCase()] ?? AGENCY_ZONES[(selector ?? '').toLowerCase()];
  const [day, month] = dayAndMonth(+a, +b, lead);
  const date = zone ? zonedDateTime(zone, fullYear(+year), month, day, +hour, +minute) : undefined;
  return date ? { date } : { unread: unreadDateNote(local[0]) };
}

function dayAndMonth(a: number, b: number, lead: string | undefined): [number, number] {
  if (a > 12) return [a, b];
  if (b > 12) return [b, a];
  const dateline = lead ? DATELINE_DAY.exec(lead.slice(0, 120)) : null;
  if (dateline && monthNumber(dateline[1]) === b && +dateline[2] === a) return [a, b];
  return [b, a];
}

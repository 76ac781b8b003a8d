import { normalizeSpace, trimEndOf } from '../common/text';

/**
 * Senders that do not mark header lines with ^ (Kyodo and other Asian agencies on ANPA) put the slug and the headline
 * as plain lines above the indented text: "BC-Soccer-Emperor's-Cup", "Soccer: Urawa claim … Sendai+", then
 * "     SAITAMA, Japan, Dec. 9 Kyodo - …". Reads those lines: the slug repeated is dropped, the next line is the
 * headline ("+" and "=" closing it are markers, not text). Nothing is taken when the text does not open that way.
 */
export interface LeadingHeader {
  headline?: string;
  /** how many lines at the start were header lines */
  consumed: number;
}

const MAX_HEADER_LINES = 3;
const MAX_HEADLINE = 200;
const SLUG_SHAPE = /^[A-Z]{2,3}-\S+$/;

function squeezed(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function leadingHeaderLines(lines: string[], slug: string | undefined): LeadingHeader {
  const firstIndented = lines.findIndex((l) => /^(?:\t| {2,})\S/.test(l));
  if (firstIndented <= 0 || firstIndented > MAX_HEADER_LINES) return { consumed: 0 };
  const lead = lines.slice(0, firstIndented);
  if (lead.some((l) => l.trim() === '' || l.trim().length > MAX_HEADLINE)) return { consumed: 0 };
  const out: LeadingHeader = { consumed: firstIndented };
  for (const line of lead) {
    const text = normalizeSpace(line);
    const isSlug = SLUG_SHAPE.test(text) || (slug !== undefined && squeezed(text) === squeezed(slug));
    if (isSlug) continue;
    if (out.headline === undefined) out.headline = trimEndOf(text, '+=<').trim() || undefined;
    else return { consumed: 0 }; // two text lines above the story: not a header the way this reads it
  }
  return out;
}

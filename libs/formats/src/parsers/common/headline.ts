import type { WireItem } from '../../model/wire-item';
import { normalizeSpace } from './text';

/** Headlines for telex copy that sends none on a headline line. */

/** Longest alert text taken whole as a headline. */
const MAX_ALERT_WORDS = 60;

/**
 * An alert or flash whose only text is its body ("Hawaii files court challenge to …"): that text is its headline too.
 * Run after the dateline was lifted, so the headline does not start with "HONOLULU (AP) —".
 */
export function headlineFromSoleParagraph(item: WireItem): void {
  if (item.headline || item.body.length !== 1 || item.body[0].kind !== 'p') return;
  const text = item.body[0].text.trim();
  if (text && text.split(/\s+/).length <= MAX_ALERT_WORDS) item.headline = text;
}

/**
 * The readable part of an ANPA slug line, for a message that has no headline line: "BC-WEA--Global Weather-Fahrenheit"
 * → "Global Weather-Fahrenheit"; undefined when nothing readable is left.
 */
export function headlineFromSlug(slug: string | undefined): string | undefined {
  if (!slug) return undefined;
  const words = normalizeSpace(slug.replace(/^[A-Z]{2,3}-[A-Za-z]{2,5}-{1,2}/, '').replace(/,.*$/, ''));
  return /\p{L}{3}/u.test(words) && words !== slug ? words : undefined;
}

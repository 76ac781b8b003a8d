import { normalizeSpace } from './text';

/** Headlines for telex copy that sends none on a headline line (alerts: headlineFromLead in notices.ts). */

/**
 * The readable part of an ANPA slug line, for a message that has no headline line: "BC-WEA--Global Weather-Fahrenheit"
 * → "Global Weather-Fahrenheit"; undefined when nothing readable is left.
 */
export function headlineFromSlug(slug: string | undefined): string | undefined {
  if (!slug) return undefined;
  const words = normalizeSpace(slug.replace(/^[A-Z]{2,3}-[A-Za-z]{2,5}-{1,2}/, '').replace(/,.*$/, ''));
  return /\p{L}{3}/u.test(words) && words !== slug ? words : undefined;
}

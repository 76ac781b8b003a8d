/**
 * Datelines as agencies print them at the head of a story:
 *   "BRUSSELS (AFP) -"  "LONDON, Jan 30 (Reuters) -"  "NEW YORK (AP) —"  "Tegucigalpa, Jan 2 (EFE).-"
 *   "Berlin (dpa) -"  "PARIS, 3 janvier (AFP) -"  "WASHINGTON, Dec. 5, 2018 /PRNewswire/ --"  "(Reuters) -"
 *   "MADRID —"  "BUFFALO, N.Y. —"  "NEW DELHI:"
 * Exported for every parser: bylines and datelines that sit only inside body text are lifted from there too.
 */

export interface Dateline {
  /** the dateline as printed, e.g. "BRUSSELS (AFP) -" */
  text: string;
  /** the place as printed, e.g. "BRUSSELS" or "BUFFALO, N.Y." */
  place?: string;
  /** the place in title case, e.g. "Brussels", "Buffalo, N.Y." */
  located?: string;
  /** the date as printed, e.g. "Jan 30" */
  date?: string;
  /** the agency, e.g. "AFP", "Reuters", "dpa" */
  agency?: string;
  /** the text after the dateline on the same line */
  rest: string;
}

// A place: up to five words, each starting with a capital (or a particle such as "de", "am", "upon").
const PLACE_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const PARTICLE = String.raw`(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|el|al|am|an|der|den|upon|on|of|sur|en|y|i)`;
const PLACE = String.raw`${PLACE_WORD}(?:[ /-](?:${PARTICLE}[ ])?${PLACE_WORD}){0,4}`;
/** ", N.Y." / ", Ohio" / ", United Arab Emirates" / ", DC, United States" */
const REGION = String.raw`(?:,\s*${PLACE_WORD}(?:\s${PLACE_WORD}){0,3}){0,2}`;
const MONTH_WORD = String.raw`\p{L}{3,10}\.?`;
/** "Jan 30", "Jan. 30", "January 30, 2019", "3 janvier", "12. März", "30 Jan 2019", "Nov 20 2019", "2 de enero" */
const DATE = String.raw`(?:${MONTH_WORD}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\.?\s+(?:de\s+)?${MONTH_WORD}(?:\s+(?:de\s+)?\d{4})?|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)`;
/** "(AFP)", "(Reuters)", "(dpa)", "(AFP-Jiji)", "/PRNewswire/", "(Xinhua)" */
const AGENCY = String.raw`(?:\((\p{L}[\p{L}\p{N} .&'’-]{0,28}?)\)|/(\p{L}[\p{L}\p{N} .&-]{1,28}?)/)`;
/** " - ", " -- ", " — ", " – ", ".-" (EFE), " : " */
const SEP = String.raw`(?:\s*\.?\s*(?:--?|[–—‒―]|\.-)\s*|\s*:\s+)`;

const WITH_AGENCY = new RegExp(String.raw`^(${PLACE}${REGION})(?:,?\s+(${DATE}))?,?\s*${AGENCY}${SEP}`, 'u');
const AGENCY_ONLY = new RegExp(String.raw`^${AGENCY}${SEP}`, 'u');
/** Without an agency the place must be in capitals, as agencies print it, so ordinary sentences never match. */
const UPPER_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}'’.-]+`;
const UPPER_PLACE = String.raw`${UPPER_WORD}(?:[ /-]${UPPER_WORD}){0,4}`;
const CAPS_ONLY = new RegExp(
  String.raw`^(${UPPER_PLACE}${REGION})(?:,\s*(${DATE}))?(?:\s*(?:--?|[–—])\s+|\s*:\s+)`,
  'u',
);

/** Words an agency name in a dateline is never: party labels and the like, "(R)" after a governor's name. */
const NOT_AGENCIES = new Set(['R', 'D', 'I', 'L', 'photo', 'video', 'file', 'updated', 'update']);

const LOWER_PARTICLES = new Set(PARTICLE.replace(/[()?:]/g, '').split('|'));

/**
 * "BRUSSELS" → "Brussels", "NEW YORK" → "New York", "RIO DE JANEIRO" → "Rio de Janeiro", "DUBAI, United Arab
 * Emirates" → "Dubai, United Arab Emirates". Abbreviations stay: "N.Y.", and two-letter region codes after a comma
 * ("WASHINGTON, DC").
 */
export function titleCasePlace(place: string): string {
  return place
    .split(/(,\s*)/)
    .map((part, partIndex) => {
      if (/^,\s*$/.test(part)) return part;
      let first = true;
      return part.replace(/\p{L}[\p{L}\p{M}'’.]*/gu, (word) => {
        const isFirst = first;
        first = false;
        if (/\p{Ll}/u.test(word)) return word; // mixed case: as printed
        if (/^(?:\p{L}\.)+$/u.test(word) || /\.\p{L}/u.test(word)) return word; // N.Y., D.C.
        if (partIndex > 0 && word.length <= 2) return word; // region code: DC, NY
        const lower = word.toLowerCase();
        if (!isFirst && LOWER_PARTICLES.has(lower)) return lower;
        return lower.replace(/(^|[-'’])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
      });
    })
    .join('');
}

function isPlausibleAgency(agency: string): boolean {
  const words = agency.trim().split(/\s+/);
  return words.length <= 4 && !NOT_AGENCIES.has(agency.trim()) && /\p{L}{2}/u.test(agency);
}

/** A place must not be the first words of a sentence: no more than five words, no sentence punctuation in it. */
function isPlausiblePlace(place: string): boolean {
  return place.length <= 60 && !/[!?;"“”]/.test(place);
}

function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
}

/** The dateline at the start of a paragraph, if there is one. */
export function parseDateline(paragraph: string): Dateline | undefined {
  // A dateline sits in the first hundred-odd characters; matching the whole of a long paragraph only costs time.
  // Spacing the odd spaces out commutes with trimming them (they are spaces either way) and with cutting the head
  // off, so only the head is respaced unless there is a match.
  const trimmed = paragraph.trimStart();
  const text = plainSpaces(trimmed.slice(0, 200));
  const restOf = (matched: string) => plainSpaces(trimmed).slice(matched.length).trim();
  // Both patterns with an agency need its "(" or "/".
  const agencyMark = text.includes('(') || text.includes('/');
  let m = agencyMark ? WITH_AGENCY.exec(text) : null;
  if (m && isPlausiblePlace(m[1]) && isPlausibleAgency(m[3] ?? m[4])) {
    const place = m[1].trim();
    return {
      text: m[0].trim(),
      place,
      located: titleCasePlace(place),
      date: m[2]?.trim(),
      agency: (m[3] ?? m[4]).trim(),
      rest: restOf(m[0]),
    };
  }
  m = agencyMark ? AGENCY_ONLY.exec(text) : null;
  if (m && isPlausibleAgency(m[1] ?? m[2])) {
    return { text: m[0].trim(), agency: (m[1] ?? m[2]).trim(), rest: restOf(m[0]) };
  }
  m = CAPS_ONLY.exec(text);
  // Without an agency, only a place of three letters or more followed by the start of a sentence is a dateline.
  const after = m ? text.slice(m[0].length) : '';
  if (
    m &&
    isPlausiblePlace(m[1]) &&
    /\p{L}{3}/u.test(m[1]) &&
    /^["“‘'(\p{Lu}\d]/u.test(after) &&
    !/^www\./i.test(after)
  ) {
    const place = m[1].trim();
    return {
      text: m[0].trim(),
      place,
      located: titleCasePlace(place),
      date: m[2]?.trim(),
      rest: restOf(m[0]),
    };
  }
  return undefined;
}

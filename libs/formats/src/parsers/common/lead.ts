import { normalizeSpace, placeCase, stripByPrefix, trimEndOf } from './text';

/**
 * Bylines and datelines that sit in the body text. Agencies open stories with "BRUSSELS (AFP) - ",
 * "LONDON, Jan 30 (Reuters) - ", "NEW YORK (AP) — ", "Tegucigalpa, Jan 2 (EFE).- ", "Berlin (dpa) - ",
 * "ATLANTA (AP) _ " (AP's ASCII dash), "WASHINGTON — " (staff copy without agency), and put "By Jane Smith" in a
 * paragraph of its own. These functions find them so they can be lifted into by / located / agency.
 * Shared by every parser, including the plain-text one.
 */

export interface DatelineParts {
  /** the dateline as printed, with the dash that follows it in body text, e.g. "LONDON, Jan 30 (Reuters) -" */
  dateline: string;
  /** the place, in place case ("London", "Grosseto, Italy") */
  located?: string;
  /** the agency in the parentheses ("Reuters", "tca/dpa") */
  agency?: string;
  /** the date words of the dateline as printed ("Jan 30", "Monday") */
  date?: string;
}

export interface DatelineOpening extends DatelineParts {
  /** the paragraph text after the dateline and its dash ("" when the paragraph was only the dateline) */
  rest: string;
}

export interface LeadMetadata {
  byline?: string;
  dateline?: string;
  located?: string;
  agency?: string;
}

export interface LiftedLead extends LeadMetadata {
  /** the paragraphs with the byline paragraph removed and the dateline cut from the first paragraph */
  paragraphs: string[];
  /** a leading "(Adds …)" / "(Updates …)" line saying what this version changed: a note to editors, not story */
  advisory?: string;
}

/** Reuters-style version advisories that open the copy: "(Adds Gov. Cuomo's announcement …)". */
const ADVISORY =
  /^\((?:adds|updates|corrects|recasts|rewrites|changes|inserts|removes|fixes|refiles|repeats|new throughout)\b[^()]{0,300}\)$/i;

const MONTH =
  'jan(?:uary|v(?:ier)?)?|feb(?:ruary|r)?|f[ée]vr?(?:ier)?|m[aä]r(?:ch|s|z|zo)?|apr(?:il)?|avr(?:il)?|abr(?:il)?|' +
  'may(?:o)?|mai|jun[ei]?|juin|jul[iy]?|juil(?:let)?|lug(?:lio)?|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sept?(?:ember|embre|iembre)?|set(?:tembre)?|' +
  'o[ck]t(?:ober|obre|ubre)?|ott(?:obre)?|nov(?:ember|embre|iembre)?|d[eé][cz](?:ember|embre)?|dic(?:iembre|embre)?|ene(?:ro)?|gen(?:naio)?';
const WEEKDAY =
  'mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|' +
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo';
const DATE_WORD = new RegExp(`^(?:${MONTH})\\.?$|^(?:${WEEKDAY})(?:day)?\\.?$`, 'i');

/** A dateline's date part: "Jan 30", "30 janvier 2024", "Monday", "Jan. 30, 2024". */
export function looksLikeDate(text: string): boolean {
  const words = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  return (
    words.some((w) => DATE_WORD.test(w)) &&
    words.every((w) => DATE_WORD.test(w) || /^\d{1,4}(?:st|nd|rd|th|er|\.)?$/i.test(w))
  );
}

/** A plausible agency name inside the dateline's parentheses: "AFP", "dpa", "Sports Network", "tca/dpa". */
function looksLikeAgency(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 40) return false;
  if (!/^[\p{L}\p{N}][\p{L}\p{N} .&/'’+-]*$/u.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 4) return false;
  // "AFP", "dpa", "tca/dpa"; longer names are capitalised ("Sports Network"), not phrases ("see below")
  return words.length === 1 || words.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/** A plausible place: capitalised words, a few of them, no sentence punctuation. */
function looksLikePlace(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 50) return false;
  if (!/^\p{Lu}/u.test(t)) return false;
  if (!/^[\p{L}\p{M} .'’/-]+$/u.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 5) return false;
  // every word capitalised, or a short linking word ("de", "al", "upon")
  return words.every(
    (w) =>
      /^[\p{Lu}\p{N}]/u.test(w) ||
      /^(?:de|del|da|do|dos|di|du|des|la|le|los|las|el|al|am|an|im|upon|on|of|sur|en|y|et)$/i.test(w),
  );
}

/** Splits "GROSSETO, Italy, Jan 30" or "LONDON, Jan 30" or "Berlin" into place and date. */
function splitPlaceAndDate(head: string): { place: string; date?: string } | undefined {
  const parts = head.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return undefined;
  let date: string | undefined;
  // the date may itself hold a comma ("Jan. 30, 2024")
  for (let k = 1; k < parts.length; k++) {
    const candidate = parts.slice(k).join(', ');
    if (looksLikeDate(candidate)) {
      date = candidate;
      parts.length = k;
      break;
    }
  }
  if (parts.length > 3 || !parts.every(looksLikePlace)) return undefined;
  return { place: parts.join(', '), date };
}

const SEP = String.raw`(?:\.-|\.?\s*[-–—_]{1,2}|:)`;
/** PLACE[, REGION][, DATE] (AGENCY) SEP rest */
const WITH_AGENCY = new RegExp(String.raw`^([^()]{2,80}?)\s*\(([^()]{2,40})\)(\s*${SEP})?\s*(.*)$`, 'su');
/** PLACE[, DATE] SEP rest, the place in capitals (staff copy without agency); a plain hyphen is not enough */
const CAPS_ONLY = new RegExp(
  String.raw`^([\p{Lu}][^()\p{Ll}]{1,40}?(?:,[^()\n]{1,30}?)?)\s+(?:—|–|--|_)\s+(.+)$`,
  'su',
);
/** PLACE /agency/: rest (Ritzau: "København /ritzau/: En 41-årig mand …") */
const SLASHED_AGENCY = /^([^/()]{2,40}?)\s*\/(\p{L}{2,12})\/\s*:?\s*(.+)$/su;
/** PLACE[, REGION], DATE AGENCY - rest, the agency without brackets (AAP, Kyodo): "SYDNEY, Jul 16 AAP - …" */
const AGENCY_AFTER_DATE = new RegExp(
  String.raw`^([\p{Lu}][^()\n]{1,80}?)\s+(\p{Lu}[\p{L}]{1,11})\s+[-–—]{1,2}\s+(.+)$`,
  'su',
);
/** (AGENCY) SEP rest, no place */
const AGENCY_ONLY = new RegExp(String.raw`^\(([^()]{2,40})\)\s*${SEP}\s*(.+)$`, 'su');

/**
 * Parses a dateline printed on its own (NITF <dateline>, NewsML <DateLine>): "MOSCOW, Monday (Reuters)",
 * "WASHINGTON, Jan. 30", "Paris". Undefined when it is not recognisably one.
 */
export function parseDateline(raw: string): DatelineParts | undefined {
  const text = normalizeSpace(raw).replace(/\s*(?:\.-|[-–—_:]{1,2})$/, '');
  if (!text) return undefined;
  const withAgency = /^(.*?)\s*\(([^()]{2,40})\)$/.exec(text);
  if (withAgency && looksLikeAgency(withAgency[2])) {
    const head = withAgency[1].trim();
    if (head === '') return { dateline: text, agency: withAgency[2].trim() };
    const pd = splitPlaceAndDate(head);
    if (pd) return { dateline: text, located: placeCase(pd.place), agency: withAgency[2].trim(), date: pd.date };
    return undefined;
  }
  const pd = splitPlaceAndDate(text);
  if (pd) return { dateline: text, located: placeCase(pd.place), date: pd.date };
  return undefined;
}

/** Finds a dateline opening a paragraph: "BRUSSELS (AFP) - The United States..." → dateline, located, agency, rest. */
export function splitDatelineOpening(paragraph: string): DatelineOpening | undefined {
  const text = normalizeSpace(paragraph);
  if (!text) return undefined;

  const a = WITH_AGENCY.exec(text);
  if (a && looksLikeAgency(a[2]) && (a[3] !== undefined || a[4] === '')) {
    const pd = splitPlaceAndDate(a[1]);
    if (pd) {
      const rest = a[4].trim();
      const printed = text.slice(0, text.length - a[4].length).trim();
      return { dateline: printed, located: placeCase(pd.place), agency: a[2].trim(), date: pd.date, rest };
    }
  }

  const slashed = SLASHED_AGENCY.exec(text);
  if (slashed) {
    const pd = splitPlaceAndDate(slashed[1]);
    if (pd) {
      const printed = text.slice(0, text.length - slashed[3].length).trim();
      return { dateline: printed, located: placeCase(pd.place), agency: slashed[2], rest: slashed[3].trim() };
    }
  }

  const o = AGENCY_ONLY.exec(text);
  if (o && looksLikeAgency(o[1]) && o[1].split(/\s+/).length <= 3) {
    const printed = text.slice(0, text.length - o[2].length).trim();
    return { dateline: printed, agency: o[1].trim(), rest: o[2].trim() };
  }

  const d = AGENCY_AFTER_DATE.exec(text);
  if (d && looksLikeAgency(d[2])) {
    // only with a date between place and agency: "PARIS Police - …" is no dateline
    const pd = splitPlaceAndDate(d[1]);
    if (pd?.date && /\p{Lu}{2}/u.test(pd.place)) {
      const printed = text.slice(0, text.length - d[3].length).trim();
      return { dateline: printed, located: placeCase(pd.place), agency: d[2], date: pd.date, rest: d[3].trim() };
    }
  }

  const c = CAPS_ONLY.exec(text);
  if (c) {
    const head = c[1].trim();
    const pd = splitPlaceAndDate(head);
    const placeWords = pd?.place.split(/[\s,]+/) ?? [];
    // staff datelines are short capitalised places ("WASHINGTON", "ST. LOUIS"), not shouted sentences
    if (pd && placeWords.length <= 4 && /\p{Lu}{3}/u.test(pd.place.split(',')[0])) {
      const printed = text.slice(0, text.length - c[2].length).trim();
      return { dateline: printed, located: placeCase(pd.place), date: pd.date, rest: c[2].trim() };
    }
  }
  return undefined;
}

/** Lower-case words a byline may hold: connectors, particles, agencies written in lower case, job titles. */
const BYLINE_LOWER =
  /^(?:and|und|et|y|e|och|og|en|with|mit|avec|con|in|im|à|a|of|de|del|da|das|di|do|dos|du|des|la|le|van|von|der|den|ter|bin|al|el|dpa|afp|ap|staff|correspondents?|writers?|reporters?|editors?|news|agency|from|aus|en)[,;.]?$/i;

const BYLINE = /^(?:by|von|par|por|di|door|av|af)[\s:]+(\p{Lu}[^\n]{1,150})$/iu;

/** "By Jane Smith, AFP" as a paragraph of its own → "Jane Smith, AFP". */
export function matchBylineParagraph(paragraph: string): string | undefined {
  const text = normalizeSpace(paragraph);
  const m = BYLINE.exec(text);
  if (!m) return undefined;
  const words = text.split(/\s+/);
  if (words.length > 16) return undefined;
  // a sentence, not a byline: "By the end of the day, prices had fallen."
  if (/^(?:by|von|par|por|di|door|av|af)\s+(?:the|a|an|le|la|les|el|los|der|die|das|den|il|lo)\b/i.test(text))
    return undefined;
  if (/[.!?]\s+\p{Lu}/u.test(m[1])) return undefined;
  // "By Friday, markets had recovered.": a date, or a run of lower-case words, makes a sentence
  if (DATE_WORD.test(m[1].split(/[\s,]+/)[0])) return undefined;
  const lowerWords = m[1].split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !BYLINE_LOWER.test(w));
  if (lowerWords.length > 2) return undefined;
  return trimEndOf(stripByPrefix(text), '=<').trim() || undefined;
}

/**
 * Lifts a byline paragraph (among the first two) and an opening dateline out of the leading paragraphs.
 * Paragraphs after the lead are returned unchanged.
 */
export function liftLeadMetadata(paragraphs: string[]): LiftedLead {
  const out = [...paragraphs];
  const lead: LeadMetadata & { advisory?: string } = {};
  if (out.length > 1 && ADVISORY.test(out[0].trim())) lead.advisory = out.shift()?.trim();
  for (let k = 0; k < Math.min(2, out.length); k++) {
    const byline = matchBylineParagraph(out[k]);
    if (byline) {
      lead.byline = byline;
      out.splice(k, 1);
      break;
    }
  }
  // Reuters opens market reports with "* …" highlight lines; the dateline starts the first paragraph after them
  let first = 0;
  while (first < out.length - 1 && /^[*•]\s/.test(out[first])) first++;
  if (out.length > first) {
    const opening = splitDatelineOpening(out[first]);
    if (opening) {
      lead.dateline = opening.dateline;
      if (opening.located) lead.located = opening.located;
      if (opening.agency) lead.agency = opening.agency;
      if (opening.rest) out[first] = opening.rest;
      else out.splice(first, 1);
    }
  }
  return { ...lead, paragraphs: out };
}

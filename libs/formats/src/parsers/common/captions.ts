import { clean } from './text';

/**
 * Photo captions carry their credit in a few well-worn shapes:
 *   "... in Las Vegas, Nevada. (Photo by Spencer Platt/Getty Images)"
 *   "... speaks in Brussels. (AP Photo/Virginia Mayo)"   "... (AFP PHOTO / JOHN THYS)"
 *   "© AFP/File | Britain and Denmark have ..."          "... Photo: Jane Doe/dpa"
 * These split the caption from its credit and find the photographer the credit names.
 */

export interface CaptionParts {
  caption?: string;
  credit?: string;
  by?: string;
}

const AGENCY_WORDS = /^(?:afp|ap|epa|dpa|reuters|getty(?: images)?|anp|ansa|efe|xinhua|kyodo|aap|pa|belga|tass|sipa|ap photo|afp photo|reuters photo|epa photo|dpa photo|file|pool|handout|ho)$/i;

/**
 * The photographer a credit names: "Spencer Platt/Getty Images" → "Spencer Platt", "AP Photo/Evan Vucci" →
 * "Evan Vucci", "AFP PHOTO / JOHN THYS" → "John Thys"; undefined for agency-only credits ("AFP/File").
 */
export function photographerOf(credit: string | undefined): string | undefined {
  const c = clean(credit);
  if (!c) return undefined;
  const parts = c
    .replace(/^(?:photo|foto|photograph)\s*(?:by|:)\s*/i, '')
    .split(/\s*[/|]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const people = parts.filter((p) => !AGENCY_WORDS.test(p) && /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(p));
  if (people.length !== 1) return undefined;
  const name = people[0];
  // "JOHN THYS" → "John Thys"
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, s: string, ch: string) => s + ch.toUpperCase()) : name;
}

/** Splits a caption from the credit written into it. */
export function splitCaptionCredit(raw: string | undefined): CaptionParts {
  const text = clean(raw);
  if (!text) return {};
  // "© AFP/File | caption" (AFP web pages), "© Reuters - caption"
  const leading = /^(?:©|\(c\)|copyright)\s*([^|]{2,60}?)\s*\|\s*(.+)$/i.exec(text);
  if (leading) return { caption: leading[2], credit: leading[1], by: photographerOf(leading[1]) };
  // "caption (Photo by X/Agency)", "caption (AP Photo/X)", "caption (AFP PHOTO / X)", "caption (Reuters/X)"
  const trailing = /^(.*?)[\s.]*\(((?:photo\s+by\s+|foto:\s*)?[^()]{2,80}?(?:\/|photo)[^()]{0,80})\)\s*\.?$/i.exec(text);
  if (trailing && trailing[1].length > 0) {
    const credit = trailing[2].replace(/^(?:photo\s+by\s+|foto:\s*)/i, '').trim();
    const caption = /[.!?]$/.test(trailing[1]) ? trailing[1] : `${trailing[1]}.`;
    return { caption: caption.trim(), credit, by: photographerOf(trailing[2]) };
  }
  // "caption. REUTERS/Phil Noble", "caption. AFP PHOTO/John Thys" (credit after the last sentence, no parentheses)
  const slash = /^(.*?[.!?])\s+(\p{Lu}[\p{L} ]{1,30}\s*\/\s*[\p{L} .'’-]{2,60}?)\s*$/u.exec(text);
  if (slash && slash[2].split(/\s+/).length <= 8) return { caption: slash[1], credit: slash[2].trim(), by: photographerOf(slash[2]) };
  // "caption Photo: Jane Doe/dpa"
  const photoColon = /^(.*?[.!?])\s+(?:photo|foto|picture|bild):\s*([^.]{2,80})$/i.exec(text);
  if (photoColon) return { caption: photoColon[1], credit: photoColon[2].trim(), by: photographerOf(photoColon[2]) };
  return { caption: text };
}

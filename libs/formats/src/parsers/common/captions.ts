import { clean, trimEndOf } from './text';

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

const AGENCY_WORDS =
  /^(?:afp|ap|epa|dpa|reuters|getty(?: images)?|anp|ansa|efe|xinhua|kyodo|aap|pa|belga|tass|sipa|ap photo|afp photo|reuters photo|epa photo|dpa photo|file|pool|handout|ho)$/i;

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
  const people = parts.filter(
    (p) => !AGENCY_WORDS.test(p) && /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(p),
  );
  if (people.length !== 1) return undefined;
  const name = people[0];
  // "JOHN THYS" → "John Thys"
  return name === name.toUpperCase()
    ? name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, s: string, ch: string) => s + ch.toUpperCase())
    : name;
}

/** Longest caption the credit patterns are tried on; longer text is kept whole (and keeps the matching linear). */
const MAX_CAPTION = 4000;

/** "caption (AP Photo/Evan Vucci)" → the caption and the credit in its closing parentheses. */
function trailingParenthesis(text: string): CaptionParts | undefined {
  const end = text.endsWith(').') ? text.length - 2 : text.endsWith(')') ? text.length - 1 : -1;
  if (end < 0) return undefined;
  const open = text.lastIndexOf('(', end);
  if (open <= 0 || end - open > 160) return undefined;
  const inside = text.slice(open + 1, end).trim();
  if (inside.includes('(') || !/\/|photo/i.test(inside)) return undefined;
  const before = trimEndOf(text.slice(0, open), '.');
  if (!before) return undefined;
  const credit = inside.replace(/^(?:photo\s+by\s+|foto:\s*)/i, '').trim();
  return { caption: /[!?]$/.test(before) ? before : `${before}.`, credit, by: photographerOf(inside) };
}

/** Splits a caption from the credit written into it. */
export function splitCaptionCredit(raw: string | undefined): CaptionParts {
  const text = clean(raw);
  if (!text) return {};
  if (text.length > MAX_CAPTION) return { caption: text };
  // "© AFP/File | caption" (AFP web pages), "© Reuters | caption"
  const leading = /^(?:©|\(c\)|copyright)\s*([^|]{2,60}?)\s*\|\s*(.+)$/i.exec(text);
  if (leading) return { caption: leading[2], credit: leading[1], by: photographerOf(leading[1]) };
  // "caption (Photo by X/Agency)", "caption (AP Photo/X)", "caption (AFP PHOTO / X)"
  const parenthesis = trailingParenthesis(text);
  if (parenthesis) return parenthesis;
  // "caption. REUTERS/Phil Noble", "caption. AFP PHOTO/John Thys" (credit after the last sentence, no parentheses)
  const tail = text.slice(-120);
  const slash = /[.!?]\s+(\p{Lu}[\p{L} ]{1,30}\s*\/\s*[\p{L} .'’-]{2,60}?)\s*$/u.exec(tail);
  if (slash && slash[1].split(/\s+/).length <= 8 && !/[.!?]\s/.test(slash[1])) {
    const caption = text.slice(0, text.length - tail.length + slash.index + 1);
    return { caption, credit: slash[1].trim(), by: photographerOf(slash[1]) };
  }
  // "caption Photo: Jane Doe/dpa"
  const photoColon = /[.!?]\s+(?:photo|foto|picture|bild):\s*([^.]{2,80})$/i.exec(tail);
  if (photoColon) {
    const caption = text.slice(0, text.length - tail.length + photoColon.index + 1);
    return { caption, credit: photoColon[1].trim(), by: photographerOf(photoColon[1]) };
  }
  return { caption: text };
}

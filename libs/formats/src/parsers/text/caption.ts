/**
 * Photo captions and their credits, in the shapes news pages and agencies use:
 *   "© AFP/File | Britain and Denmark have …"        credit first, then the caption
 *   "Trump asked voters … Credit...Doug Mills/The New York Times"
 *   "A cyclist rides … (Photo: Damian Dovarganes, AP)"   "… REUTERS/Kim Kyung-Hoon"   "… (AFP)"
 *   "… | Getty Images"
 * and credit lines on their own ("Photo: Damian Dovarganes, AP", "Image Credit: WeWork", "(Image: © NASA)").
 */

export interface Caption {
  caption?: string;
  credit: string;
  /** the photographer, when the credit names one ("AFP/John Smith" → "John Smith") */
  by?: string;
}

const MAX_CAPTION_CHARS = 600;

/** Photo and news agencies whose names make a trailing credit certain. */
const PHOTO_AGENCIES = String.raw`(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|dpa|DPA|ANSA|Xinhua|XINHUA|Getty(?: Images)?|AAP|PA(?: Wire| Images)?|Kyodo|Jiji|Anadolu(?: Agency)?|Bloomberg|Shutterstock|Sipa|SIPA|Keystone|Corbis|Alamy|NurPhoto|ZUMA(?: Wire| Press)?|TASS|Sputnik|Yonhap|Imago|IMAGO|Belga|BELGA|ANP|Scanpix|NTB|TT|Ritzau|Lusa|Agencia Brasil|Bernama|Antara|Abaca|Associated Press|Agence France-Presse|The Associated Press)`;

const CREDIT_WORD = String.raw`(?:Photo(?:graph)?s?|PHOTOS?|Image|IMAGE|Picture|Pic|Foto|FOTO|Bild|Crédit(?:s)?(?: photo)?|Credits?|CREDIT|Source|Illustration)`;

/** "© AFP/File | caption", "© Reuters – caption", "Photo: AFP | caption" */
const CREDIT_FIRST = new RegExp(
  String.raw`^(?:©|\(c\)|Ⓒ|ⓒ|${CREDIT_WORD}\s*(?:[Cc]redits?)?\s*:)\s*([^|]{2,80}?)\s*\|\s*(.{15,})$`,
  'iu',
);
/** "caption. Credit...Doug Mills/The New York Times", "caption (Photo: X / AP)", "caption Photo: Damian, AP" */
const CREDIT_LAST_WORD = new RegExp(
  String.raw`^(.{15,}?)\s*[([]?\s*(?:${CREDIT_WORD})\s*(?:[Cc]redits?|[Bb]y)?\s*(?::|\.{2,3}|…)\s*(?:©\s*)?([^()[\]]{2,80}?)\s*[)\]]?\s*$`,
  'u',
);
/** "caption (AFP Photo/John Smith)", "caption. REUTERS/Kim Kyung-Hoon", "caption (AFP)", "caption | Getty Images" */
const CREDIT_LAST_AGENCY = new RegExp(
  String.raw`^(.{15,}?[.!?”")]?)\s*(?:[([]\s*(?:©\s*)?(${PHOTO_AGENCIES}(?:[ /]+(?:Photo|PHOTO|File|FILE|Pool|POOL|via [^()]+))*(?:\s*/\s*[^()/[\]]{2,40})?)\s*[)\]]|\|\s*(?:©\s*)?([^|]{2,60}(?:${PHOTO_AGENCIES})[^|]{0,30})|\s(©\s*${PHOTO_AGENCIES}(?:\s*/\s*[^/()]{2,40})?|(?:REUTERS|AFP|AP|EPA|dpa)\s*/\s*\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){0,3}(?:/\p{Lu}[\p{L}'’. -]{1,30})?))\s*$`,
  'u',
);
/** A credit on its own line: "Photo: Damian Dovarganes, AP", "Image Credit: WeWork", "(Image: © NASA)", "© AFP" */
const CREDIT_LINE = new RegExp(
  String.raw`^[([]?\s*(?:(?:${CREDIT_WORD})\s*(?:[Cc]redits?|[Bb]y)?\s*(?::|\.{2,3}|…)\s*(?:©\s*)?|©\s*)([^()[\]]{2,80}?)\s*[)\]]?\s*$`,
  'u',
);
/** "Natalie Naccache | Bloomberg | Getty Images", "AFP/Getty Images", "Alex Wong | Getty Images" */
const AGENCY_CREDIT_LINE = new RegExp(
  String.raw`^(?:[\p{L} .'’-]{2,40}\s*[|/]\s*){0,3}(?:${PHOTO_AGENCIES})(?:\s*[|/]\s*[\p{L} .'’-]{2,40}){0,2}$`,
  'u',
);

/** "AFP/John Smith", "AFP Photo/John Smith", "REUTERS/Kim Kyung-Hoon" */
const AGENCY_SLASH_PHOTOGRAPHER = new RegExp(
  String.raw`^(${PHOTO_AGENCIES})(?:\s*(?:Photo|PHOTO))?\s*/\s*(?!File\b|FILE\b|Pool\b)([\p{Lu}][\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]+){1,3})$`,
  'u',
);
/** "Damian Dovarganes, AP" */
const PHOTOGRAPHER_COMMA_AGENCY = new RegExp(
  String.raw`^([\p{Lu}][\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]+){1,3}),\s*(${PHOTO_AGENCIES})$`,
  'u',
);

function splitPhotographer(credit: string): { credit: string; by?: string } {
  const slash = AGENCY_SLASH_PHOTOGRAPHER.exec(credit);
  if (slash) return { credit, by: slash[2] };
  const comma = PHOTOGRAPHER_COMMA_AGENCY.exec(credit);
  if (comma) return { credit, by: comma[1] };
  return { credit };
}

function make(caption: string | undefined, credit: string): Caption {
  const cleanCredit = credit
    .trim()
    .replace(/^©\s*/, '')
    .replace(/[\s.,;:|-]+$/, '');
  const cleanCaption = caption?.trim().replace(/\s*[|–—-]\s*$/, '');
  return { caption: cleanCaption || undefined, ...splitPhotographer(cleanCredit) };
}

/**
 * What the trailing-credit patterns cannot match without (they are case-sensitive): one of the credit words before
 * a ":", ".." or "…"; an agency's name. The patterns try every split of the block; these scan it once.
 */
const CREDIT_WORD_STEMS = [
  'Photo',
  'PHOTO',
  'Image',
  'IMAGE',
  'Pic',
  'Foto',
  'FOTO',
  'Bild',
  'Crédit',
  'Credit',
  'CREDIT',
  'Source',
  'Illustration',
];
const CREDIT_MARK = /[:…]|\.\./;
const ANY_PHOTO_AGENCY = new RegExp(PHOTO_AGENCIES, 'u');

function mayEndInCreditWord(text: string): boolean {
  return CREDIT_MARK.test(text) && CREDIT_WORD_STEMS.some((w) => text.includes(w));
}

/** A caption with its credit in one block, or undefined. */
export function parseCaption(block: string): Caption | undefined {
  const text = block.trim();
  if (text.length > MAX_CAPTION_CHARS) return undefined; // a caption is a sentence or two, never a long paragraph
  let m = CREDIT_FIRST.exec(text);
  if (m) return make(m[2], m[1]);
  m = mayEndInCreditWord(text) ? CREDIT_LAST_WORD.exec(text) : null;
  if (m && !/^(?:by|von|par|por)\s/i.test(m[2])) return make(m[1], m[2]);
  m = ANY_PHOTO_AGENCY.test(text) ? CREDIT_LAST_AGENCY.exec(text) : null;
  if (m) return make(m[1], (m[2] ?? m[3] ?? m[4]).trim());
  return undefined;
}

/** A credit on a line of its own (it belongs to the caption before it), or undefined. */
export function parseCreditLine(block: string): string | undefined {
  const text = block.trim();
  if (text.length > 100) return undefined;
  const m = CREDIT_LINE.exec(text);
  if (m && !/\d{4}\s*$/.test(m[1]) && !/^\d{4}\b/.test(m[1])) return m[1].trim();
  if (AGENCY_CREDIT_LINE.test(text)) return text;
  return undefined;
}

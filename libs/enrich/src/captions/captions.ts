import type { CaptionSplit } from '../enrichment';

/**
 * Credits embedded in picture captions, split into caption, credit (the agency or rights holder) and photographer.
 * Handles the common agency conventions:
 *   "© AFP/File | Britain and Denmark…"            → credit AFP/File
 *   "… (Photo by John Doe/AP)", "… (AP Photo/Evan Vucci)", "… (Xinhua/Li Xin)"
 *   "… REUTERS/Marko Djurica", "… AFP PHOTO / JOHN DOE", "… EPA-EFE/JULIEN WARNAND"
 *   "Photo: X / AFP", "Picture: John Doe/Reuters", "… © John Doe / AFP", "… [Getty Images]"
 */
const LEADING_PIPE = /^\s*(?:©|\(c\)|copyright)\s*([^|]{2,60}?)\s*\|\s*([\s\S]+)$/i;
const LEADING_AGENCY_PIPE = /^\s*([A-Z][A-Za-z.&\- ]{1,20}(?:\/[A-Za-z ]{1,20})?)\s*\|\s*([\s\S]+)$/;
const TRAILING_PHOTO_BY =
  /\s*[([]\s*(?:photo|picture|image|photograph|foto|credit)s?\s*(?:by|:|credit:?)?\s*([^)\]]{2,80})[)\]]\s*\.?\s*$/i;
const TRAILING_AGENCY_PHOTO = /\s*\(\s*([A-Z][A-Za-z&.\- ]{0,25}?)\s+Photos?\s*\/\s*([^)]{2,60})\)\s*\.?\s*$/;
const TRAILING_PAREN_CREDIT =
  /\s*\(\s*((?:AFP|Reuters|REUTERS|AP|EPA|EPA-EFE|dpa|DPA|ANSA|Xinhua|XINHUA|Getty Images|Anadolu|ANP|Belga|BELGA|PA|AAP|Kyodo|Yonhap|NurPhoto|SIPA|Sipa)(?:\s*\/\s*[^)]{2,60})?)\)\s*\.?\s*$/;
const TRAILING_AGENCY_SLASH =
  /\s+((?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|dpa|DPA|ANSA|XINHUA|Xinhua|ANP|BELGA|Belga|PA|AAP|KYODO|YONHAP|SIPA|NurPhoto)(?:\s+PHOTO)?|AFP PHOTO|AP PHOTO|AFP Photo|AP Photo)\s*\/\s*([^\n/]{2,60}?)\s*\.?\s*$/;
const LABELLED_CREDIT =
  /(?:^|\s)(?:photo|photograph|picture|image|foto|credit|crédit(?: photo)?|bild)\s*:\s*([^\n]{2,80}?)\s*\.?\s*$/i;
const TRAILING_COPYRIGHT = /\s*©\s*([^©\n]{2,80}?)\s*\.?\s*$/;
const TRAILING_BRACKET_AGENCY =
  /\s*[[(]\s*(Getty Images|AFP(?:\/Getty Images)?|Reuters|AP|EPA|Shutterstock|Alamy)\s*[\])]\s*\.?\s*$/;

const AGENCY_WORDS =
  /^(?:AFP|Reuters|REUTERS|AP|EPA|EPA-EFE|EFE|dpa|DPA|ANSA|Xinhua|XINHUA|Getty Images|Getty|Anadolu|ANP|Belga|BELGA|PA|AAP|Kyodo|KYODO|Yonhap|YONHAP|NurPhoto|SIPA|Sipa|Shutterstock|Alamy|Keystone|KEYSTONE|TASS|Sputnik|Imago|IMAGO|Bloomberg|Pool|POOL)(?:[\s/-].*)?$|^[A-Z]{2,6}$/;

function tidy(s: string | undefined): string | undefined {
  const t = s
    ?.replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s|:,;–—-]+|[\s|:,;–—-]+$/g, '')
    .trim();
  return t ? t : undefined;
}

/** JOHN DOE → John Doe; names already in mixed case are kept. */
function personName(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

function agencyName(s: string): string {
  const t = s.replace(/\s+PHOTOS?$/i, '').trim();
  if (/^REUTERS$/.test(t)) return 'Reuters';
  if (/^XINHUA$/.test(t)) return 'Xinhua';
  if (/^BELGA$/.test(t)) return 'Belga';
  return t;
}

/** "John Doe/AP", "X / AFP", "AFP" → photographer and credit. */
function splitCredit(text: string): { by?: string; credit?: string } {
  const parts = text
    .split(/\s*\/\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length >= 2) {
    const last = parts[parts.length - 1];
    const first = parts[0];
    if (AGENCY_WORDS.test(first) && !AGENCY_WORDS.test(last))
      return { credit: agencyName(first), by: personName(parts.slice(1).join(' / ')) };
    if (AGENCY_WORDS.test(last) && last !== 'File')
      return { by: personName(parts.slice(0, -1).join(' / ')), credit: agencyName(last) };
    if (/^file$/i.test(last)) return { credit: parts.join('/') };
    return { by: personName(first), credit: parts.slice(1).join('/') };
  }
  const only = parts[0] ?? '';
  return AGENCY_WORDS.test(only) ? { credit: agencyName(only) } : { by: personName(only) };
}

/** Longer than this is no caption: it is kept as it is, unsplit (and the patterns never see pathological input). */
const MAX_CAPTION = 2000;
const WHITESPACE = /[\s\u00a0]+/g;

export function splitCaption(caption?: string, credit?: string, by?: string): CaptionSplit {
  // one space between words first: the patterns' \s* then never backtrack over long runs of blanks
  let text = (caption ?? '').replace(WHITESPACE, ' ').trim();
  if (text.length > MAX_CAPTION) {
    const out: CaptionSplit = { caption: text };
    if (tidy(credit)) out.credit = tidy(credit);
    if (tidy(by)) out.by = tidy(by);
    return out;
  }
  let foundCredit: string | undefined;
  let foundBy: string | undefined;
  let m = LEADING_PIPE.exec(text);
  if (!m) {
    const agency = LEADING_AGENCY_PIPE.exec(text);
    if (agency && AGENCY_WORDS.test(agency[1])) m = agency;
  }
  if (m) {
    foundCredit = tidy(m[1]);
    text = m[2];
  }
  if (!foundCredit && (m = TRAILING_AGENCY_PHOTO.exec(text))) {
    foundCredit = agencyName(m[1]);
    foundBy = personName(m[2].trim());
    text = text.slice(0, m.index);
  } else if (!foundCredit && (m = TRAILING_PHOTO_BY.exec(text))) {
    const split = splitCredit(m[1]);
    foundCredit = split.credit;
    foundBy = split.by;
    text = text.slice(0, m.index);
  } else if (!foundCredit && (m = TRAILING_PAREN_CREDIT.exec(text))) {
    const split = splitCredit(m[1]);
    foundCredit = split.credit;
    foundBy = split.by;
    text = text.slice(0, m.index);
  } else if (!foundCredit && (m = TRAILING_AGENCY_SLASH.exec(text))) {
    foundCredit = agencyName(m[1]);
    foundBy = personName(m[2].trim());
    text = text.slice(0, m.index);
  } else if (!foundCredit && (m = TRAILING_BRACKET_AGENCY.exec(text))) {
    foundCredit = m[1];
    text = text.slice(0, m.index);
  } else if (!foundCredit && (m = LABELLED_CREDIT.exec(text))) {
    const split = splitCredit(m[1]);
    foundCredit = split.credit;
    foundBy = split.by;
    text = text.slice(0, m.index);
  } else if (!foundCredit && (m = TRAILING_COPYRIGHT.exec(text))) {
    const split = splitCredit(m[1].replace(/\s*\d{4}$/, ''));
    foundCredit = split.credit;
    foundBy = split.by;
    text = text.slice(0, m.index);
  }
  const out: CaptionSplit = {};
  const cleanCaption = tidy(text);
  if (cleanCaption) out.caption = cleanCaption;
  const c = tidy(credit) ?? tidy(foundCredit);
  const b = tidy(by) ?? tidy(foundBy);
  if (c) out.credit = c;
  if (b) out.by = b;
  return out;
}

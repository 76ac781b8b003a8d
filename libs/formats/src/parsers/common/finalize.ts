import type { BodyBlock, WireItem, WirePicture } from '../../model/wire-item';
import { blocksToXhtml } from './xhtml';
import { photographerOf } from './captions';
import { hasMojibake } from '../../decode/mojibake';
import { repairEscapedMarkup, repairLine } from './escaped-markup';
import { liftLeadMetadata, parseDateline } from './lead';
import { headlineFromLead, liftSignOff, liftStarredNotices } from './notices';
import { uniqueSubjects } from './subjects';
import { clean, placeCase, signalsFromText, stripByPrefix, trimEndOf, uniqueStrings } from './text';

/**
 * The last step of every structured parser: lift bylines and datelines out of the body, fill what the dateline
 * says, tidy strings and lists, and build the XHTML body. Every parser ends its items here so they look alike.
 */

export interface FinalizeOptions {
  /** build bodyXhtml from the blocks (true for formats that had markup) */
  xhtml?: boolean;
}

/** "Reuters" beside the agency "reuters.com" or "Reuters": a byline that names no writer. */
function namesOnlyTheAgency(byline: string, agency: string | undefined): boolean {
  if (!agency) return false;
  const b = byline.toLowerCase().replace(/\s+/g, '');
  const a = agency.toLowerCase();
  return b === a.replace(/\s+/g, '') || b === a.split(/[.\s]/)[0];
}

/** Lifts "By X" and "CITY (AGENCY) -" out of the leading paragraphs into the item, when they are there. */
export function applyLeadMetadata(item: WireItem): void {
  const leadCount = Math.min(6, item.body.length);
  let plain = 0;
  while (plain < leadCount && item.body[plain].kind === 'p') plain++;
  if (plain === 0) return;
  const lifted = liftLeadMetadata(item.body.slice(0, plain).map((b) => b.text));
  // a byline in the copy names the writer; one in the metadata that only names the agency ("Reuters") gives way
  const agencyOnly = item.byline !== undefined && namesOnlyTheAgency(item.byline, item.agency);
  if (lifted.byline && (!item.byline || agencyOnly)) item.byline = lifted.byline;
  if (lifted.advisory) item.edNote = item.edNote ? `${item.edNote} ${lifted.advisory}` : lifted.advisory;
  if (lifted.dateline) {
    item.dateline ??= lifted.dateline;
    if (lifted.located && !item.located) item.located = lifted.located;
    if (lifted.agency && !item.agency) item.agency = lifted.agency;
  }
  if (lifted.byline || lifted.dateline || lifted.advisory) {
    const lead: BodyBlock[] = lifted.paragraphs.map((text) => ({ kind: 'p', text }));
    item.body = [...lead, ...item.body.slice(plain)];
  }
}

function tidyPicture(p: WirePicture): WirePicture | undefined {
  const out: WirePicture = {};
  for (const [k, v] of Object.entries(p) as [keyof WirePicture, unknown][]) {
    if (k === 'renditions') continue;
    const c = typeof v === 'string' ? clean(v) : undefined;
    if (c) (out as Record<string, unknown>)[k] = c;
  }
  if (p.renditions?.length) out.renditions = p.renditions.filter((r) => clean(r.href));
  if (!out.renditions?.length) delete out.renditions;
  if (p.type) out.type = p.type;
  // a credit such as "AP Photo/Evan Vucci" names the photographer
  if (out.credit && !out.by) {
    const by = photographerOf(out.credit);
    if (by) out.by = by;
  }
  const meaningful = out.uri || out.caption || out.renditions || out.name || out.credit;
  return meaningful ? out : undefined;
}

const CANONICAL = new Map<string, string | undefined>();

/**
 * Normalises a language tag the way BCP 47 writes it: "EN" → "en", "en_gb" → "en-GB", and ISO 639-2 codes to the
 * two-letter code BCP 47 prefers ("swe" → "sv", "ger"/"deu" → "de"), through the platform's CLDR aliases (Intl).
 */
export function normalizeLanguage(tag: string | undefined): string | undefined {
  const t = clean(tag)?.replace(/_/g, '-');
  if (!t || !/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(t)) return undefined;
  if (!CANONICAL.has(t)) {
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(t)[0];
    } catch {
      canonical = undefined; // not a well-formed tag after all: fall back to the case rules below
    }
    if (CANONICAL.size < 1000) CANONICAL.set(t, canonical);
  }
  const canonical = CANONICAL.get(t);
  if (canonical) return canonical;
  const [lang, ...rest] = t.split('-');
  return [
    lang.toLowerCase(),
    ...rest.map((r) =>
      r.length === 2 ? r.toUpperCase() : r.length === 4 ? r[0].toUpperCase() + r.slice(1).toLowerCase() : r,
    ),
  ].join('-');
}

const STRING_FIELDS = [
  'sourceId',
  'edNote',
  'headline',
  'subheadline',
  'slugline',
  'byline',
  'located',
  'dateline',
  'agency',
  'abstract',
  'section',
  'copyrightHolder',
  'copyrightNotice',
  'usageTerms',
] as const;

const COPYRIGHT_LINE = /^(?:©|\(c\)|copyright\b)/i;
/** Two or more groups of two to four lower-case letters joined by slashes: editors' initials ("daa/mt/msr"). */
const STAFF_INITIALS = /^\p{Ll}{2,4}(?:\/\p{Ll}{2,4})+$/u;

/** A closing "© 2024 AFP" / "Copyright ... All rights reserved" paragraph is metadata, not story. */
export function liftCopyrightLine(item: WireItem): void {
  const last = item.body[item.body.length - 1];
  if (!last || last.kind !== 'p' || !COPYRIGHT_LINE.test(last.text) || last.text.split(/\s+/).length > 40) return;
  item.body.pop();
  item.copyrightNotice ??= last.text;
}

/** Escaped markup, pseudo-elements, double escapes and mis-decoded UTF-8 in the text of a marked-up format. */
function repairText(item: WireItem): void {
  const { blocks, leftOut } = repairEscapedMarkup(item.body);
  item.body = blocks;
  if (leftOut > 0) {
    const note = `Left out ${leftOut} paragraph${leftOut === 1 ? '' : 's'} that held only markup (embed code).`;
    item.edNote = item.edNote ? `${item.edNote} ${note}` : note;
  }
  for (const f of ['headline', 'subheadline', 'abstract', 'byline', 'located'] as const) {
    const v = item[f];
    if (v && (v.includes('<') || v.includes('&') || hasMojibake(v))) item[f] = repairLine(v);
  }
}

export function finalizeItem(item: WireItem, options: FinalizeOptions = {}): WireItem {
  item.body = item.body.filter((b) => b.text.trim() !== '');
  if (options.xhtml) repairText(item);
  liftStarredNotices(item);
  liftSignOff(item);
  // an HTML body often repeats the headline as its first heading
  if (item.body[0]?.kind === 'h' && clean(item.body[0].text) === clean(item.headline)) item.body.shift();
  applyLeadMetadata(item);
  liftCopyrightLine(item);
  for (const f of STRING_FIELDS) {
    const v = clean(item[f]);
    if (v) item[f] = v;
    else delete item[f];
  }
  if (item.byline) {
    item.byline = trimEndOf(stripByPrefix(item.byline), '=<') || undefined;
    if (!item.byline) delete item.byline;
  }
  // "daa/mt/msr": the desk's staff initials name no writer; they stay with the editors
  if (item.byline && STAFF_INITIALS.test(item.byline)) {
    const note = `Staff: ${item.byline}`;
    item.edNote = item.edNote ? `${item.edNote} ${note}` : note;
    delete item.byline;
  }
  if (item.dateline && (!item.located || !item.agency)) {
    const parts = parseDateline(item.dateline);
    if (parts?.located && !item.located) item.located = parts.located;
    if (parts?.agency && !item.agency) item.agency = parts.agency;
  }
  if (item.located && item.located === item.located.toUpperCase()) item.located = placeCase(item.located);
  const language = normalizeLanguage(item.language);
  if (language) item.language = language;
  else delete item.language;
  headlineFromLead(item);
  if (item.headline && item.subheadline === item.headline) delete item.subheadline;
  if (item.abstract && item.abstract === item.headline) delete item.abstract;
  item.keywords = uniqueStrings(item.keywords);
  item.genres = uniqueStrings(item.genres);
  item.subjects = uniqueSubjects(item.subjects);
  item.pictures = item.pictures.map(tidyPicture).filter((p): p is WirePicture => p !== undefined);
  const seenLinks = new Set<string>();
  item.links = item.links.filter((l) => {
    const key = `${l.rel} ${l.href}`;
    if (!clean(l.href) || seenLinks.has(key)) return false;
    seenLinks.add(key);
    return true;
  });
  if (item.pubStatus === 'canceled') item.signals = [...(item.signals ?? []), 'kill'];
  const noted = signalsFromText(item.edNote);
  if (noted.length) item.signals = [...(item.signals ?? []), ...noted];
  if (item.signals) {
    item.signals = uniqueStrings(item.signals).map((s) => s.toLowerCase());
    if (item.signals.length === 0) delete item.signals;
  }
  if (item.altIds) {
    item.altIds = item.altIds.filter((a) => clean(a.value));
    if (item.altIds.length === 0) delete item.altIds;
  }
  if (item.packageItemIds && item.packageItemIds.length === 0) delete item.packageItemIds;
  if (options.xhtml && !item.bodyXhtml) {
    const xhtml = blocksToXhtml(item.body);
    if (xhtml) item.bodyXhtml = xhtml;
  }
  for (const k of Object.keys(item) as (keyof WireItem)[]) if (item[k] === undefined) delete item[k];
  return item;
}

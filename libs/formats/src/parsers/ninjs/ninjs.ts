import { emptyItem, type BodyBlock, type PubStatus, type WireItem, type WirePicture } from '../../model/wire-item';
import { textToBlocks } from '../common/blocks';
import { splitCaptionCredit } from '../common/captions';
import { toIsoDateTime } from '../common/dates';
import { htmlToBlocks, htmlToText } from '../common/html';
import { subjectCodeFromNumber, subjectOf } from '../common/subjects';
import { boundedInt, clean } from '../common/text';
import { declaredVersion } from '../common/version';

/**
 * ninjs 1.x, 2.x and 3.x to the story model. 1.x writes headline / body_text / body_xhtml / description_text /
 * byline and keeps associations and renditions as objects keyed by name; 2.x moved to headlines / bodies /
 * descriptions arrays with lower-case keys; 3.x camel-cases everything (versionCreated, pubStatus, by). Keys are
 * read case-insensitively, so one reader serves all three.
 */

type Json = Record<string, unknown>;

const PUB_STATUS: Record<string, PubStatus> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};
const TYPES: Record<string, WireItem['type']> = {
  text: 'text',
  picture: 'picture',
  graphic: 'graphic',
  video: 'video',
  audio: 'audio',
  composite: 'composite',
  component: 'composite',
  packagedobject: 'composite',
};
const MEDIA_TYPES = new Set(['picture', 'graphic', 'video', 'audio']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A key compared without case or underscores: versioncreated = versionCreated = version_created. */
function foldKey(key: string): string {
  const lower = key.toLowerCase();
  return lower.includes('_') ? lower.replace(/_/g, '') : lower;
}

/**
 * The folded names each field lookup asks for, by its list of names. The reader asks for a fixed set of lists (the
 * ones written in this file), so this stays small.
 */
const WANTED = new Map<string, Set<string>>();

function wantedKeys(names: string[]): Set<string> {
  const signature = names.join('\n');
  let wanted = WANTED.get(signature);
  if (!wanted) {
    wanted = new Set(names.map(foldKey));
    WANTED.set(signature, wanted);
  }
  return wanted;
}

/** A field by any of its names, compared without case or underscores (versioncreated = versionCreated). */
function field(obj: Json, ...names: string[]): unknown {
  const wanted = wantedKeys(names);
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const v = obj[k];
    if (v !== undefined && v !== null && wanted.has(foldKey(k))) return v;
  }
  return undefined;
}

function str(obj: Json, ...names: string[]): string | undefined {
  const v = field(obj, ...names);
  return typeof v === 'string' || typeof v === 'number' ? clean(String(v)) : undefined;
}

/** Arrays of objects, or 1.x objects keyed by name ({"main": {...}}) turned into arrays with that name. */
function objects(v: unknown): Json[] {
  if (Array.isArray(v)) return v.filter(isObject);
  if (isObject(v))
    return Object.entries(v)
      .filter(([, x]) => isObject(x))
      .map(([name, x]) => ({ name, ...(x as Json) }));
  return [];
}

function role(obj: Json): string {
  return (str(obj, 'role') ?? '').toLowerCase();
}

function contentType(obj: Json): string {
  return (str(obj, 'contentType', 'contenttype', 'mimetype') ?? '').toLowerCase();
}

/** A headlines/descriptions entry as plain text (values may carry markup). */
function entryText(obj: Json): string | undefined {
  const value = str(obj, 'value');
  if (!value) return undefined;
  return /html|xml/.test(contentType(obj)) || /<[a-z][^>]*>|&[a-z#0-9]+;/i.test(value)
    ? clean(htmlToText(value))
    : value;
}

const SUMMARY_ROLES = new Set([
  '',
  'summary',
  'abstract',
  'text',
  'lead',
  'ingress',
  'description',
  'teaser',
  'standfirst',
]);

function bodyBlocks(doc: Json): BodyBlock[] {
  const bodies = objects(field(doc, 'bodies'));
  if (bodies.length) {
    const main = bodies.filter((b) =>
      ['', 'main', 'text', 'richtext', 'html', 'html5', 'richhtml5', 'body'].includes(role(b)),
    );
    const candidates = main.length ? main : bodies;
    const html = candidates.find(
      (b) => /html/.test(contentType(b)) || /<\/?(?:p|div|br|section|article)\b/i.test(str(b, 'value') ?? ''),
    );
    const text = candidates.find((b) => contentType(b).startsWith('text/plain') || contentType(b) === '');
    const chosen = html ?? text;
    if (chosen) {
      const value = str(chosen, 'value') ?? '';
      return chosen === html ? htmlToBlocks(value) : textToBlocks(String(field(chosen, 'value') ?? ''));
    }
  }
  // body_html5: the BBC's variant; article_html: dpa digitalwires
  const xhtml = str(doc, 'body_xhtml', 'body_html', 'body_html5', 'article_html');
  if (xhtml) return htmlToBlocks(xhtml);
  const plain = field(doc, 'body_text', 'bodytext');
  return typeof plain === 'string' ? textToBlocks(plain) : [];
}

function renditionsOf(v: unknown): NonNullable<WirePicture['renditions']> {
  return objects(v)
    .map((r) => {
      const rendition: NonNullable<WirePicture['renditions']>[number] = { href: str(r, 'href', 'uri', 'url') ?? '' };
      const mimetype = str(r, 'contentType', 'mimetype');
      const width = boundedInt(field(r, 'width'), 1, 100000);
      const height = boundedInt(field(r, 'height'), 1, 100000);
      if (mimetype) rendition.mimetype = mimetype;
      if (width) rendition.width = width;
      if (height) rendition.height = height;
      return rendition;
    })
    .filter((r) => r.href !== '');
}

/** A media object (association, or a picture item itself) → a picture. */
function pictureOf(obj: Json, fallbackType: WirePicture['type']): WirePicture {
  const descriptions = objects(field(obj, 'descriptions'));
  const captionEntry =
    descriptions.find((d) => ['caption', ''].includes(role(d))) ?? descriptions.find((d) => SUMMARY_ROLES.has(role(d)));
  const creditEntry = descriptions.find((d) => /credit/.test(role(d)));
  const caption = splitCaptionCredit(
    (captionEntry ? entryText(captionEntry) : undefined) ?? str(obj, 'description_text', 'descriptiontext', 'caption'),
  );
  const headline = objects(field(obj, 'headlines')).map(entryText).find(Boolean) ?? str(obj, 'headline', 'title');
  const type = TYPES[(str(obj, 'type') ?? '').toLowerCase()];
  return {
    type: type && MEDIA_TYPES.has(type) ? (type as WirePicture['type']) : fallbackType,
    uri: str(obj, 'uri'),
    name: headline ?? str(obj, 'name'),
    caption: caption.caption,
    credit: (creditEntry ? entryText(creditEntry) : undefined) ?? str(obj, 'creditline', 'credit') ?? caption.credit,
    by: str(obj, 'by', 'byline') ?? caption.by,
    copyrightNotice: str(obj, 'copyrightNotice', 'copyrightnotice'),
    renditions: renditionsOf(field(obj, 'renditions')),
  };
}

function isMedia(obj: Json): boolean {
  const type = (str(obj, 'type') ?? '').toLowerCase();
  if (MEDIA_TYPES.has(type)) return true;
  return renditionsOf(field(obj, 'renditions')).some((r) => /^(?:image|video|audio)\//.test(r.mimetype ?? ''));
}

/** One ninjs document → one story. */
/**
 * dpa digitalwires' ednotes: [{role, ednote, is_publishable}]. Notes not for publication (contacts, phone numbers)
 * stay in the editor's note, marked as such, and never reach the body or a description.
 */
function digitalwiresNotes(doc: Json): string | undefined {
  const notes = objects(field(doc, 'ednotes'))
    .filter((n) => !/closingline/i.test(str(n, 'role') ?? ''))
    .map((n) => {
      const text = str(n, 'ednote');
      if (!text) return undefined;
      return field(n, 'is_publishable') === false ? `Not for publication: ${text}` : text;
    })
    .filter(Boolean);
  return notes.length ? notes.join(' ') : undefined;
}

export function ninjsToItem(doc: Json): WireItem {
  const item = emptyItem('ninjs');
  item.sourceId = str(doc, 'uri', 'guid', 'urn');
  item.version = declaredVersion(field(doc, 'version'), 'ninjs version');
  item.versionCreated = toIsoDateTime(str(doc, 'versionCreated'));
  item.firstCreated = toIsoDateTime(str(doc, 'firstCreated'));
  item.contentCreated = toIsoDateTime(str(doc, 'contentCreated'));
  item.embargoedUntil = toIsoDateTime(str(doc, 'embargoedUntil', 'embargoed'));
  const status = (str(doc, 'pubStatus') ?? '').toLowerCase();
  if (PUB_STATUS[status]) item.pubStatus = PUB_STATUS[status];
  item.type = TYPES[(str(doc, 'type') ?? 'text').toLowerCase()] ?? 'text';
  item.language = str(doc, 'language');
  item.urgency = boundedInt(field(doc, 'urgency'), 1, 9);
  item.slugline = str(doc, 'slugline');
  item.edNote = str(doc, 'edNote', 'ednote') ?? digitalwiresNotes(doc);
  item.dateline = str(doc, 'dateline');
  item.byline = str(doc, 'by', 'byline');
  item.located = str(doc, 'located');
  item.copyrightHolder = str(doc, 'copyrightHolder');
  item.copyrightNotice = str(doc, 'copyrightNotice');
  item.usageTerms = str(doc, 'usageTerms');

  const headlines = objects(field(doc, 'headlines'));
  const main = headlines.find((h) => ['', 'main', 'headline'].includes(role(h))) ?? headlines[0];
  item.headline = (main ? entryText(main) : undefined) ?? str(doc, 'headline', 'title');
  const sub = headlines.find((h) => /^sub/.test(role(h)));
  item.subheadline = sub ? entryText(sub) : undefined;

  const descriptions = objects(field(doc, 'descriptions'));
  const summary = descriptions.find((d) => SUMMARY_ROLES.has(role(d)));
  item.abstract =
    (summary ? entryText(summary) : undefined) ??
    str(doc, 'description_text', 'teaser') ??
    (str(doc, 'description_html') ? clean(htmlToText(str(doc, 'description_html') as string)) : undefined);

  item.body = bodyBlocks(doc);

  for (const s of [...objects(field(doc, 'subjects')), ...objects(field(doc, 'subject'))]) {
    const uri = str(s, 'uri');
    const literal = str(s, 'literal');
    const code = str(s, 'code', 'qcode');
    const scheme = (str(s, 'scheme') ?? '').toLowerCase();
    const name = str(s, 'name');
    const numeric = [literal, code].find((c) => c && /^\d{8}$/.test(c));
    const subject =
      (uri ? subjectOf(uri, name) : undefined) ??
      (numeric && !scheme.includes('mediatopic') ? subjectCodeFromNumber(numeric, name) : undefined) ??
      (numeric && scheme.includes('mediatopic') ? subjectOf(`medtop:${numeric}`, name) : undefined) ??
      subjectOf(code ?? literal, name);
    if (subject) item.subjects.push(subject);
  }
  for (const g of [...objects(field(doc, 'genres')), ...objects(field(doc, 'genre'))]) {
    const genre = str(g, 'name') ?? str(g, 'literal') ?? str(g, 'uri') ?? str(g, 'code');
    if (genre) item.genres.push(genre);
  }
  const keywords = field(doc, 'keywords');
  if (Array.isArray(keywords)) item.keywords = keywords.filter((k): k is string => typeof k === 'string');
  const infoSources = objects(field(doc, 'infoSources'));
  item.agency = infoSources.map((s) => str(s, 'name') ?? str(s, 'literal')).find(Boolean);

  const altIds = field(doc, 'altIds');
  const ids = Array.isArray(altIds)
    ? objects(altIds).map((a) => ({ role: str(a, 'role') ?? 'altId', value: str(a, 'value') ?? '' }))
    : isObject(altIds)
      ? Object.entries(altIds).map(([r, v]) => ({ role: r, value: typeof v === 'string' ? v : '' }))
      : [];
  if (ids.length) item.altIds = ids;

  for (const assoc of objects(field(doc, 'associations'))) {
    if (isMedia(assoc)) item.pictures.push(pictureOf(assoc, 'picture'));
    else if (str(assoc, 'uri'))
      item.links.push({
        rel: 'association',
        href: str(assoc, 'uri') as string,
        ...(str(assoc, 'name') ? { title: str(assoc, 'name') } : {}),
      });
  }
  if (item.type && MEDIA_TYPES.has(item.type) && renditionsOf(field(doc, 'renditions')).length) {
    // a picture (or video, audio) item: the item itself is the media object
    item.pictures.unshift(pictureOf(doc, item.type as WirePicture['type']));
    if (item.abstract && item.abstract === item.pictures[0].caption) delete item.abstract;
  }
  return item;
}

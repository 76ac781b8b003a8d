import { createHash } from 'node:crypto';
import {
  RAW_COPY_HREF,
  blocksToXhtml,
  type WireFormat,
  type WireItem,
  type WireLink,
  type WirePicture,
} from '@wiredesk/formats';
import {
  NINJS_SCHEMA_ID,
  NINJS_VERSION,
  isNinjsUri,
  type Ninjs,
  type NinjsAssociation,
  type NinjsBody,
  type NinjsDescription,
  type NinjsObjectType,
  type NinjsRendition,
  type NinjsSubject,
} from '@wiredesk/ninjs';
import { plainTextBody } from './body';
import { toNinjsDateTime } from './dates';
import { WIREDESK_URN_PREFIX, sourceIdUri, storyUri } from './identity';
import { countChars, countWords } from './text-stats';
import { genreOf, keywordSubject, sourceSubject } from './vocabularies';

/** What the transport knows about a delivery (wire.raw headers); only receivedAt can reach the article. */
export interface ArticleMeta {
  ingestId?: string;
  /** where the archive serves this delivery's raw copy (GET /v1/raw/{ingestId}): pictures' renditions point there */
  rawCopyUrl?: string;
  source?: string;
  /** ISO 8601; the article's versionCreated when the copy does not say */
  receivedAt?: string;
}

/** Formats that carry markup: their body also goes out as application/xhtml+xml. */
const MARKUP_FORMATS: ReadonlySet<WireFormat> = new Set([
  'html',
  'nitf',
  'newsml-g2',
  'newsml-1',
  'ninjs',
  'rss',
  'atom',
  'cp-publish',
  'ritzau',
]);

export const TEXT_PLAIN = 'text/plain';
export const XHTML = 'application/xhtml+xml';

/** Description and association roles Wiredesk writes (docs/contracts.md table). */
export const Role = {
  main: 'main',
  sub: 'sub',
  abstract: 'abstract',
  summary: 'summary',
  caption: 'caption',
  creditline: 'creditline',
  alt: 'alt',
} as const;

/**
 * One parsed story as a ninjs 3.1 article, not yet enriched: identity, versions, times, headlines, bodies with counted
 * words and characters, pictures as associations with caption and credit, the source's subjects, genres, keywords,
 * rights and ids. Only fields the copy carries are set (ninjs forbids nulls nowhere, but empty noise helps no one).
 */
export function toNinjs(item: WireItem, meta: ArticleMeta = {}): Ninjs {
  const uri = storyUri(item);
  const article: Ninjs = { uri };
  article.type = objectType(item);
  article.version = String(item.version && item.version > 0 ? Math.floor(item.version) : 1);
  article.versionCreated =
    toNinjsDateTime(item.versionCreated) ?? toNinjsDateTime(meta.receivedAt) ?? new Date().toISOString();
  setIf(article, 'firstCreated', toNinjsDateTime(item.firstCreated));
  setIf(article, 'contentCreated', toNinjsDateTime(item.contentCreated));
  setIf(article, 'embargoedUntil', toNinjsDateTime(item.embargoedUntil));
  article.pubStatus = item.pubStatus ?? 'usable';
  if (item.urgency !== undefined && Number.isInteger(item.urgency) && item.urgency >= 1 && item.urgency <= 9) {
    article.urgency = item.urgency;
  }
  setIf(article, 'language', item.language);

  const headlines = [];
  if (item.headline) headlines.push({ role: Role.main, value: item.headline });
  if (item.subheadline) headlines.push({ role: Role.sub, value: item.subheadline });
  if (headlines.length) article.headlines = headlines;
  setIf(article, 'slugline', item.slugline);
  setIf(article, 'by', item.byline);
  setIf(article, 'located', item.located);
  setIf(article, 'edNote', item.edNote);

  if (item.abstract) article.descriptions = [{ role: Role.abstract, contentType: TEXT_PLAIN, value: item.abstract }];

  const soloPicture = article.type === 'picture' && item.body.length === 0 && item.pictures.length === 1;
  if (soloPicture) {
    const { descriptions, ...picture } = pictureFields(item.pictures[0], meta);
    Object.assign(article, picture);
    if (descriptions) article.descriptions = [...(article.descriptions ?? []), ...descriptions];
  } else {
    const bodies = bodiesOf(item);
    if (bodies.length) article.bodies = bodies;
  }

  const associations = [
    ...(soloPicture ? [] : item.pictures.map((p, i) => pictureAssociation(p, i, uri, meta))),
    ...linkAssociations(item),
  ];
  if (associations.length) article.associations = associations;

  const subjects: NinjsSubject[] = [];
  for (const s of item.subjects) {
    const subject = sourceSubject(s);
    if (subject) subjects.push(subject);
  }
  for (const k of item.keywords) subjects.push(keywordSubject(k, 'source'));
  if (subjects.length) article.subjects = subjects;
  if (item.genres.length) article.genres = item.genres.map(genreOf);

  if (item.agency) article.infoSources = [{ name: item.agency, role: 'originator' }];
  setIf(article, 'copyrightHolder', item.copyrightHolder);
  setIf(article, 'copyrightNotice', item.copyrightNotice);
  setIf(article, 'usageTerms', item.usageTerms);

  const altIds = (item.altIds ?? []).filter((a) => a.value).map((a) => ({ role: a.role, value: a.value }));
  // a source id that had to be wrapped into a URN stays findable as it was sent
  if (item.sourceId && uri !== item.sourceId.trim()) altIds.unshift({ role: 'sourceId', value: item.sourceId });
  if (altIds.length) article.altIds = altIds;

  article.standard = { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA_ID };
  return article;
}

function objectType(item: WireItem): NinjsObjectType {
  if (item.type) return item.type;
  if (item.packageItemIds?.length) return 'composite';
  if (item.body.length === 0 && item.pictures.length > 0) return 'picture';
  return 'text';
}

/** The main body as text/plain and, where the source had markup, as XHTML; counts from the text. */
export function bodiesOf(item: WireItem): NinjsBody[] {
  if (item.body.length === 0 && !item.bodyXhtml) return [];
  const text = plainTextBody(item.body);
  const wordCount = countWords(text);
  const charCount = countChars(text);
  const bodies: NinjsBody[] = [];
  if (text) bodies.push({ role: Role.main, contentType: TEXT_PLAIN, value: text, wordCount, charCount });
  // plain-text formats get an XHTML body too when they hold tables: there the rows and columns survive
  const structured = item.body.some((b) => b.kind === 'table' || b.kind === 'pre');
  const xhtml =
    item.bodyXhtml ||
    ((MARKUP_FORMATS.has(item.format) || structured) && item.body.length ? blocksToXhtml(item.body) : '');
  if (xhtml) bodies.push({ role: Role.main, contentType: XHTML, value: xhtml, wordCount, charCount });
  return bodies;
}

/** caption, credit and alternative text as descriptions with their roles */
function pictureDescriptions(p: WirePicture): NinjsDescription[] {
  const descriptions: NinjsDescription[] = [];
  if (p.caption) descriptions.push({ role: Role.caption, contentType: TEXT_PLAIN, value: p.caption });
  if (p.credit) descriptions.push({ role: Role.creditline, contentType: TEXT_PLAIN, value: p.credit });
  if (p.altText) descriptions.push({ role: Role.alt, contentType: TEXT_PLAIN, value: p.altText });
  return descriptions;
}

/**
 * A rendition in the delivery itself (a picture sent as the delivery or attached to it) points at the archive's raw
 * copy of that delivery; without a known raw-copy URL (the CLI) it has none.
 */
function resolveRawCopy(href: string, meta: ArticleMeta): string | undefined {
  if (!href.startsWith(RAW_COPY_HREF)) return href;
  return meta.rawCopyUrl ? meta.rawCopyUrl + href.slice(RAW_COPY_HREF.length) : undefined;
}

function renditionsOf(p: WirePicture, meta: ArticleMeta): NinjsRendition[] {
  const renditions: NinjsRendition[] = [];
  for (const r of p.renditions ?? []) {
    const href = resolveRawCopy(r.href, meta);
    if (!href || !isNinjsUri(href)) continue; // a relative link cannot be followed by anyone downstream
    const rendition: NinjsRendition = { name: `rendition${renditions.length + 1}`, href };
    if (r.mimetype) rendition.contentType = r.mimetype;
    if (r.width && Number.isInteger(r.width)) rendition.width = r.width;
    if (r.height && Number.isInteger(r.height)) rendition.height = r.height;
    renditions.push(rendition);
  }
  return renditions;
}

/** what a picture says about itself, shared by associations and picture-only articles */
function pictureFields(p: WirePicture, meta: ArticleMeta): Partial<NinjsAssociation> {
  const fields: Partial<NinjsAssociation> = {};
  const descriptions = pictureDescriptions(p);
  if (descriptions.length) fields.descriptions = descriptions;
  if (p.by) fields.by = p.by;
  if (p.copyrightNotice) fields.copyrightNotice = p.copyrightNotice;
  const renditions = renditionsOf(p, meta);
  if (renditions.length) fields.renditions = renditions;
  return fields;
}

export function pictureAssociation(
  p: WirePicture,
  index: number,
  articleUri: string,
  meta: ArticleMeta = {},
): NinjsAssociation {
  const type = p.type ?? 'picture';
  const href = p.uri ?? p.renditions?.[0]?.href;
  // a picture inside the delivery has no identity of its own beyond the article's
  const own = href && !href.startsWith(RAW_COPY_HREF) && isNinjsUri(href);
  const uri = own ? href : derivedUri(`${articleUri}#${type}-${index + 1}`);
  return { name: p.name || `${type}${index + 1}`, uri, type, ...pictureFields(p, meta) };
}

/** links to earlier versions, corrected items, package members: partial associations carrying only the identity */
function linkAssociations(item: WireItem): NinjsAssociation[] {
  const links: WireLink[] = [...item.links];
  for (const id of item.packageItemIds ?? []) {
    if (!links.some((l) => l.rel === 'package-item' && l.href === id)) links.push({ rel: 'package-item', href: id });
  }
  return links
    .filter((l) => l.href)
    .map((l) => ({
      name: l.title || l.rel,
      uri: sourceIdUri(l.href, item.agency),
      rel: l.rel,
      representationType: 'partial' as const,
    }));
}

function derivedUri(key: string): string {
  return `${WIREDESK_URN_PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

function setIf<K extends keyof Ninjs>(article: Ninjs, key: K, value: Ninjs[K] | undefined): void {
  if (value !== undefined && value !== '') article[key] = value;
}

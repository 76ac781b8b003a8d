import { emptyItem, type PubStatus, type WireItem, type WirePicture } from '../../model/wire-item';
import {
  attr,
  attrText,
  child,
  childrenNamed,
  descendant,
  descendants,
  elementChildren,
  langOf,
  rawText,
  text,
} from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';
import { textToBlocks, xmlToBlocks } from '../common/blocks';
import { splitCaptionCredit } from '../common/captions';
import { agencyZone } from '../common/agency-zones';
import { toIsoDateTime } from '../common/dates';
import { htmlToBlocks } from '../common/html';
import { fillMissing } from '../common/merge';
import { htmlPictures } from '../common/pictures';
import { codeOf, IPTC_SCHEMES, subjectOf } from '../common/subjects';
import { boundedInt, clean } from '../common/text';
import { nitfToItem } from '../nitf/nitf';
import { declaredVersion, MAX_VERSION } from '../common/version';

/**
 * NewsML-G2 items to the story model: newsItem (text, picture, graphic, video, audio) and packageItem, alone or in a
 * newsMessage. Metadata comes from itemMeta / contentMeta / rightsInfo; the body from the contentSet (inline NITF,
 * XHTML or plain text). Qcodes are kept as given and expanded to URIs through IPTC's scheme aliases and any
 * catalog declared inline (remote catalogs are never fetched).
 */

type Schemes = Record<string, string>;

const PUB_STATUS: Record<string, PubStatus> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};
const ITEM_TYPES: Record<string, WireItem['type']> = {
  text: 'text',
  picture: 'picture',
  graphic: 'graphic',
  video: 'video',
  audio: 'audio',
  composite: 'composite',
  animated: 'graphic',
  interactive: 'composite',
};
const LINK_RELS: Record<string, string> = {
  previousversion: 'previous-version',
  seealso: 'related',
  related: 'related',
  translated: 'translation-of',
  translatedfrom: 'translation-of',
  derivedfrom: 'derived-from',
  sourceinstance: 'source',
};

/** Inline <catalog><scheme alias uri/></catalog> declarations, on top of IPTC's own aliases. */
export function inlineSchemes(el: XmlElement, inherited: Schemes = {}): Schemes {
  const schemes: Schemes = { ...inherited };
  for (const catalog of childrenNamed(el, 'catalog')) {
    for (const scheme of childrenNamed(catalog, 'scheme')) {
      const alias = attrText(scheme, 'alias');
      const uri = attrText(scheme, 'uri');
      if (alias && uri && /^https?:\/\//.test(uri)) schemes[alias] = uri;
    }
  }
  return schemes;
}

/** The text of the element among same-named siblings that matches the item language (or has none). */
function pickByLanguage(elements: XmlElement[], language: string | undefined): XmlElement | undefined {
  if (elements.length <= 1) return elements[0];
  const lang = language?.toLowerCase();
  return (
    elements.find((e) => langOf(e)?.toLowerCase() === lang) ??
    elements.find((e) => lang && langOf(e)?.toLowerCase().split('-')[0] === lang.split('-')[0]) ??
    elements.find((e) => !langOf(e)) ??
    elements[0]
  );
}

/** A concept's name: <name> in the item language, else a literal, else the code of its qcode when it reads as a word. */
function conceptName(el: XmlElement | undefined, language?: string, fromCode = true): string | undefined {
  if (!el) return undefined;
  const name = text(pickByLanguage(childrenNamed(el, 'name'), language));
  if (name) return name;
  const literal = attrText(el, 'literal');
  if (literal) return literal;
  if (!fromCode) return undefined;
  const qcode = attrText(el, 'qcode');
  const code = qcode ? qcode.slice(qcode.indexOf(':') + 1) : undefined;
  return code && /^\p{L}[\p{L} .'-]*$/u.test(code) ? code : undefined;
}

function roleOf(el: XmlElement): string {
  return codeOf(attr(el, 'role') ?? '').toLowerCase();
}

/** A guid that ends in ":<version>" loses it: every version of a story shares one sourceId. */
function withoutVersion(guid: string | undefined, version: number | undefined): string | undefined {
  if (!guid || version === undefined) return guid;
  const suffix = `:${version}`;
  return guid.endsWith(suffix) && guid.length > suffix.length ? guid.slice(0, -suffix.length) : guid;
}

/** The text an <inlineData> carries, base64-decoded when it says so. */
function decodeInlineData(el: XmlElement): string {
  const raw = rawText(el);
  if ((attr(el, 'encoding') ?? '').toLowerCase() !== 'base64') return raw;
  const compact = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return '';
  return Buffer.from(compact, 'base64').toString('utf8');
}

/**
 * dpa's XHTML bodies open with a <header>: publication time, a slugline list of subjects and keywords, the headline
 * again, the kicker and the byline. That is metadata the item already carries (contentMeta), not story text: the
 * header is lifted out of the body, its keywords and byline kept where the item has none.
 */
function withoutHeaderBlock(body: XmlElement, item: WireItem): XmlElement {
  const headers = elementChildren(body).filter((c) => c.local === 'header');
  if (headers.length === 0) return body;
  for (const header of headers) {
    for (const li of descendants(header, 'li')) {
      const cls = attr(li, 'class') ?? '';
      const value = text(li);
      if (value && /keyword/.test(cls)) item.keywords.push(value);
    }
    const byline = descendants(header, 'p').find((p) => /byline/.test(attr(p, 'class') ?? ''));
    item.byline ??= text(byline);
  }
  return { ...body, children: body.children.filter((c) => typeof c === 'string' || c.local !== 'header') };
}

/** A creator or contributor named by a system user id ("engler.angelika", "jdoe_2"), which is no byline. */
function isUserId(name: string): boolean {
  return /^[\p{Ll}\d]+(?:[._-][\p{Ll}\d]+)+$/u.test(name);
}

/** The body from a contentSet: inline NITF, XHTML or text. Returns a partial item to merge. */
function contentSetBody(contentSet: XmlElement | undefined): WireItem | undefined {
  for (const rendition of elementChildren(contentSet)) {
    const contentType = (attr(rendition, 'contenttype') ?? '').toLowerCase();
    if (rendition.local === 'inlineXML') {
      const nitf =
        descendant(rendition, 'nitf') ??
        (rendition.children.some((c) => typeof c !== 'string' && c.local === 'body.content') ? rendition : undefined);
      if (nitf && (contentType.includes('nitf') || !contentType.includes('html'))) {
        const fromNitf = nitfToItem(nitf, 'newsml-g2');
        if (fromNitf.body.length || fromNitf.headline) return fromNitf;
      }
      const html = descendant(rendition, 'body') ?? descendant(rendition, 'html') ?? rendition;
      const item = emptyItem('newsml-g2');
      item.body = xmlToBlocks(withoutHeaderBlock(html, item));
      item.pictures = htmlPictures(html);
      if (item.body.length) return item;
    } else if (rendition.local === 'inlineData') {
      const data = decodeInlineData(rendition);
      if (!data.trim()) continue;
      const item = emptyItem('newsml-g2');
      item.body = contentType.includes('html') ? htmlToBlocks(data) : textToBlocks(data);
      if (item.body.length) return item;
    }
  }
  return undefined;
}

function renditionsOf(contentSet: XmlElement | undefined): NonNullable<WirePicture['renditions']> {
  return childrenNamed(contentSet, 'remoteContent')
    .map((rc) => {
      const r: NonNullable<WirePicture['renditions']>[number] = {
        href: attrText(rc, 'href') ?? attrText(rc, 'residref') ?? '',
      };
      const mimetype = attrText(rc, 'contenttype');
      const width = boundedInt(attr(rc, 'width'), 1, 100000);
      const height = boundedInt(attr(rc, 'height'), 1, 100000);
      if (mimetype) r.mimetype = mimetype;
      if (width) r.width = width;
      if (height) r.height = height;
      return r;
    })
    .filter((r) => r.href !== '');
}

/** Metadata every G2 item shares (newsItem and packageItem). */
function readCommon(el: XmlElement, item: WireItem, schemes: Schemes): { language?: string } {
  const version = declaredVersion(attr(el, 'version'), 'newsItem version');
  item.version = version;
  item.sourceId = withoutVersion(attrText(el, 'guid'), version);
  // an explicit <language> element wins over xml:lang (which may only say how the metadata is written)
  const contentMeta = child(el, 'contentMeta');
  const language =
    attrText(child(contentMeta, 'language'), 'tag') ??
    langOf(el) ??
    langOf(child(contentMeta, 'headline')) ??
    langOf(child(contentMeta, 'description'));
  item.language = language;

  const rights = child(el, 'rightsInfo');
  const holder = child(rights, 'copyrightHolder');
  item.copyrightHolder = conceptName(holder, language) ?? attrText(holder, 'uri');
  item.copyrightNotice = text(pickByLanguage(childrenNamed(rights, 'copyrightNotice'), language));
  item.usageTerms = text(pickByLanguage(childrenNamed(rights, 'usageTerms'), language));

  const meta = child(el, 'itemMeta');
  const itemClass = codeOf(attr(child(meta, 'itemClass'), 'qcode') ?? '').toLowerCase();
  item.type = ITEM_TYPES[itemClass] ?? (el.local === 'packageItem' ? 'composite' : 'text');
  const provider = child(meta, 'provider');
  item.agency = conceptName(provider, language);
  // zone-less times are the sender's local time (STT writes "2018-04-04T04:05:16", Helsinki time)
  const zone = agencyZone(attrText(provider, 'literal'), attrText(provider, 'qcode'), item.agency, item.sourceId);
  const date = (el: XmlElement | undefined) => toIsoDateTime(text(el), { zone });
  const content = child(el, 'contentMeta');
  item.contentCreated = date(child(content, 'contentCreated'));
  // archive copy may leave the item's own dates empty: the content's dates are the story's, never "now"
  item.versionCreated =
    date(child(meta, 'versionCreated')) ?? date(child(content, 'contentModified')) ?? item.contentCreated;
  item.firstCreated = date(child(meta, 'firstCreated')) ?? item.contentCreated;
  item.embargoedUntil = date(child(meta, 'embargoed'));
  const status = codeOf(attr(child(meta, 'pubStatus'), 'qcode') ?? '').toLowerCase();
  if (PUB_STATUS[status]) item.pubStatus = PUB_STATUS[status];
  const notes = childrenNamed(meta, 'edNote')
    .map((n) => text(n))
    .filter(Boolean);
  if (notes.length) item.edNote = notes.join(' ');
  const signals = childrenNamed(meta, 'signal')
    .map((s) => codeOf(attr(s, 'qcode') ?? attr(s, 'uri') ?? '').toLowerCase())
    .filter((s) => s !== '');
  if (signals.length) item.signals = signals;
  for (const link of childrenNamed(meta, 'link')) {
    const href = attrText(link, 'residref') ?? attrText(link, 'href');
    if (!href) continue;
    const rel = codeOf(attr(link, 'rel') ?? 'related');
    const linkVersion = attrText(link, 'version');
    item.links.push({
      rel: LINK_RELS[rel.toLowerCase()] ?? rel,
      href: withoutVersion(href, boundedInt(linkVersion, 1, MAX_VERSION)) ?? href,
      ...(linkVersion ? { title: `version ${linkVersion}` } : {}),
    });
  }
  const title = text(child(meta, 'title'));

  item.urgency = boundedInt(text(child(content, 'urgency')), 1, 9);
  const headlines = childrenNamed(content, 'headline');
  const main = headlines.filter((h) => ['', 'main', 'headline'].includes(roleOf(h)));
  item.headline = text(pickByLanguage(main.length ? main : headlines, language)) ?? title;
  const subs = headlines.filter((h) => /^(?:sub|subtitle|subhead|subheadline|alternate)$/.test(roleOf(h)));
  item.subheadline = text(pickByLanguage(subs, language));
  item.slugline = text(child(content, 'slugline'));
  item.dateline = text(child(content, 'dateline'));
  item.located = conceptName(child(content, 'located'), language);
  const by = text(pickByLanguage(childrenNamed(content, 'by'), language));
  const writers = childrenNamed(content, 'creator')
    .filter((c) => !/photo|camera|video|graphic/i.test(attr(c, 'role') ?? ''))
    .map((c) => conceptName(c, language))
    .filter((n): n is string => n !== undefined && !isUserId(n));
  item.byline = by ?? (writers.length ? writers.join(', ') : undefined);
  item.agency ??= conceptName(child(content, 'infoSource'), language);
  const descriptions = childrenNamed(content, 'description');
  const summaries = descriptions.filter((d) => ['', 'summary', 'abstract', 'lead', 'synopsis'].includes(roleOf(d)));
  item.abstract = text(pickByLanguage(summaries, language));
  for (const s of childrenNamed(content, 'subject')) {
    const subject = subjectOf(attr(s, 'qcode') ?? attr(s, 'uri'), conceptName(s, language, false), schemes);
    if (subject) item.subjects.push(subject);
  }
  item.genres = childrenNamed(content, 'genre')
    .map((g) => conceptName(g, language) ?? attrText(g, 'qcode'))
    .filter((g): g is string => g !== undefined);
  item.keywords = childrenNamed(content, 'keyword')
    .map((k) => text(k))
    .filter((k): k is string => k !== undefined);
  const altIds = childrenNamed(content, 'altId')
    .map((a) => ({ role: codeOf(attr(a, 'type') ?? 'altId'), value: text(a) ?? attrText(a, 'id') ?? '' }))
    .filter((a) => a.value !== '');
  if (altIds.length) item.altIds = altIds;
  return { language };
}

/** One newsItem. */
export function newsItemToItem(el: XmlElement, inherited: Schemes = IPTC_SCHEMES): WireItem {
  const item = emptyItem('newsml-g2');
  const schemes = inlineSchemes(el, inherited);
  const { language } = readCommon(el, item, schemes);
  const content = child(el, 'contentMeta');
  const contentSet = child(el, 'contentSet');

  if (item.type === 'picture' || item.type === 'graphic' || item.type === 'video' || item.type === 'audio') {
    // a media item: the item itself is the picture
    const captionEl = pickByLanguage(
      childrenNamed(content, 'description').filter((d) => roleOf(d) === 'caption'),
      language,
    );
    const caption = splitCaptionCredit(text(captionEl) ?? item.abstract);
    if (!captionEl) delete item.abstract;
    const photographers = childrenNamed(content, 'creator')
      .filter((c) => !attr(c, 'role') || /photo|camera|video|graphic/i.test(attr(c, 'role') ?? ''))
      .map((c) => conceptName(c, language))
      .filter((n): n is string => n !== undefined);
    item.pictures.push({
      type: item.type,
      uri: item.sourceId,
      name: item.headline,
      caption: caption.caption,
      credit: text(child(content, 'creditline')) ?? caption.credit,
      by: photographers[0] ?? caption.by,
      copyrightNotice: item.copyrightNotice,
      renditions: renditionsOf(contentSet),
    });
    if (item.byline === photographers.join(', ')) delete item.byline;
    item.byline ??= photographers[0];
  }

  const body = contentSetBody(contentSet);
  if (body) fillMissing(item, body);
  return item;
}

/** One packageItem: an item that groups others, linking each member. */
export function packageItemToItem(el: XmlElement, inherited: Schemes = IPTC_SCHEMES): WireItem {
  const item = emptyItem('newsml-g2');
  readCommon(el, item, inlineSchemes(el, inherited));
  item.type = 'composite';
  // itemRefs live in a groupSet; early and home-made packages put them straight under the packageItem
  const groupSet = child(el, 'groupSet');
  const refs = groupSet ? descendants(groupSet, 'itemRef') : childrenNamed(el, 'itemRef');
  item.packageItemIds = [];
  for (const ref of refs) {
    const id = attrText(ref, 'residref') ?? attrText(ref, 'href');
    if (!id) continue;
    item.packageItemIds.push(id);
    item.links.push({
      rel: 'package-item',
      href: id,
      ...(text(child(ref, 'title')) ? { title: text(child(ref, 'title')) } : {}),
    });
  }
  return item;
}

/** Whether an item says anything worth an article: a headline, text, media, or a kill. */
export function hasContent(item: WireItem): boolean {
  return Boolean(
    item.headline ||
    item.body.length ||
    item.pictures.length ||
    item.packageItemIds?.length ||
    item.pubStatus === 'canceled' ||
    clean(item.abstract),
  );
}

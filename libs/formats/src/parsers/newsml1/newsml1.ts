import { emptyItem, type PubStatus, type WireItem, type WirePicture } from '../../model/wire-item';
import { attr, attrText, child, childrenNamed, descendant, descendants, langOf, rawText, text } from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';
import { textToBlocks, xmlToBlocks } from '../common/blocks';
import { splitCaptionCredit } from '../common/captions';
import { agencyZone } from '../common/agency-zones';
import { toIsoDateTime } from '../common/dates';
import { htmlToBlocks, htmlToText } from '../common/html';
import { parseDateline } from '../common/lead';
import { fillMissing } from '../common/merge';
import { subjectCodeFromNumber, subjectOf } from '../common/subjects';
import { boundedInt, clean } from '../common/text';
import { nitfToItem } from '../nitf/nitf';
import { declaredVersion, MAX_VERSION } from '../common/version';

/**
 * NewsML 1.2 (AFP, ANA-MPE, Belga and others): NewsItem → Identification, NewsManagement and a tree of
 * NewsComponents. The top component carries NewsLines and metadata; nested components carry the text (DataContent
 * with NITF, XHTML, HTML in CDATA or plain text) and the photos with their captions.
 */

const STATUS: Record<string, PubStatus> = {
  usable: 'usable',
  withheld: 'withheld',
  embargoed: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
  killed: 'canceled',
};
const MEDIA_KINDS: Record<string, WirePicture['type']> = {
  photo: 'picture',
  picture: 'picture',
  image: 'picture',
  graphic: 'graphic',
  graphics: 'graphic',
  video: 'video',
  audio: 'audio',
  sound: 'audio',
};

const formal = (el: XmlElement | undefined) => attrText(el, 'FormalName');

/** Photo, graphic, video or audio content item, by its MediaType or MimeType. */
function mediaKind(contentItem: XmlElement): WirePicture['type'] | undefined {
  const mediaType = formal(child(contentItem, 'MediaType'))?.toLowerCase();
  if (mediaType && MEDIA_KINDS[mediaType]) return MEDIA_KINDS[mediaType];
  const mime = formal(child(contentItem, 'MimeType'))?.toLowerCase() ?? '';
  if (mime.startsWith('image/')) return 'picture';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return undefined;
}

function isTextItem(contentItem: XmlElement): boolean {
  if (mediaKind(contentItem)) return false;
  return child(contentItem, 'DataContent') !== undefined;
}

function roleOf(component: XmlElement): string {
  return (formal(child(component, 'Role')) ?? '').toLowerCase();
}

function characteristic(contentItem: XmlElement, ...names: string[]): string | undefined {
  const props = childrenNamed(child(contentItem, 'Characteristics'), 'Property');
  const found = props.find((p) => names.some((n) => n.toLowerCase() === (formal(p) ?? '').toLowerCase()));
  return attrText(found, 'Value');
}

/** The body a DataContent holds: NITF, XHTML elements, HTML in CDATA, or plain text. */
function dataContentItem(contentItem: XmlElement): WireItem | undefined {
  const data = child(contentItem, 'DataContent');
  if (!data) return undefined;
  const nitf = descendant(data, 'nitf');
  if (nitf) return nitfToItem(nitf, 'newsml-1');
  const item = emptyItem('newsml-1');
  const hasElements = data.children.some((c) => typeof c !== 'string');
  if (hasElements) {
    const body = descendant(data, 'body') ?? data;
    item.body = xmlToBlocks(body);
  } else {
    const raw = rawText(data);
    const format = (formal(child(contentItem, 'Format')) ?? formal(child(contentItem, 'MimeType')) ?? '').toLowerCase();
    item.body = /<\/?[a-z][^>]*>/i.test(raw) || format.includes('html') ? htmlToBlocks(raw) : textToBlocks(raw);
  }
  return item.body.length ? item : undefined;
}

function newsLineText(lines: XmlElement | undefined, ...types: string[]): string | undefined {
  for (const line of childrenNamed(lines, 'NewsLine')) {
    const type = (formal(child(line, 'NewsLineType')) ?? '').toLowerCase();
    if (types.includes(type)) return text(child(line, 'NewsLineText'));
  }
  return undefined;
}

/** A media component (photo with its renditions, NewsLines and caption component) → a picture. */
function pictureOf(component: XmlElement, kind: WirePicture['type']): WirePicture {
  const lines = child(component, 'NewsLines');
  const contentItems = descendants(component, 'ContentItem');
  const media = contentItems.filter((c) => mediaKind(c));
  const captionComponent = descendants(component, 'NewsComponent').find((c) => /caption/.test(roleOf(c)));
  const captionItem = captionComponent
    ? descendants(captionComponent, 'ContentItem').find(isTextItem)
    : contentItems.find(isTextItem);
  const captionText =
    newsLineText(lines, 'caption', 'legend', 'description') ??
    (captionItem ? htmlToText(rawText(child(captionItem, 'DataContent'))) || undefined : undefined) ??
    text(child(lines, 'HeadLine'));
  const caption = splitCaptionCredit(captionText);
  const first = media[0];
  return {
    type: kind,
    uri: attrText(first, 'Href') ?? attrText(component, 'Duid'),
    name: text(child(lines, 'HeadLine')),
    caption: caption.caption,
    credit: text(child(lines, 'CreditLine')) ?? caption.credit,
    by: text(child(lines, 'ByLine')) ?? caption.by,
    copyrightNotice: text(child(lines, 'CopyrightLine')),
    renditions: media
      .map((m) => {
        const r: NonNullable<WirePicture['renditions']>[number] = { href: attrText(m, 'Href') ?? '' };
        const mimetype = formal(child(m, 'MimeType'));
        const width = boundedInt(characteristic(m, 'Width'), 1, 100000);
        const height = boundedInt(characteristic(m, 'Height'), 1, 100000);
        if (mimetype) r.mimetype = mimetype;
        if (width) r.width = width;
        if (height) r.height = height;
        return r;
      })
      .filter((r) => r.href !== ''),
  };
}

interface Found {
  bodies: { item: WireItem; role: string; words?: number }[];
  pictures: WirePicture[];
}

/** Component roles that hold the headline or a summary again, never the story text (Belga: Title, Lead, Body). */
const NOT_BODY_ROLES = /^(?:title|headline|head|hl|kicker|keywords?)$/;
/** Roles whose text leads the body (an intro before the body proper). */
const LEAD_ROLES = /^(?:lead|intro|teaser)$/;
/** Roles that are the story text itself. */
const MAIN_ROLES = /^(?:main|body|text|story)$/;

/**
 * The body of a component tree: the Main/Body component (after a Lead component when there is one), else the first
 * unnamed text component; a Title component is the headline again and never the body.
 */
function chooseBody(found: Found): { item: WireItem; words?: number } | undefined {
  const candidates = found.bodies.filter((b) => !NOT_BODY_ROLES.test(b.role));
  const main = candidates.find((b) => MAIN_ROLES.test(b.role)) ?? candidates.find((b) => b.role === '');
  const lead = candidates.find((b) => LEAD_ROLES.test(b.role));
  if (main && lead) {
    const item = { ...main.item, body: [...lead.item.body, ...main.item.body] };
    return { item, words: main.words };
  }
  return main ?? lead ?? candidates[0];
}

/** Walks the component tree: text content items become body candidates, media components become pictures. */
function collect(component: XmlElement, found: Found, depth: number): void {
  if (depth > 100) return;
  const role = roleOf(component);
  const direct = childrenNamed(component, 'ContentItem');
  const mediaItems = direct.map((c) => mediaKind(c)).filter(Boolean);
  const roleKind = MEDIA_KINDS[role];
  if (mediaItems.length > 0 || roleKind) {
    found.pictures.push(pictureOf(component, roleKind ?? mediaItems[0]));
    return;
  }
  if (/caption/.test(role)) return;
  for (const ci of direct.filter(isTextItem)) {
    const item = dataContentItem(ci);
    if (item)
      found.bodies.push({
        item,
        role,
        words: boundedInt(characteristic(ci, 'WordCount', 'Words'), 0, 10_000_000),
      });
  }
  for (const sub of childrenNamed(component, 'NewsComponent')) collect(sub, found, depth + 1);
}

function readNewsLines(lines: XmlElement | undefined, item: WireItem): void {
  if (!lines) return;
  item.headline ??= text(child(lines, 'HeadLine'));
  item.subheadline ??= text(child(lines, 'SubHeadLine'));
  const byline = text(child(lines, 'ByLine'));
  const title = text(child(lines, 'ByLineTitle'));
  item.byline ??= byline && title ? `${byline}, ${title}` : (byline ?? title);
  item.dateline ??= text(child(lines, 'DateLine'));
  item.slugline ??= text(child(lines, 'SlugLine'));
  item.copyrightNotice ??= text(child(lines, 'CopyrightLine'));
  const credit = text(child(lines, 'CreditLine'));
  if (credit) item.agency ??= credit;
  for (const kw of childrenNamed(lines, 'KeywordLine')) {
    const k = text(kw);
    if (k) item.keywords.push(...k.split(/\s*[,;/]\s*/));
  }
  const note = newsLineText(lines, 'ednote', 'editorial note', 'editorialnote', 'note', 'advisory', 'advisoryline');
  if (note) item.edNote ??= note;
}

function readDescriptive(meta: XmlElement | undefined, item: WireItem): void {
  if (!meta) return;
  item.language ??= formal(child(meta, 'Language'));
  for (const code of childrenNamed(meta, 'SubjectCode')) {
    for (const s of childrenNamed(code, 'Subject', 'SubjectMatter', 'SubjectDetail')) {
      const subject = subjectCodeFromNumber(formal(s)) ?? subjectOf(formal(s), undefined);
      if (subject) item.subjects.push(subject);
    }
  }
  for (const g of childrenNamed(meta, 'Genre')) {
    const genre = formal(g);
    if (genre) item.genres.push(genre);
  }
  const properties = [...childrenNamed(meta, 'Property'), ...descendants(child(meta, 'Location'), 'Property')];
  const value = (name: string) =>
    attrText(
      properties.find((p) => (formal(p) ?? '').toLowerCase() === name),
      'Value',
    );
  for (const p of properties)
    if ((formal(p) ?? '').toLowerCase() === 'keyword') item.keywords.push(attrText(p, 'Value') ?? '');
  const city = value('city');
  const country = value('country');
  if (city) item.located ??= country && !/^[A-Z]{2,3}$/.test(country) ? `${city}, ${country}` : city;
}

/** ANA-MPE style <TopicSet><Topic>: subject codes with names in several languages. */
function readTopics(component: XmlElement, item: WireItem): void {
  const topics = childrenNamed(component, 'TopicSet').flatMap((set) => childrenNamed(set, 'Topic'));
  for (const topic of topics) {
    const formalName = child(topic, 'FormalName');
    const scheme = attrText(formalName, 'Scheme') ?? '';
    const code = text(formalName);
    if (!code) continue;
    const names = childrenNamed(topic, 'Description').filter(
      (d) => (attr(d, 'Variant') ?? 'Name').toLowerCase() === 'name',
    );
    const lang = item.language?.toLowerCase();
    const name = text(
      names.find((d) => langOf(d)?.toLowerCase() === lang) ?? names.find((d) => langOf(d) === 'en') ?? names[0],
    );
    const subject =
      /subject/i.test(scheme) || /^\d{8}$/.test(code) ? subjectCodeFromNumber(code, name) : subjectOf(code, name);
    if (subject) item.subjects.push(subject);
  }
}

function identity(newsItem: XmlElement, item: WireItem): void {
  const id = path3(newsItem, 'Identification', 'NewsIdentifier');
  const provider = text(child(id, 'ProviderId'));
  const dateId = text(child(id, 'DateId'));
  const newsItemId = text(child(id, 'NewsItemId'));
  const revision = child(id, 'RevisionId');
  const publicId = text(child(id, 'PublicIdentifier'));
  item.version = declaredVersion(text(revision), 'NewsML RevisionId');
  if (provider && dateId && newsItemId) item.sourceId = `urn:newsml:${provider}:${dateId}:${newsItemId}`;
  else if (publicId) item.sourceId = publicId.replace(/:\d+[A-Z]?$/, '');
  else item.sourceId = attrText(newsItem, 'Duid');
  if (publicId) item.altIds = [{ role: 'PublicIdentifier', value: publicId }];
  const previous = boundedInt(attr(revision, 'PreviousRevision'), 1, MAX_VERSION);
  if (previous && item.sourceId)
    item.links.push({ rel: 'previous-version', href: item.sourceId, title: `version ${previous}` });
}

/** The ProviderId ("afp.com"): the agency of last resort, after NewsLines, metadata and the dateline. */
export function providerIdOf(newsItem: XmlElement): string | undefined {
  return text(child(path3(newsItem, 'Identification', 'NewsIdentifier'), 'ProviderId'));
}

function path3(el: XmlElement, a: string, b: string): XmlElement | undefined {
  return child(child(el, a), b);
}

function management(newsItem: XmlElement, item: WireItem, envelope: XmlElement | undefined): void {
  const m = child(newsItem, 'NewsManagement');
  const status = formal(child(m, 'Status'))?.toLowerCase();
  if (status && STATUS[status]) item.pubStatus = STATUS[status];
  item.urgency = boundedInt(formal(child(m, 'Urgency')), 1, 9) ?? boundedInt(formal(child(envelope, 'Priority')), 1, 9);
  // zone-less times are the sender's local time (Belga writes "20190129T124550", Brussels time)
  const zone = agencyZone(providerIdOf(newsItem));
  const date = (el: XmlElement | undefined) => toIsoDateTime(text(el), { zone });
  item.firstCreated = date(child(m, 'FirstCreated'));
  item.versionCreated = date(child(m, 'ThisRevisionCreated')) ?? date(child(envelope, 'DateAndTime'));
  for (const instruction of childrenNamed(m, 'Instruction')) {
    const what = (formal(instruction) ?? '').toLowerCase();
    if (/rectif|correct/.test(what)) item.signals = [...(item.signals ?? []), 'correction'];
    else if (/update|replace|lead/.test(what)) item.signals = [...(item.signals ?? []), 'update'];
    else if (/delete|kill|cancel|withdraw/.test(what)) item.pubStatus = 'canceled';
  }
  const change = child(m, 'StatusWillChange');
  const future = formal(child(change, 'FutureStatus'))?.toLowerCase();
  const when = date(child(change, 'DateAndTime'));
  if (future === 'usable' && when && item.pubStatus !== 'canceled') {
    item.embargoedUntil = when;
    item.pubStatus = 'usable';
  }
  const itemType = formal(child(m, 'NewsItemType'))?.toLowerCase();
  if (itemType === 'alert' || itemType === 'flash') item.genres.push(formal(child(m, 'NewsItemType')) as string);
}

/**
 * The components that are stories of their own. Usually the top component is the one story; when it holds two or
 * more text components that each carry their own NewsLines with a headline (Belga sends a Dutch and a French
 * version, each with Title, Lead and Body components), each of them is a story.
 */
function storyComponents(top: XmlElement): XmlElement[] {
  const stories = childrenNamed(top, 'NewsComponent').filter(
    (c) =>
      !MEDIA_KINDS[roleOf(c)] &&
      text(child(child(c, 'NewsLines'), 'HeadLine')) !== undefined &&
      descendants(c, 'ContentItem').some(isTextItem),
  );
  return stories.length >= 2 ? stories : [top];
}

/** The language the item states: an explicit Language element wins over an xml:lang attribute. */
function declaredLanguage(top: XmlElement, story: XmlElement): string | undefined {
  const explicit = [story, top].map((c) => formal(descendants(c, 'Language')[0])).find((l) => l !== undefined);
  return explicit ?? langOf(story) ?? langOf(top);
}

/** One NewsItem → its stories (none when it carries no component, e.g. a bare <Update>). */
export function newsItemToItems(newsItem: XmlElement, envelope?: XmlElement): WireItem[] {
  const top = child(newsItem, 'NewsComponent');
  if (!top) return [];
  const stories = storyComponents(top);
  const items: WireItem[] = [];
  for (const story of stories) {
    const item = storyToItem(newsItem, envelope, top, story);
    if (!item) continue;
    // two stories in one item need two identities: the component's own id tells them apart
    const duid = attrText(story, 'Duid');
    if (stories.length > 1 && item.sourceId) item.sourceId = `${item.sourceId}:${duid ?? items.length + 1}`;
    items.push(item);
  }
  return items;
}

function storyToItem(
  newsItem: XmlElement,
  envelope: XmlElement | undefined,
  top: XmlElement,
  story: XmlElement,
): WireItem | undefined {
  const item = emptyItem('newsml-1');
  identity(newsItem, item);
  management(newsItem, item, envelope);
  item.language = declaredLanguage(top, story);

  // the story component's own lines first: readNewsLines and readDescriptive only fill what is missing
  const scopes = story === top ? [top] : [story, top];
  for (const scope of scopes) {
    readNewsLines(child(scope, 'NewsLines'), item);
    readDescriptive(child(scope, 'DescriptiveMetadata'), item);
    readTopics(scope, item);
  }
  const admin = child(top, 'AdministrativeMetadata');
  item.agency =
    formal(descendant(child(admin, 'Provider'), 'Party')) ??
    formal(descendant(child(admin, 'Source'), 'Party')) ??
    item.agency;
  const rights = child(top, 'RightsMetadata');
  const holder = text(descendant(rights, 'CopyrightHolder'));
  if (holder) item.copyrightHolder = holder;
  const year = text(descendant(rights, 'CopyrightDate'));
  if (holder && !item.copyrightNotice)
    item.copyrightNotice = year ? `Copyright ${year} ${holder}` : `Copyright ${holder}`;
  item.usageTerms = text(descendant(rights, 'UsageType')) ?? text(descendant(rights, 'Geography'));

  const found: Found = { bodies: [], pictures: [] };
  collect(story, found, 0);
  const body = chooseBody(found);
  if (body) {
    if (body.words !== undefined) item.declaredWordCount = body.words;
    fillMissing(item, body.item);
  }
  item.pictures.push(...found.pictures);

  // metadata that sits only in a nested component (some senders leave the top one bare)
  for (const c of descendants(story, 'NewsComponent')) {
    if (MEDIA_KINDS[roleOf(c)]) continue;
    readNewsLines(child(c, 'NewsLines'), item);
    readDescriptive(child(c, 'DescriptiveMetadata'), item);
  }
  // the dateline names where the story was written; a Location property may name a bureau or an origin elsewhere
  const datelinePlace = item.dateline ? parseDateline(item.dateline)?.located : undefined;
  if (datelinePlace) item.located = datelinePlace;
  item.type = item.body.length || !item.pictures.length ? 'text' : (item.pictures[0].type ?? 'picture');
  if (!clean(item.headline) && item.body.length === 0 && item.pictures.length === 0 && item.pubStatus !== 'canceled')
    return undefined;
  return item;
}

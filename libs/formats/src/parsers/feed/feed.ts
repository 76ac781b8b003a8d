import { emptyItem, type BodyBlock, type WireItem, type WirePicture } from '../../model/wire-item';
import { attr, attrText, child, childrenNamed, langOf, rawText, text } from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';
import { textToBlocks, xmlToBlocks } from '../common/blocks';
import { splitCaptionCredit } from '../common/captions';
import { toIsoDateTime, unreadDateNote } from '../common/dates';
import { applyLeadMetadata } from '../common/finalize';
import { htmlToText, htmlToTree } from '../common/html';
import { stripShortcodes } from '../common/shortcodes';
import { htmlPictures } from '../common/pictures';
import { boundedInt, clean, uniqueStrings } from '../common/text';
import { isWxrItem, wxrContentHtml } from './wordpress';

/**
 * RSS 2.0 (and RSS 1.0 / RDF) and Atom entries to the story model: one item per <item> or <entry>. Titles,
 * descriptions and content are HTML more often than not (escaped or in CDATA); they go through the HTML reader.
 * Pictures come from Media RSS (media:content, media:group, media:thumbnail), enclosures and the <figure>/<img>
 * elements of the content.
 */

export interface FeedDefaults {
  language?: string;
  copyrightNotice?: string;
  /** the channel's own date (pubDate, lastBuildDate): the latest its undated items can be */
  date?: string;
}

/** HTML-bearing text (escaped markup or entities) to one clean line. */
function htmlLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return clean(/[<&]/.test(value) ? htmlToText(value) : value);
}

function mediaType(type: string | undefined, medium: string | undefined): WirePicture['type'] | undefined {
  const t = `${medium ?? ''} ${type ?? ''}`.toLowerCase();
  if (/image/.test(t)) return 'picture';
  if (/video/.test(t)) return 'video';
  if (/audio/.test(t)) return 'audio';
  return undefined;
}

/** media:content (alone or inside media:group) → picture; credit and description may sit on the group. */
function mediaPictures(entry: XmlElement): WirePicture[] {
  const pictures: WirePicture[] = [];
  const fromContent = (content: XmlElement, group?: XmlElement): WirePicture | undefined => {
    const url = attrText(content, 'url');
    const type =
      mediaType(attr(content, 'type'), attr(content, 'medium')) ??
      (url && /\.(?:jpe?g|png|gif|webp)(?:\?|$)/i.test(url) ? 'picture' : undefined);
    if (!url || !type) return undefined;
    const description = child(content, 'description') ?? child(group, 'description');
    const captionText = description
      ? (attr(description, 'type') ?? '') === 'html'
        ? htmlLine(rawText(description))
        : text(description)
      : undefined;
    const caption = splitCaptionCredit(captionText ?? text(child(content, 'title') ?? child(group, 'title')));
    const credit = text(child(content, 'credit') ?? child(group, 'credit'));
    const rendition: NonNullable<WirePicture['renditions']>[number] = { href: url };
    const mimetype = attrText(content, 'type');
    const width = boundedInt(attr(content, 'width'), 1, 100000);
    const height = boundedInt(attr(content, 'height'), 1, 100000);
    if (mimetype) rendition.mimetype = mimetype;
    if (width) rendition.width = width;
    if (height) rendition.height = height;
    return {
      type,
      uri: url,
      name: text(child(content, 'title') ?? child(group, 'title')),
      caption: caption.caption,
      credit: credit ?? caption.credit,
      by: caption.by,
      copyrightNotice: text(child(content, 'copyright') ?? child(group, 'copyright')),
      renditions: [rendition],
    };
  };
  for (const group of childrenNamed(entry, 'group')) {
    const contents = childrenNamed(group, 'content')
      .map((c) => fromContent(c, group))
      .filter((p): p is WirePicture => p !== undefined);
    if (contents.length) {
      // one picture, its sizes as renditions
      pictures.push({ ...contents[0], renditions: contents.flatMap((c) => c.renditions ?? []) });
    }
  }
  for (const content of childrenNamed(entry, 'content').filter((c) => c.name.includes(':'))) {
    const picture = fromContent(content);
    if (picture) pictures.push(picture);
  }
  if (pictures.length === 0) {
    const thumbnail = childrenNamed(entry, 'thumbnail').find((t) => attrText(t, 'url'));
    if (thumbnail)
      pictures.push({
        type: 'picture',
        uri: attrText(thumbnail, 'url'),
        renditions: [{ href: attrText(thumbnail, 'url') as string }],
      });
  }
  return pictures;
}

/** <enclosure url type> (RSS) or <link rel="enclosure" href type> (Atom) with a media type → picture. */
function enclosurePictures(entry: XmlElement): WirePicture[] {
  const out: WirePicture[] = [];
  const rss = childrenNamed(entry, 'enclosure').map((e) => ({ href: attrText(e, 'url'), type: attrText(e, 'type') }));
  const atom = childrenNamed(entry, 'link')
    .filter((l) => attr(l, 'rel') === 'enclosure')
    .map((l) => ({ href: attrText(l, 'href'), type: attrText(l, 'type') }));
  for (const e of [...rss, ...atom]) {
    const type = mediaType(e.type, undefined);
    if (e.href && type)
      out.push({ type, uri: e.href, renditions: [{ href: e.href, ...(e.type ? { mimetype: e.type } : {}) }] });
  }
  return out;
}

/** Feed content often ends with links back to the site: "Read more: …", "Related: …", "Continue reading...". */
const FURNITURE =
  /^(?:read more|read the full story|continue reading|keep reading|related|see also|more on this|lire aussi|lire la suite|mehr zum thema|weiterlesen|leer más|seguir leyendo|leia mais|continuar lendo|continue lendo|leggi tutto|continua a leggere|lees verder|lees meer|läs mer|les mer|læs mere)\b\s*[:»›>.…-]*/i;
/** WordPress feeds close with "The post … appeared first on …": the site's, not the story's. */
const POST_APPEARED = /^the post .{1,300} appeared first on .{1,200}\.?$/i;

function dropFurniture(blocks: BodyBlock[]): BodyBlock[] {
  return blocks.filter(
    (b) => !((FURNITURE.test(b.text) && b.text.split(/\s+/).length <= 12) || POST_APPEARED.test(b.text)),
  );
}

/** Body from an HTML string, with the pictures it shows. */
function htmlBody(raw: string): { blocks: BodyBlock[]; pictures: WirePicture[] } {
  const html = stripShortcodes(raw);
  if (!/[<&]/.test(html)) return { blocks: textToBlocks(html), pictures: [] };
  const tree = htmlToTree(html);
  return { blocks: dropFurniture(xmlToBlocks(tree)), pictures: htmlPictures(tree) };
}

/** Atom text constructs: type="text" | "html" | "xhtml". */
function atomText(el: XmlElement | undefined): { blocks: BodyBlock[]; pictures: WirePicture[]; line?: string } {
  if (!el) return { blocks: [], pictures: [] };
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || el.children.some((c) => typeof c !== 'string')) {
    const blocks = xmlToBlocks(el);
    return { blocks, pictures: htmlPictures(el), line: clean(blocks.map((b) => b.text).join(' ')) };
  }
  const raw = rawText(el);
  if (type.includes('html')) {
    const body = htmlBody(raw);
    return { ...body, line: htmlLine(raw) };
  }
  return { blocks: textToBlocks(raw), pictures: [], line: clean(raw) };
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; a bare address stays as written. */
function authorName(value: string | undefined): string | undefined {
  const v = clean(value);
  if (!v) return undefined;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(v);
  return m ? m[1].trim() : v;
}

/** Channel-level defaults for RSS items. */
export function rssDefaults(channel: XmlElement | undefined, root: XmlElement): FeedDefaults {
  return {
    language: text(child(channel, 'language')) ?? attrText(root, 'xml:lang'),
    copyrightNotice: text(child(channel, 'copyright')) ?? text(child(channel, 'rights')),
    date: toIsoDateTime(
      text(child(channel, 'pubDate')) ?? text(child(channel, 'lastBuildDate')) ?? text(child(channel, 'date')),
    ),
  };
}

/** One RSS <item>. */
export function rssItemToItem(el: XmlElement, defaults: FeedDefaults): WireItem {
  const item = emptyItem('rss');
  item.type = 'text';
  item.headline = htmlLine(rawText(child(el, 'title')));
  // RSS <link> holds the URL as text; an <atom:link href> may stand in for it
  const links = childrenNamed(el, 'link');
  const link =
    text(links.find((l) => !l.name.includes(':'))) ??
    attrText(
      links.find((l) => attr(l, 'href') && (attr(l, 'rel') ?? 'alternate') === 'alternate'),
      'href',
    );
  const guid = text(child(el, 'guid'));
  item.sourceId = guid ?? link ?? attrText(el, 'rdf:about');
  const ids = [
    ...(link ? [{ role: 'link', value: link }] : []),
    ...(guid && guid !== link ? [{ role: 'guid', value: guid }] : []),
  ];
  if (ids.length) item.altIds = ids;
  if (link) item.links.push({ rel: 'alternate', href: link });

  const description = rawText(child(el, 'description'));
  // content:encoded is the body; excerpt:encoded (WordPress) is not
  const encoded = childrenNamed(el, 'encoded')
    .filter((e) => !e.name.startsWith('excerpt'))
    .map((e) => rawText(e))
    .find((s) => s.trim() !== '');
  const wxr = isWxrItem(el);
  if (encoded) {
    const body = htmlBody(wxr ? wxrContentHtml(encoded) : encoded);
    item.body = body.blocks;
    item.pictures.push(...body.pictures);
    item.abstract = htmlLine(description);
  } else if (description.trim()) {
    const body = htmlBody(description);
    item.body = body.blocks;
    item.pictures.push(...body.pictures);
  }
  const creators = uniqueStrings([
    ...childrenNamed(el, 'creator').map((c) => text(c)),
    authorName(text(child(el, 'author'))),
  ]);
  // a WordPress login is a byline only when the post names no author in its text
  if (wxr) applyLeadMetadata(item);
  if (creators.length) item.byline ??= creators.join(', ');
  const written = text(child(el, 'pubDate')) ?? text(child(el, 'date'));
  const date = toIsoDateTime(written);
  if (written && !date) item.edNote = unreadDateNote(written);
  item.firstCreated = date;
  item.versionCreated =
    toIsoDateTime(text(child(el, 'updated')) ?? text(child(el, 'modified'))) ??
    date ??
    (written ? undefined : defaults.date);
  item.keywords = childrenNamed(el, 'category', 'subject', 'keywords')
    .flatMap((c) => (c.local === 'keywords' ? (text(c) ?? '').split(/\s*,\s*/) : [text(c) ?? '']))
    .filter(Boolean);
  item.language = langOf(el) ?? text(child(el, 'language')) ?? defaults.language;
  item.copyrightNotice = text(child(el, 'rights')) ?? defaults.copyrightNotice;
  item.pictures.unshift(...mediaPictures(el), ...enclosurePictures(el));
  return item;
}

/** One Atom <entry>. */
export function atomEntryToItem(el: XmlElement, feed: XmlElement | undefined): WireItem {
  const item = emptyItem('atom');
  item.type = 'text';
  item.headline = atomText(child(el, 'title')).line;
  item.sourceId = text(child(el, 'id'));
  const alternate = childrenNamed(el, 'link').find(
    (l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && attr(l, 'href'),
  );
  const href = attrText(alternate, 'href');
  if (href) {
    item.links.push({ rel: 'alternate', href });
    item.altIds = [{ role: 'link', value: href }];
  }
  item.sourceId ??= href;
  const content = child(el, 'content');
  const summary = atomText(child(el, 'summary'));
  const body = content && !attr(content, 'src') ? atomText(content) : { blocks: [], pictures: [] };
  if (body.blocks.length) {
    item.body = body.blocks;
    item.pictures.push(...body.pictures);
    item.abstract = summary.line;
  } else {
    item.body = summary.blocks;
    item.pictures.push(...summary.pictures);
  }
  const authors = childrenNamed(el, 'author').map((a) => text(child(a, 'name')) ?? text(a));
  const byline = uniqueStrings(authors).join(', ');
  if (byline) item.byline = byline;
  item.firstCreated = toIsoDateTime(text(child(el, 'published')) ?? text(child(el, 'issued')));
  item.versionCreated = toIsoDateTime(text(child(el, 'updated')) ?? text(child(el, 'modified'))) ?? item.firstCreated;
  item.keywords = childrenNamed(el, 'category')
    .map((c) => attrText(c, 'label') ?? attrText(c, 'term') ?? text(c))
    .filter((k): k is string => k !== undefined);
  item.language = langOf(el) ?? langOf(feed);
  item.copyrightNotice = atomText(child(el, 'rights')).line ?? atomText(child(feed, 'rights')).line;
  item.pictures.unshift(...mediaPictures(el), ...enclosurePictures(el));
  return item;
}

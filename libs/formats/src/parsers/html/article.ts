/**
 * HTML article pages: the body through Mozilla Readability (on a linkedom document), the rest from the page's
 * metadata — JSON-LD NewsArticle, Open Graph, <figure>/<figcaption>, <time> — and from the body's own furniture
 * (dateline, byline, copyright line).
 */
import { Readability } from '@mozilla/readability';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { emptyItem, type BodyBlock, type WireItem, type WirePicture } from '../../model/wire-item';
import { toBlocks } from '../text/blocks';
import { parseByline } from '../text/byline';
import { parseCopyright } from '../text/copyright';
import { parseDateline } from '../text/dateline';
import { featuresOf } from '../text/features';
import { parseTextStory } from '../text/story';
import { extractContent, figureToPicture, isCaptionedImage, isCreditOnly } from './content';
import { boilerplateClass, isPaywallNotice, roughWords } from './boilerplate';
import type { BoilerplateClass } from './boilerplate-phrases';
import {
  all,
  first,
  parseDocument,
  readerWork,
  textOf,
  type DomDocument,
  type DomElement,
  type ReaderWork,
} from './dom';
import { documentTitle, readMetadata, type PageMetadata } from './metadata';
import { findPageElements } from './page-elements';
import { blocksToXhtml } from '../common/xhtml';

/** How sure the content is HTML: a doctype or <html> root, or markup made of HTML's own elements. */
export function sniffHtml(text: string): number {
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(head)) return 0.95;
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head)) return 0.95;
  if (/^<(?:head|body|meta|title|div|p|article|section|main|h[1-6]|span|table|ul|figure|header)[\s>]/i.test(head))
    return 0.7;
  return 0;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

interface ReaderResult {
  title?: string;
  byline?: string;
  content?: DomElement;
  lang?: string;
}

/**
 * Readability's work on linkedom grows with the page's size times its depth: it reads the whole text of every
 * element (each read walks the subtree) and queries the subtree of every candidate block. A real article page has
 * fewer than 25,000 element-levels and 5 million character-levels (181 pages of an extraction benchmark: depth 16-51,
 * at most 1,600 elements); a page of 5,000 paragraphs 85,000 and 2.3 million. A page past these bounds (measured in
 * one linear walk first) goes to the linear path below, which keeps every paragraph: Readability stays within a few
 * seconds whatever the page (1 MB nested 200 levels took 10 s and more).
 */
export const READABILITY_LIMITS = {
  depth: 250,
  elementDepths: 600_000,
  textDepths: 30_000_000,
} as const satisfies Partial<ReaderWork>;

/** Whether Readability runs on the page within bounded work (READABILITY_LIMITS). */
export function readabilityFits(doc: DomDocument): boolean {
  const work = readerWork(doc.documentElement, READABILITY_LIMITS);
  return (Object.keys(READABILITY_LIMITS) as (keyof typeof READABILITY_LIMITS)[]).every(
    (key) => work[key] <= READABILITY_LIMITS[key],
  );
}

function runReadability(doc: DomDocument): ReaderResult | undefined {
  try {
    const reader = new Readability(doc as unknown as ReadabilityDocument, {
      // the content as a node, not serialised HTML we would parse again
      serializer: (node) => node,
      charThreshold: 400,
      // (no maxElemsToParse: it counts getElementsByTagName('*'), which linkedom answers with no elements)
    });
    const result = reader.parse();
    if (!result) return undefined;
    return {
      title: result.title ?? undefined,
      byline: result.byline ?? undefined,
      content: (result.content as unknown as DomElement) ?? undefined,
      lang: result.lang ?? undefined,
    };
  } catch {
    return undefined; // Readability gives up on some malformed pages: fall back below
  }
}

/** A trailing bracket crediting the photo ("（写真＝ロイター）", "(Photo: AFP)", "(Foto: dpa)"): not headline. */
const PHOTO_CREDIT_SUFFIX =
  /\s*[（(［[](?:写真|画像|照片|图片|圖片|사진|photos?|foto|fotos|photographie|bild|صورة|ภาพ)\s*[＝=:：/]?[^）)］\]]{0,40}[）)］\]]\s*$/iu;

/** "Headline | Site name", "Headline - Site", "見出し：日本経済新聞" → "Headline". */
function stripSiteSuffix(title: string, ...siteNames: (string | undefined)[]): string {
  const cleaned = title.replace(/[\s\u3000]+/g, ' ').trim();
  const parts = cleaned.split(/\s+[|–—-]\s+|\s+[|]\s*|\s*[｜：]\s*|\s+»\s+/);
  let kept = cleaned;
  if (parts.length >= 3) {
    // "Headline » Section » Site": a breadcrumb of the site; the headline is its longest part
    kept = parts.reduce((a, b) => (b.trim().length > a.trim().length ? b : a)).trim();
  } else if (parts.length === 2) {
    const last = parts[parts.length - 1].trim().toLowerCase();
    const names = siteNames.filter((n): n is string => Boolean(n)).map((n) => n.trim().toLowerCase());
    // a site name, or the short start of one ("日本経済新聞" of "日本経済新聞 電子版")
    const isSite =
      names.some((n) => n === last || n.startsWith(last) || last.startsWith(n)) || last.split(/\s+/).length <= 4;
    if (isSite) kept = parts.slice(0, -1).join(' - ').trim();
  }
  return kept.replace(PHOTO_CREDIT_SUFFIX, '').trim() || kept;
}

/** Microformat and microdata marks of the article's own headline (hNews `entry-title`, schema.org `headline`). */
function markedHeadline(doc: DomDocument): string | undefined {
  const el = first(doc, '.entry-title, [itemprop="headline"]:not(meta)');
  const text = el ? textOf(el) : '';
  return text && text.length <= 300 ? text : undefined;
}

/** Elements sites mark the writer with, in their own languages' class names. */
const AUTHOR_ELEMENTS =
  '[rel="author"], [itemprop="author"], [class*="byline" i], [class~="author" i], [class~="autor" i], [class~="auteur" i], [class~="autore" i], [class~="firma" i]';

/** A person's name as bylines print it: two to four words, each capitalised (particles allowed). */
const PERSON_NAME =
  /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|da|der|den|del|la|le|di|du|y|e)){1,3}$/u;

/**
 * The writer named in the page's byline element ("<p class="autor"><strong>Ana Ruiz</strong> | Palma | 08/01/2014"):
 * the first part before a separator, when it is a person's name or a byline.
 */
function pageByline(doc: DomDocument): string | undefined {
  const el = first(doc, AUTHOR_ELEMENTS);
  const text = el ? textOf(el) : '';
  if (!text || text.length > 200) return undefined;
  const head = text.split(/\s*[|·•]\s*|\s+[–—-]\s+/)[0].trim();
  const byline = parseByline(head)?.by ?? head;
  return PERSON_NAME.test(byline) ? byline : undefined;
}

/** A paywall notice anywhere in the page (Readability often leaves it out of the article): the story is cut. */
function pageHasPaywall(doc: DomDocument): boolean {
  return all(doc, 'p').some((p) => isPaywallNotice(textOf(p)));
}

/** Job titles that put a writer's name after a headline, in the headline element itself ("編集委員 中沢克二"). */
const WRITER_ROLE =
  /^(?:編集委員|論説委員|客員編集委員|特派員|記者|専門記者|编辑|記者|特约记者|staff writer|senior writer|correspondent|reporter|corresponsal|redactora?|correspondant|korrespondentin|korrespondent|redakteurin|redakteur)\s+(\S.{0,40})$/iu;

/** A writer named in the headline element after the headline (some sites set the byline inside the h1). */
function bylineInHeadline(element: string | undefined, headline: string | undefined): string | undefined {
  if (!element || !headline) return undefined;
  const el = element.replace(/[\s\u3000]+/g, ' ').trim();
  const head = headline.replace(/[\s\u3000]+/g, ' ').trim();
  if (!el.startsWith(head) || el.length === head.length) return undefined;
  return WRITER_ROLE.exec(el.slice(head.length).trim())?.[1].trim();
}

/** A clock time: a block made of a date and time is page furniture ("Jun 13, 4:03 PM EDT"). */
const CLOCK = /\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?/i;

function wordCount(blocks: BodyBlock[]): number {
  // CJK and Thai write without spaces: their characters count too
  return blocks.reduce((n, b) => n + roughWords(b.text), 0);
}

/** Images with a caption element beside them outside any <figure> (`<div><img><p class="caption">`), read before Readability unwraps them. */
function captionedImages(doc: DomDocument): WirePicture[] {
  const pictures: WirePicture[] = [];
  for (const caption of all(doc, 'p[class*="caption" i], span[class*="caption" i], div[class*="caption" i]')) {
    const container = caption.parentElement;
    if (!container || container.closest('figure') || !isCaptionedImage(container)) continue;
    const picture = figureToPicture(container);
    if (picture?.caption) pictures.push(picture);
    if (pictures.length >= 10) break;
  }
  return pictures;
}

function paragraphsOf(text: string): BodyBlock[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'p' as const, text: t }));
}

/** Page text with one line per block, for the plain-text story finder when Readability finds nothing. */
function flattenBody(doc: DomDocument): string {
  const body = doc.body;
  if (!body) return '';
  for (const el of all(body, 'script, style, noscript, template, svg')) el.remove();
  const { blocks } = extractContent(body);
  return blocks.map((b) => b.text).join('\n\n');
}

interface Furniture {
  /** classes of furniture dropped from the body (paywall notices say the page holds only part of the story) */
  dropped?: Set<BoilerplateClass>;
  byline?: string;
  dateline?: ReturnType<typeof parseDateline>;
  copyright?: { notice: string; holder?: string };
}

/**
 * Drops what Readability leaves in that is not story text — share and subscription prompts, "Advertisement",
 * photo credits, reading times — and lifts the byline, dateline and copyright line out of the body.
 */
function cleanBlocks(blocks: BodyBlock[], headline: string | undefined): { blocks: BodyBlock[]; found: Furniture } {
  const found: Furniture = { dropped: new Set() };
  const kept: BodyBlock[] = [];
  const seen = new Map<string, number>();
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'table' || block.kind === 'pre') {
      kept.push(block);
      continue;
    }
    const text = block.text;
    const [asBlock] = toBlocks(text);
    if (!asBlock) continue;
    const f = featuresOf(asBlock);
    if (f.boilerplate || (f.teaser && f.words <= 25) || f.metadata || isCreditOnly(text)) continue;
    const furniture = boilerplateClass(text);
    if (furniture) {
      found.dropped?.add(furniture);
      continue;
    }
    // the headline again, or the page's date and time line, above the story
    if (headline && kept.length <= 2 && sameText(text, headline)) continue;
    if (kept.length <= 1 && f.words <= 12 && CLOCK.test(text) && !/[.!?。]$/.test(text)) continue;
    // Galleries repeat a caption for every slide: a paragraph the story had a few blocks before is furniture.
    // (Recipes and lists repeat lines far apart on purpose; those stay.)
    const before = seen.get(text);
    seen.set(text, index);
    if (before !== undefined && index - before <= 4 && f.words >= 12) continue;
    const copyright = parseCopyright(text);
    if (copyright) {
      found.copyright ??= copyright;
      continue;
    }
    if (kept.length <= 2 && f.words <= 14) {
      const byline = parseByline(text);
      if (byline) {
        found.byline ??= byline.by;
        continue;
      }
      const dateline = parseDateline(text);
      if (dateline && dateline.rest === '') {
        found.dateline ??= dateline;
        continue;
      }
    }
    kept.push(block);
  }
  // A heading with nothing after it titles the next part of the page ("More Business News"), not the story.
  while (kept.length > 0 && kept[kept.length - 1].kind === 'h') kept.pop();
  const opening = kept.find((b) => b.kind === 'p');
  if (opening && !found.dateline) {
    const dateline = parseDateline(opening.text);
    if (dateline?.agency || dateline?.place) found.dateline = dateline;
  }
  return { blocks: kept, found };
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return base ? new URL(href, base).toString() : new URL(href).toString();
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : undefined;
  }
}

function collectPictures(meta: PageMetadata, fromContent: WirePicture[], doc: DomDocument): WirePicture[] {
  const pictures: WirePicture[] = [];
  const seen = new Set<string>();
  const add = (p: WirePicture) => {
    const uri = resolveUrl(p.uri, meta.url);
    const key = uri ?? `caption:${p.caption ?? ''}`;
    // The same picture often appears twice: in the metadata and as a <figure>, at another size. Same address or same
    // caption: one picture, with the other size as a further rendition.
    const existing = pictures.find((q) => q.uri === uri || (p.caption && q.caption === p.caption));
    if (seen.has(key) || existing) {
      if (existing) {
        existing.caption ??= p.caption;
        existing.credit ??= p.credit;
        existing.by ??= p.by;
        existing.altText ??= p.altText;
        if (uri && existing.uri !== uri) {
          existing.renditions = [...(existing.renditions ?? []), { href: uri }];
        }
      }
      return;
    }
    seen.add(key);
    const picture: WirePicture = { ...p, type: 'picture' };
    if (uri) picture.uri = uri;
    else delete picture.uri;
    pictures.push(picture);
  };
  for (const img of meta.images) {
    const renditions = img.url
      ? [{ href: resolveUrl(img.url, meta.url) ?? img.url, width: img.width, height: img.height }]
      : undefined;
    add({
      uri: img.url,
      caption: img.caption,
      credit: img.credit,
      by: img.by,
      copyrightNotice: img.copyrightNotice,
      renditions: renditions?.map(
        (r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as { href: string },
      ),
    });
  }
  fromContent.forEach(add);
  // Figures Readability dropped but that sit in the page's <article>: captioned pictures of the story.
  if (pictures.every((p) => !p.caption)) {
    for (const figure of all(doc, 'article figure')) {
      const p = figureToPicture(figure);
      if (p?.caption) add(p);
    }
  }
  return pictures;
}

export function parseHtmlArticle(html: string, _filename?: string): WireItem {
  const item = emptyItem('html');
  const doc = parseDocument(html);
  // before Readability, which rearranges the document
  const page = findPageElements(doc);
  const meta = readMetadata(doc, page);
  const h1 = textOf(page.articleH1 ?? page.h1) || undefined;
  const title = documentTitle(page);
  const articleFigures = page.articleFigures.map(figureToPicture).filter((p): p is WirePicture => p !== undefined);
  // the page's own marks of its headline come before <title>, which on many sites names only the site
  const marked = meta.headline ? undefined : markedHeadline(doc);
  const captioned = captionedImages(doc);
  const markedByline = meta.authors.length ? undefined : pageByline(doc);
  const headlineElement =
    textOf(first(doc, '[itemprop="headline"]:not(meta)') ?? page.articleH1 ?? page.h1) || undefined;
  const paywalled = pageHasPaywall(doc);

  // Readability rearranges the document; when it does not run, the page's text is read from this one below
  const readable = readabilityFits(doc);
  const reader = readable ? runReadability(doc) : undefined;
  let extracted = reader?.content ? extractContent(reader.content) : { blocks: [], pictures: [] };
  if (wordCount(extracted.blocks) < 25 && meta.articleBody) {
    extracted = { blocks: paragraphsOf(meta.articleBody), pictures: extracted.pictures };
  }
  const candidate = meta.headline ?? marked ?? h1 ?? (reader?.title || title);
  const headline = candidate && stripSiteSuffix(candidate, meta.siteName, meta.publisher);
  let { blocks, found } = cleanBlocks(extracted.blocks, headline);
  if (wordCount(blocks) < 25) {
    // Readability found no article: let the plain-text story finder look at the page's text.
    const story = parseTextStory(flattenBody(readable ? parseDocument(html) : doc));
    if (wordCount(story.body) > wordCount(blocks)) {
      blocks = story.body.filter((b) => !boilerplateClass(b.text));
      found = {
        byline: story.byline,
        copyright: story.copyrightNotice ? { notice: story.copyrightNotice, holder: story.copyrightHolder } : undefined,
      };
      if (story.dateline) found.dateline = parseDateline(story.dateline);
    }
  }
  if (blocks.length === 0 && !headline) {
    throw new WireError(ErrorCode.NO_CONTENT, 'The HTML page holds no article text and no headline.');
  }

  item.headline = headline;
  const sub = meta.alternativeHeadline;
  if (sub && sub !== headline) item.subheadline = sub;
  item.body = blocks;
  item.byline =
    (meta.authors.length ? meta.authors.join(', ') : undefined) ??
    found.byline ??
    // Readability also reads JSON-LD authors: an organisation it names is no writer
    (reader?.byline && !meta.organisationAuthors.includes(reader.byline.trim())
      ? (parseByline(reader.byline)?.by ?? reader.byline)
      : undefined) ??
    bylineInHeadline(headlineElement, headline) ??
    markedByline ??
    (meta.organisationAuthors.length ? meta.organisationAuthors.join(', ') : undefined);
  if (found.dateline) {
    item.dateline = found.dateline.text;
    item.located = found.dateline.located;
    item.agency = found.dateline.agency;
  }
  item.language = meta.language ?? reader?.lang ?? undefined;
  item.firstCreated = meta.datePublished;
  item.versionCreated = meta.dateModified ?? meta.datePublished;
  item.section = meta.section;
  item.keywords = meta.keywords;
  item.genres = meta.genres;
  item.abstract = meta.description;
  item.pictures = collectPictures(meta, [...extracted.pictures, ...articleFigures, ...captioned], doc);
  // a picture's caption that Readability also left as a paragraph is the caption, not story text
  const captions = new Set(item.pictures.map((p) => p.caption).filter(Boolean));
  if (captions.size) item.body = item.body.filter((b) => !captions.has(b.text));
  if (paywalled || found.dropped?.has('paywall')) {
    item.edNote = 'The page holds only the opening of the article: the rest is behind a paywall.';
  }
  item.copyrightHolder = meta.copyrightHolder ?? found.copyright?.holder;
  item.copyrightNotice =
    found.copyright?.notice ??
    (meta.copyrightHolder
      ? `© ${meta.copyrightYear ? `${meta.copyrightYear} ` : ''}${meta.copyrightHolder}`
      : undefined);
  if (meta.url) {
    const url = resolveUrl(meta.url, undefined);
    if (url) {
      item.links.push({ rel: 'canonical', href: url });
      item.altIds = [{ role: 'url', value: url }];
    }
  }
  item.bodyXhtml = blocksToXhtml(item.body);
  item.type = 'text';
  return item;
}

/**
 * The article content element (as Readability leaves it) to body blocks and pictures. Paragraphs, headings, list
 * items, quotes, preformatted text and tables keep their kind; figures become pictures with their captions and
 * credits; scripts, forms and embeds go.
 */
import type { BodyBlock, WirePicture } from '../../model/wire-item';
import { parseCaption, parseCreditLine } from '../text/caption';
import { ELEMENT_NODE, TEXT_NODE, all, first, textOf, type DomElement, type DomNode } from './dom';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'figure',
  'figcaption',
  'hr',
  'address',
  'details',
  'summary',
  'center',
  'form',
  'fieldset',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'picture',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'nav',
  'math',
  'link',
  'meta',
]);

export interface ExtractedContent {
  blocks: BodyBlock[];
  pictures: WirePicture[];
}

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/**
 * Nesting beyond this is flattened to its text: real pages stay under a hundred levels, and deeper trees (unclosed
 * tags, hostile input) must not exhaust the stack.
 */
export const MAX_WALK_DEPTH = 200;

/** Text of inline content; <br> is a line break so that "<br><br>" paragraphs can be split. */
function inlineText(node: DomNode, depth = 0): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
  if (!isElement(node)) return '';
  const tag = node.localName.toLowerCase();
  if (SKIP_TAGS.has(tag)) return '';
  if (tag === 'br') return '\n';
  if (tag === 'img') return '';
  if (depth > MAX_WALK_DEPTH) return node.textContent ?? '';
  let out = '';
  for (const child of Array.from(node.childNodes)) out += inlineText(child, depth + 1);
  return out;
}

function normalise(text: string): string {
  return text
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function pushParagraphs(blocks: BodyBlock[], kind: BodyBlock['kind'], raw: string): void {
  const text = normalise(raw);
  if (!text) return;
  // Double line breaks separate paragraphs in pages that use <br><br> instead of <p>.
  for (const part of text.split(/\n{2,}/)) {
    const line = part.replace(/\n/g, ' ').trim();
    if (line) blocks.push({ kind, text: line });
  }
}

function imageUrl(img: DomElement | undefined): string | undefined {
  if (!img) return undefined;
  const src = img.getAttribute('src') ?? img.getAttribute('data-src') ?? img.getAttribute('data-original');
  if (src && !src.startsWith('data:')) return src;
  const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset');
  return srcset?.split(',')[0]?.trim().split(/\s+/)[0] || undefined;
}

/** Names and alt texts of placeholder images: spacers, preloaders, tracking pixels, lazy-load stand-ins. */
const PLACEHOLDER_NAME =
  /(?:^|[/_.-])(?:preload(?:er)?|spacer|blank|pixel|loading|loader|transparent|clear|dot|1x1|spinner)\.(?:gif|png|svg|jpe?g)(?:[?#]|$)/i;
const PLACEHOLDER_ALT = /^(?:preload(?:er)?|loading|spacer|blank|cargando|chargement|laden)\.?$/i;

/** An <img> that stands in for a picture (or for nothing): never a story's picture. */
export function isPlaceholderImage(img: DomElement): boolean {
  const src = imageUrl(img) ?? '';
  if (PLACEHOLDER_NAME.test(src)) return true;
  if (PLACEHOLDER_ALT.test(img.getAttribute('alt')?.trim() ?? '')) return true;
  const tiny = (attr: string) => {
    const v = Number(img.getAttribute(attr));
    return Number.isFinite(v) && v > 0 && v <= 3;
  };
  return tiny('width') || tiny('height');
}

/** The picture's own image: the first one in the container that is no placeholder. */
function pictureImage(container: DomElement): DomElement | undefined {
  return all(container, 'img').find((img) => !isPlaceholderImage(img));
}

/** A container holding an image and an element classed as its caption, outside any <figure>. */
export function isCaptionedImage(el: DomElement): boolean {
  const caption = first(el, '[class*="caption" i]');
  if (!caption || !pictureImage(el)) return false;
  // the container must be the picture, not a section that happens to hold one
  return textOf(el).length <= textOf(caption).length + 40;
}

/** A <figure> (or captioned image container) as a picture: image, caption, credit. */
export function figureToPicture(figure: DomElement): WirePicture | undefined {
  const img = pictureImage(figure);
  const captionEl = first(figure, 'figcaption') ?? first(figure, '[class*="caption" i]');
  const creditEl =
    first(figure, '[class*="credit" i]') ??
    first(figure, '[class*="copyright" i]') ??
    first(figure, '[itemprop="copyrightHolder"]');
  let caption = captionEl ? textOf(captionEl) : undefined;
  let credit = creditEl ? textOf(creditEl) : undefined;
  if (caption && credit && caption.includes(credit)) caption = caption.replace(credit, '').trim();
  if (caption && !credit) {
    const parsed = parseCaption(caption);
    if (parsed) {
      caption = parsed.caption;
      credit = parsed.credit;
    }
  }
  if (caption && !credit) {
    // "Caption text. 27-06-2012 | Efe": a CMS's date and credit after a bar
    const m = /^(.{20,}?)\s*(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})?\s*\|\s*([^|]{2,40})$/u.exec(caption);
    if (m) {
      caption = m[1];
      credit = m[2];
    }
  }
  credit = credit
    ?.replace(/^(?:photo|image|credit|foto|bild)s?\s*(?:credit)?\s*[:.]+\s*/i, '')
    .replace(/^©\s*/, '')
    .trim();
  const uri = imageUrl(img);
  const alt = img?.getAttribute('alt')?.trim();
  if (!uri && !caption) return undefined;
  const picture: WirePicture = { type: 'picture' };
  if (uri) picture.uri = uri;
  if (caption) picture.caption = caption.replace(/\s*[|–—-]\s*$/, '');
  if (credit) picture.credit = credit;
  if (alt) picture.altText = alt;
  return picture;
}

function tableRows(table: DomElement): string[][] {
  return all(table, 'tr').map((tr) => all(tr, 'th, td').map((cell) => textOf(cell)));
}

/**
 * The elements holding a caption-classed element somewhere below them: the only <div>s that can be captioned images.
 * Found from the captions up (one query, then each ancestor once), so the walk never queries the subtree of every
 * <div> — that made it cost the page's size times its depth.
 */
function captionHolders(root: DomElement): Set<DomElement> {
  const holders = new Set<DomElement>();
  for (const caption of all(root, '[class*="caption" i]')) {
    for (let el = caption.parentElement; el && !holders.has(el); el = el.parentElement) {
      holders.add(el);
      if (el === root) break;
    }
  }
  return holders;
}

function walk(node: DomElement, out: ExtractedContent, holders: ReadonlySet<DomElement>, depth = 0): void {
  if (depth > MAX_WALK_DEPTH) {
    pushParagraphs(out.blocks, 'p', node.textContent ?? '');
    return;
  }
  let pending = '';
  const flush = () => {
    pushParagraphs(out.blocks, 'p', pending);
    pending = '';
  };
  for (const child of Array.from(node.childNodes)) {
    if (!isElement(child)) {
      if (child.nodeType === TEXT_NODE) pending += child.textContent ?? '';
      continue;
    }
    const tag = child.localName.toLowerCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (!BLOCK_TAGS.has(tag)) {
      pending += inlineText(child, depth + 1);
      continue;
    }
    flush();
    if (tag === 'figure' || tag === 'picture' || (tag === 'div' && holders.has(child) && isCaptionedImage(child))) {
      const picture = figureToPicture(child);
      if (picture) out.pictures.push(picture);
    } else if (tag === 'figcaption' || tag === 'hr') {
      // a caption outside a figure belongs to no picture we can name; it is not body text either
    } else if (/^h[1-6]$/.test(tag)) {
      pushParagraphs(out.blocks, 'h', inlineText(child, depth + 1));
    } else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'address' || tag === 'summary') {
      if (hasBlockChild(child)) walk(child, out, holders, depth + 1);
      else pushParagraphs(out.blocks, 'p', inlineText(child, depth + 1));
    } else if (tag === 'li') {
      if (hasBlockChild(child)) walk(child, out, holders, depth + 1);
      else pushParagraphs(out.blocks, 'li', inlineText(child, depth + 1));
    } else if (tag === 'blockquote') {
      const inner: ExtractedContent = { blocks: [], pictures: out.pictures };
      walk(child, inner, holders, depth + 1);
      for (const b of inner.blocks) out.blocks.push({ kind: 'blockquote', text: b.text });
    } else if (tag === 'pre') {
      const text = (child.textContent ?? '').replace(/\s+$/, '');
      if (text.trim()) out.blocks.push({ kind: 'pre', text });
    } else if (tag === 'table') {
      const rows = tableRows(child).filter((r) => r.some(Boolean));
      if (rows.length === 1 && rows[0].length === 1) pushParagraphs(out.blocks, 'p', rows[0][0]);
      else if (rows.length) out.blocks.push({ kind: 'table', text: rows.map((r) => r.join(' | ')).join('\n'), rows });
    } else {
      walk(child, out, holders, depth + 1);
    }
  }
  flush();
}

function hasBlockChild(el: DomElement): boolean {
  return Array.from(el.children).some((c) => BLOCK_TAGS.has(c.localName.toLowerCase()));
}

export function extractContent(root: DomElement): ExtractedContent {
  const out: ExtractedContent = { blocks: [], pictures: [] };
  walk(root, out, captionHolders(root));
  return out;
}

/** A paragraph that is only a photo credit ("Photo: AFP", "Getty Images"): not body text. */
export function isCreditOnly(text: string): boolean {
  return parseCreditLine(text) !== undefined;
}

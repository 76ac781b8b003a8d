/**
 * What a news page says about its article outside the article text: JSON-LD (schema.org NewsArticle and kin),
 * Open Graph and other meta tags, <time> elements and the document language.
 */
import { toIsoDateTime } from '../common/dates';
import { first, textOf, type DomDocument, type DomElement } from './dom';
import type { PageElements } from './page-elements';

export interface LdImage {
  url?: string;
  caption?: string;
  credit?: string;
  by?: string;
  copyrightNotice?: string;
  width?: number;
  height?: number;
}

export interface PageMetadata {
  headline?: string;
  alternativeHeadline?: string;
  description?: string;
  articleBody?: string;
  authors: string[];
  /** JSON-LD authors that are organisations (often the publisher): a byline only when no person is named */
  organisationAuthors: string[];
  datePublished?: string;
  dateModified?: string;
  section?: string;
  language?: string;
  keywords: string[];
  images: LdImage[];
  publisher?: string;
  copyrightHolder?: string;
  copyrightYear?: string;
  url?: string;
  siteName?: string;
  genres: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'Article',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
  'SocialMediaPosting',
]);

function isObject(x: Json | undefined): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function types(obj: JsonObject): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function asString(x: Json | undefined): string | undefined {
  if (typeof x === 'string') return x.trim() || undefined;
  if (typeof x === 'number') return String(x);
  if (isObject(x)) return asString(x['name'] ?? x['@value'] ?? x['text']);
  if (Array.isArray(x)) return asString(x[0]);
  return undefined;
}

function asStrings(x: Json | undefined): string[] {
  if (Array.isArray(x)) return x.flatMap((y) => asStrings(y));
  const s = asString(x);
  return s ? [s] : [];
}

/** Every object in the JSON-LD blocks, @graph and nesting flattened. */
function ldObjects(ldScripts: DomElement[]): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (x: Json, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(x)) x.forEach((y) => visit(y, depth + 1));
    else if (isObject(x)) {
      found.push(x);
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
        const v = x[key];
        if (v !== undefined && typeof v === 'object') visit(v, depth + 1);
      }
    }
  };
  for (const script of ldScripts) {
    const raw = (script.textContent ?? '').trim();
    if (!raw) continue;
    try {
      visit(JSON.parse(raw) as Json, 0);
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  return found;
}

function ldImage(x: Json): LdImage | undefined {
  if (typeof x === 'string') return { url: x };
  if (!isObject(x)) return undefined;
  const num = (v: Json | undefined) =>
    typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  return {
    url: asString(x['url'] ?? x['contentUrl']),
    caption: asString(x['caption'] ?? x['description']),
    credit: asString(x['creditText'] ?? x['copyrightHolder'] ?? x['provider']),
    by: asStrings(x['author'] ?? x['creator']).join(', ') || undefined,
    copyrightNotice: asString(x['copyrightNotice']),
    width: num(x['width']),
    height: num(x['height']),
  };
}

/** Every <meta> of the page by its property, name or itemprop (lower-case), in document order. */
type MetaIndex = Map<string, string[]>;

function indexMeta(metas: DomElement[]): MetaIndex {
  // One pass over the <meta> elements: querying each name separately costs a document walk per name.
  const index: MetaIndex = new Map();
  for (const el of metas) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = index.get(key) ?? [];
      list.push(content);
      index.set(key, list);
    }
  }
  return index;
}

function meta(index: MetaIndex, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = index.get(name.toLowerCase())?.[0];
    if (value) return value;
  }
  return undefined;
}

function metas(index: MetaIndex, name: string): string[] {
  return index.get(name.toLowerCase()) ?? [];
}

/**
 * A language tag in BCP 47 case: "en_US" → "en-US", "zh-hans" → "zh-Hans", "zh-Hant-TW" kept whole (language,
 * optional script, optional region); anything that is not a language tag → undefined.
 */
export function normaliseLanguage(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?![a-z\d])/i.exec(tag.trim());
  if (!m) return undefined;
  const parts = [m[1].toLowerCase()];
  if (m[2]) parts.push(m[2][0].toUpperCase() + m[2].slice(1).toLowerCase());
  if (m[3]) parts.push(m[3].toUpperCase());
  return parts.join('-');
}

/** Any date the page gives, as ISO 8601, or undefined when it is not a date. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (RFC3339.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) return trimmed; // as the page gives it, offset kept
  if (!/\d{4}/.test(trimmed)) return undefined;
  // ISO 8601 basic and mixed forms ("20180619T055000+0900", "2016-06-13T1603Z") keep their offset
  const basic = /^\d{4}-?\d{2}-?\d{2}T\d{2}:?\d{2}/.test(trimmed) ? toIsoDateTime(trimmed) : undefined;
  if (basic) return basic;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function splitKeywords(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of values.flatMap((v) => v.split(/\s*[,;]\s*/)).map((x) => x.trim())) {
    if (!k || k.length > 80 || seen.has(k.toLowerCase())) continue;
    seen.add(k.toLowerCase());
    out.push(k);
  }
  return out;
}

export function readMetadata(doc: DomDocument, page: PageElements): PageMetadata {
  const metaIndex = indexMeta(page.metas);
  const objects = ldObjects(page.ldScripts);
  const article = objects.find((o) => types(o).some((t) => ARTICLE_TYPES.has(t)));
  const webPage = objects.find((o) => types(o).includes('WebPage'));
  const ld = article ?? {};
  const publisherObj = ld['publisher'];
  const images: LdImage[] = [];
  const ldImages = ld['image'] ?? ld['associatedMedia'];
  for (const img of Array.isArray(ldImages) ? ldImages : ldImages !== undefined ? [ldImages] : []) {
    const parsed = ldImage(img);
    if (parsed?.url) images.push(parsed);
  }
  const ogImage = meta(metaIndex, 'og:image', 'og:image:url', 'twitter:image');
  if (ogImage && !images.some((i) => i.url === ogImage)) {
    images.push({ url: ogImage, caption: meta(metaIndex, 'og:image:alt', 'twitter:image:alt') });
  }
  const firstTime = page.articleTime ?? page.time;
  const lang =
    normaliseLanguage(asString(ld['inLanguage'])) ??
    normaliseLanguage(
      doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang') ?? undefined,
    ) ??
    normaliseLanguage(meta(metaIndex, 'og:locale', 'language', 'content-language', 'dc.language'));
  const ldAuthors = ld['author'] ?? ld['creator'];
  const isOrganisation = (a: Json) => isObject(a) && types(a).some((t) => /Organization|NewsMediaOrganization/.test(t));
  const authorList = Array.isArray(ldAuthors) ? ldAuthors : ldAuthors === undefined ? [] : [ldAuthors];
  const authors = authorList.filter((a) => !isOrganisation(a)).flatMap((a) => asStrings(a));
  const organisationAuthors = authorList.filter(isOrganisation).flatMap((a) => asStrings(a));
  const metaAuthor = meta(metaIndex, 'author', 'article:author', 'byl', 'dc.creator', 'sailthru.author');
  const genre = asStrings(ld['genre']);
  return {
    headline: asString(ld['headline']) ?? meta(metaIndex, 'og:title', 'twitter:title') ?? asString(webPage?.['name']),
    alternativeHeadline: asString(ld['alternativeHeadline']),
    description: asString(ld['description']) ?? meta(metaIndex, 'og:description', 'description', 'twitter:description'),
    articleBody: asString(ld['articleBody']),
    authors: authors.length ? authors : metaAuthor && !/^https?:/.test(metaAuthor) ? [metaAuthor] : [],
    organisationAuthors,
    datePublished:
      isoDate(asString(ld['datePublished'] ?? ld['dateCreated'])) ??
      isoDate(
        meta(
          metaIndex,
          'article:published_time',
          'og:article:published_time',
          'datePublished',
          'pubdate',
          'publishdate',
          'date',
          'dc.date',
          'dc.date.issued',
          'dcterms.created',
          'dcterms.issued',
          'sailthru.date',
        ),
      ) ??
      isoDate(firstTime?.getAttribute('datetime') ?? undefined) ??
      microformatDate(doc, 'published') ??
      microformatDate(doc, 'updated'),
    dateModified:
      isoDate(asString(ld['dateModified'])) ??
      isoDate(
        meta(
          metaIndex,
          'article:modified_time',
          'og:updated_time',
          'dateModified',
          'last-modified',
          'dcterms.modified',
        ),
      ) ??
      microformatDate(doc, 'updated'),
    section: asString(ld['articleSection']) ?? meta(metaIndex, 'article:section', 'section', 'category'),
    language: lang,
    keywords: splitKeywords([
      ...asStrings(ld['keywords']),
      ...metas(metaIndex, 'article:tag'),
      ...(meta(metaIndex, 'keywords', 'news_keywords') ? [meta(metaIndex, 'keywords', 'news_keywords') as string] : []),
    ]),
    images,
    publisher: isObject(publisherObj) ? asString(publisherObj['name']) : asString(publisherObj),
    copyrightHolder: asString(ld['copyrightHolder']),
    copyrightYear: asString(ld['copyrightYear']),
    url: page.canonicalLink?.getAttribute('href') ?? meta(metaIndex, 'og:url') ?? asString(ld['url']),
    siteName: meta(metaIndex, 'og:site_name', 'application-name'),
    genres: genre,
  };
}

/** hAtom / hNews dates: `<abbr class="published" title="2016-06-13T1603Z">`, `<div class="updated" title=…>`. */
function microformatDate(doc: DomDocument, cls: 'published' | 'updated'): string | undefined {
  const el = first(doc, `.${cls}[title], time.${cls}[datetime]`);
  const iso = isoDate(el?.getAttribute('datetime') ?? el?.getAttribute('title') ?? undefined);
  return iso && el ? (withShownZone(iso, textOf(el)) ?? iso) : iso;
}

/** Zone abbreviations pages print after a time, with their offsets. */
const ZONE_OFFSETS: Record<string, string> = {
  UTC: '+00:00',
  GMT: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  IST: '+05:30',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
};

/**
 * A machine-readable date whose clock time is the one the page shows but whose zone is not ("2016-06-13T1603Z" shown
 * as "Jun 13, 4:03 PM EDT"): the system wrote local time and labelled it UTC. The shown zone is the true one.
 */
export function withShownZone(iso: string, shown: string): string | undefined {
  const m = /\b(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:([ap])\.?m\.?)?\s*\(?([A-Z]{3,4})\)?(?![A-Za-z])/i.exec(shown);
  if (!m) return undefined;
  const offset = ZONE_OFFSETS[m[4].toUpperCase()];
  if (!offset) return undefined;
  let hour = Number(m[1]);
  if (m[3]) hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  const clock = `${String(hour).padStart(2, '0')}:${m[2]}`;
  const own = /T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!own || own[1] !== clock) return undefined;
  if ((own[2] === 'Z' ? '+00:00' : own[2]) === offset) return undefined;
  return toIsoDateTime(`${iso.slice(0, 19)}${offset}`);
}

/** The <title>, as a last resort for the headline. */
export function documentTitle(page: PageElements): string | undefined {
  return textOf(page.headTitle ?? page.title) || undefined;
}

import { ErrorCode, WireError, isWireError } from '@wiredesk/contracts';
import type { Enricher } from '@wiredesk/enrich';
import {
  parseWire,
  parseWireAsync,
  type ParseHints,
  type ParseResult,
  type WireFormat,
  type WireItem,
} from '@wiredesk/formats';
import { assertValidNinjs, type Ninjs } from '@wiredesk/ninjs';
import { applyEnrichment, enrichmentDetails, type EnrichmentDetails } from './apply-enrichment';
import { buildEnrichInput } from './enrich-input';
import { toNinjs, type ArticleMeta } from './to-ninjs';

/** What the copy said that ninjs has no place for, stored beside the article with the enrichment details. */
export interface SourceDetails {
  format: WireFormat;
  /** editorial signals: update, correction, kill, writethru */
  signals?: string[];
  section?: string;
  /** the word count a header declared, kept only to show disagreement with the counted one */
  declaredWordCount?: number;
}

export interface ArticleDetails {
  source: SourceDetails;
  /** absent when the article was not enriched */
  enrichment?: EnrichmentDetails;
}

/** Default of MAX_ARTICLES_PER_DELIVERY: see docs/reliability.md (limits per delivery) for the reasoning. */
export const DEFAULT_MAX_ARTICLES_PER_DELIVERY = 1000;

/**
 * Throws TOO_MANY_ARTICLES when one delivery holds more stories than `max`: it would hold its partition (and every
 * other source's copy behind it) for as long as all of them take, and become one message too large to pass on.
 */
export function assertArticleCount(count: number, max: number | undefined): void {
  if (max === undefined || count <= max) return;
  throw new WireError(
    ErrorCode.TOO_MANY_ARTICLES,
    `The delivery holds ${count} stories, more than the ${max} one delivery may hold (MAX_ARTICLES_PER_DELIVERY): ` +
      'send it in smaller pieces, or raise the limit and replay it from the DLQ.',
  );
}

export interface NormalizeOptions {
  /** more stories than this in one delivery is TOO_MANY_ARTICLES (the services' MAX_ARTICLES_PER_DELIVERY) */
  maxArticles?: number;
  /** built once per process (gazetteers, models); without one, articles are not enriched */
  enricher?: Enricher;
  meta?: ArticleMeta;
}

export interface NormalizeResult {
  format: WireFormat;
  /** the charset the bytes were decoded with */
  charset: string;
  /** one ninjs 3.1 article per story, in input order; every one validates against the schema */
  articles: Ninjs[];
  /** details[i] belongs to articles[i] */
  details: ArticleDetails[];
}

/**
 * Raw wire bytes to ninjs 3.1 articles: parse (any format, any charset), map, enrich, validate. What
 * `wiredesk normalize` and the services run. Throws WireError: the parser's code on bad input, ENRICH_FAILED when the
 * enricher breaks on an article, INVALID_NINJS if an article would not validate (a bug, never published).
 */
export function normalizeBytes(bytes: Buffer, hints: ParseHints = {}, opts: NormalizeOptions = {}): NormalizeResult {
  return articlesOf(parseWire(bytes, hints), opts);
}

/**
 * normalizeBytes for every delivery, pictures and e-mail included (read by asynchronous libraries): what
 * `wiredesk normalize` and the normalizer run.
 */
export async function normalizeBytesAsync(
  bytes: Buffer,
  hints: ParseHints = {},
  opts: NormalizeOptions = {},
): Promise<NormalizeResult> {
  return articlesOf(await parseWireAsync(bytes, hints), opts);
}

function articlesOf(parsed: ParseResult, opts: NormalizeOptions): NormalizeResult {
  assertArticleCount(parsed.items.length, opts.maxArticles);
  const articles: Ninjs[] = [];
  const details: ArticleDetails[] = [];
  for (const item of parsed.items) {
    let article = toNinjs(item, opts.meta);
    const itemDetails: ArticleDetails = { source: sourceDetails(item) };
    if (opts.enricher) {
      const enriched = enrichArticle(article, opts.enricher);
      article = enriched.article;
      itemDetails.enrichment = enriched.details;
    }
    assertValidNinjs(article);
    articles.push(article);
    details.push(itemDetails);
  }
  return { format: parsed.format, charset: parsed.charset, articles, details };
}

/** One article through the enricher: what the enricher service runs on each article of wire.parsed. */
export function enrichArticle(article: Ninjs, enricher: Enricher): { article: Ninjs; details: EnrichmentDetails } {
  let enrichment;
  try {
    enrichment = enricher.enrich(buildEnrichInput(article));
  } catch (e) {
    if (isWireError(e)) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new WireError(ErrorCode.ENRICH_FAILED, `Enrichment failed for ${article.uri}: ${reason}`);
  }
  return { article: applyEnrichment(article, enrichment), details: enrichmentDetails(enrichment) };
}

export function sourceDetails(item: WireItem): SourceDetails {
  const details: SourceDetails = { format: item.format };
  if (item.signals?.length) details.signals = item.signals;
  if (item.section) details.section = item.section;
  if (item.declaredWordCount !== undefined) details.declaredWordCount = item.declaredWordCount;
  return details;
}

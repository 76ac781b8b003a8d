import { parseWireAsync, type ParseHints } from '@wiredesk/formats';
import type { Ninjs } from '@wiredesk/ninjs';
import { assertArticleCount, sourceDetails, type SourceDetails } from '../normalize';
import { toNinjs, type ArticleMeta } from '../to-ninjs';

/** One raw input for the parse worker: its bytes (a copy of their own, so cloning them copies nothing else). */
export interface ParseItem {
  bytes: Uint8Array;
  hints: ParseHints;
  meta: ArticleMeta;
  /** MAX_ARTICLES_PER_DELIVERY */
  maxArticles?: number;
}

/** The not-yet-enriched ninjs articles of one raw input and, per article, what ninjs has no place for. */
export interface ParsedArticles {
  articles: Ninjs[];
  /** sourceDetails[i] belongs to articles[i] */
  sourceDetails: SourceDetails[];
}

/** What the normalizer runs on each wire.raw message (in its parse worker). Throws the parser's WireError, or
 * TOO_MANY_ARTICLES. */
export async function parseItem(item: ParseItem): Promise<ParsedArticles> {
  const bytes = Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength);
  // the async reader: pictures and e-mail are read by asynchronous libraries
  const parsed = await parseWireAsync(bytes, item.hints);
  assertArticleCount(parsed.items.length, item.maxArticles);
  return {
    articles: parsed.items.map((wireItem) => toNinjs(wireItem, item.meta)),
    sourceDetails: parsed.items.map(sourceDetails),
  };
}

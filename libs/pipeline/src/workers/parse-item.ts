import { parseWire, type ParseHints } from '@wiredesk/formats';
import type { Ninjs } from '@wiredesk/ninjs';
import { sourceDetails, type SourceDetails } from '../normalize';
import { toNinjs, type ArticleMeta } from '../to-ninjs';

/** One raw input for the parse worker: its bytes (a copy of their own, so cloning them copies nothing else). */
export interface ParseItem {
  bytes: Uint8Array;
  hints: ParseHints;
  meta: ArticleMeta;
}

/** The not-yet-enriched ninjs articles of one raw input and, per article, what ninjs has no place for. */
export interface ParsedArticles {
  articles: Ninjs[];
  /** sourceDetails[i] belongs to articles[i] */
  sourceDetails: SourceDetails[];
}

/** What the normalizer runs on each wire.raw message (in its parse worker). Throws the parser's WireError. */
export function parseItem(item: ParseItem): ParsedArticles {
  const bytes = Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength);
  const parsed = parseWire(bytes, item.hints);
  return {
    articles: parsed.items.map((wireItem) => toNinjs(wireItem, item.meta)),
    sourceDetails: parsed.items.map(sourceDetails),
  };
}

import type { Enricher } from '@wiredesk/enrich';
import { assertValidNinjs, contentHash, type Ninjs } from '@wiredesk/ninjs';
import type { EnrichmentDetails } from '../apply-enrichment';
import { enrichArticle } from '../normalize';

export interface EnrichItem {
  article: Ninjs;
}

/** One article enriched, validated and serialized: all the enricher's CPU work happens where this runs. */
export interface EnrichedArticle {
  uri: string;
  canceled: boolean;
  /** the ninjs 3.1 document as the articles.normalized value */
  json: string;
  contentHash: string;
  details: EnrichmentDetails;
}

/** What the enricher runs on each article (in its enrich worker). Throws ENRICH_FAILED or INVALID_NINJS. */
export function enrichItem(item: EnrichItem, enricher: Enricher): EnrichedArticle {
  const { article, details } = enrichArticle(item.article, enricher);
  assertValidNinjs(article);
  return {
    uri: article.uri,
    canceled: article.pubStatus === 'canceled',
    json: JSON.stringify(article),
    contentHash: contentHash(article),
    details,
  };
}

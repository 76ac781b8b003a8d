import { join } from 'node:path';

export { runItems } from './item-loop';
export { parseItem, type ParseItem, type ParsedArticles } from './parse-item';
export { enrichItem, type EnrichItem, type EnrichedArticle } from './enrich-item';

/** The worker modules, without extension (the pool takes the compiled .js, or the .ts under jest). */
export const PARSE_WORKER = join(__dirname, 'parse.worker');
export const ENRICH_WORKER = join(__dirname, 'enrich.worker');

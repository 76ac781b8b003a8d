export * from './enrichment';
export { createEnricher, type EnricherOptions } from './enricher';
export { splitCaption } from './captions/captions';

export * from './enrichment';
export { createEnricher, type EnricherOptions } from './enricher';
export { splitCaption } from './captions/captions';
export { detectLanguage } from './language/language-detector';

/** @wiredesk/pipeline: raw bytes → story items → ninjs 3.1 (identity, versions) → enrichment applied. */
export {
  normalizeBytes,
  normalizeBytesAsync,
  enrichArticle,
  assertArticleCount,
  DEFAULT_MAX_ARTICLES_PER_DELIVERY,
} from './normalize';
export type { NormalizeOptions, NormalizeResult, ArticleDetails, SourceDetails } from './normalize';
export { toNinjs, bodiesOf, pictureAssociation, Role, TEXT_PLAIN, XHTML, type ArticleMeta } from './to-ninjs';
export { applyEnrichment, enrichmentDetails, type EnrichmentDetails } from './apply-enrichment';
export { buildEnrichInput, mainTextBody } from './enrich-input';
export { storyUri, storyFingerprint, sourceIdUri, normalizeForIdentity, WIREDESK_URN_PREFIX } from './identity';
export { countWords, countChars } from './text-stats';
export { toNinjsDateTime } from './dates';
export {
  qcodeToUri,
  keywordSubject,
  isKeywordSubject,
  KEYWORD_LITERAL_PREFIX,
  MEDIATOPIC_BASE,
  SUBJECTCODE_BASE,
} from './vocabularies';
export * from './workers';

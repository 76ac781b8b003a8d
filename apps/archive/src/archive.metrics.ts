import { getOrCreateCounter } from '@wiredesk/platform';

/** The archive's own metrics, next to the shared ones of @wiredesk/platform. */
export const ArchiveMetrics = {
  articlesStored: () =>
    getOrCreateCounter('wiredesk_articles_stored_total', 'Article versions handled by the archive, by outcome', [
      'outcome',
    ]),
  rawStored: () =>
    getOrCreateCounter('wiredesk_raw_copies_stored_total', 'Raw copies handled by the archive', ['outcome']),
};

import { getOrCreateCounter, getOrCreateGauge } from '@wiredesk/platform';

/** Per-source Prometheus metrics of the poller (label `source` = the source id). */
export const SourceMetrics = {
  polls: () =>
    getOrCreateCounter('wiredesk_source_polls_total', 'Polls of a scheduled source, by outcome (ok, error)', [
      'source',
      'outcome',
    ]),
  items: () =>
    getOrCreateCounter('wiredesk_source_items_total', 'New items a source delivered to wire.raw', ['source']),
  errors: () =>
    getOrCreateCounter('wiredesk_source_errors_total', 'Failed polls of a source, by error kind', ['source', 'kind']),
  lag: () =>
    getOrCreateGauge(
      'wiredesk_source_lag_seconds',
      'Seconds since the last successful poll of a source (how stale its copy may be)',
      ['source'],
    ),
  silence: () =>
    getOrCreateGauge('wiredesk_source_silence_seconds', 'Seconds since a source last delivered a new item', ['source']),
};

import { Counter, Gauge, Histogram, collectDefaultMetrics, register, type Registry } from 'prom-client';

/**
 * Wiredesk's Prometheus metrics. prom-client's default registry is process-wide and rejects a second metric with the
 * same name, so every metric is created once, on first use, and shared (several apps can run in one test process).
 */
let defaultsCollected = false;

export function metricsRegistry(): Registry {
  if (!defaultsCollected) {
    defaultsCollected = true;
    collectDefaultMetrics({ register });
  }
  return register;
}

export function getOrCreateCounter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (
    (metricsRegistry().getSingleMetric(name) as Counter<L> | undefined) ??
    new Counter<L>({ name, help, labelNames, registers: [register] })
  );
}

export function getOrCreateGauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  return (
    (metricsRegistry().getSingleMetric(name) as Gauge<L> | undefined) ??
    new Gauge<L>({ name, help, labelNames, registers: [register] })
  );
}

export function getOrCreateHistogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
): Histogram<L> {
  return (
    (metricsRegistry().getSingleMetric(name) as Histogram<L> | undefined) ??
    new Histogram<L>({ name, help, labelNames, buckets, registers: [register] })
  );
}

/** The metrics every stage shares. Stage-specific ones can be added with the getOrCreate helpers. */
export const WiredeskMetrics = {
  itemsIngested: () =>
    getOrCreateCounter('wiredesk_items_ingested_total', 'Raw items accepted and produced to wire.raw', ['channel']),
  published: () =>
    getOrCreateCounter('wiredesk_messages_published_total', 'Messages produced and acknowledged, by topic', ['topic']),
  deadLettered: () =>
    getOrCreateCounter('wiredesk_dead_lettered_total', 'Inputs sent to wire.dlq, by error code and stage', [
      'code',
      'stage',
    ]),
  retries: () =>
    getOrCreateCounter('wiredesk_transient_retries_total', 'Batches paused and retried after a transient failure', [
      'stage',
    ]),
  overTimeLimit: () =>
    getOrCreateCounter(
      'wiredesk_item_time_limit_total',
      'Items that ran past their time limit, by worker pool and by how their second try (alone) ended',
      ['pool', 'second_try'],
    ),
  batchSize: () =>
    getOrCreateHistogram(
      'wiredesk_batch_size',
      'Messages per consumed batch chunk',
      ['stage'],
      [1, 2, 5, 10, 25, 50, 100, 200, 500, 1000],
    ),
  stageLatency: () =>
    getOrCreateHistogram(
      'wiredesk_stage_duration_seconds',
      'Time to process one chunk of a stage, outputs acknowledged',
      ['stage'],
      [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
  consumerLag: () =>
    getOrCreateGauge('wiredesk_consumer_lag', 'Messages behind the high watermark at the last batch', [
      'group',
      'topic',
      'partition',
    ]),
};

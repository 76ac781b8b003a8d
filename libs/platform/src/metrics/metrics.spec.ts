import { WiredeskMetrics, getOrCreateCounter, metricsRegistry } from './metrics';

describe('metrics', () => {
  it('returns the same metric when asked twice (several apps share one process)', () => {
    const a = getOrCreateCounter('wiredesk_test_total', 'test', ['x']);
    const b = getOrCreateCounter('wiredesk_test_total', 'test', ['x']);
    expect(a).toBe(b);
  });

  it('exposes the shared counters in the Prometheus text format', async () => {
    WiredeskMetrics.deadLettered().inc({ code: 'MALFORMED_XML', stage: 'normalize' });
    WiredeskMetrics.batchSize().observe({ stage: 'normalize' }, 10);
    const text = await metricsRegistry().metrics();
    expect(text).toContain('wiredesk_dead_lettered_total{code="MALFORMED_XML",stage="normalize"} 1');
    expect(text).toContain('wiredesk_batch_size_bucket{le="10",stage="normalize"} 1');
    expect(text).toContain('process_cpu_seconds_total');
  });
});

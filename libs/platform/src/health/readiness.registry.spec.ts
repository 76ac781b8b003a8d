import { ReadinessRegistry } from './readiness.registry';

describe('ReadinessRegistry', () => {
  it('is ready when every check resolves', async () => {
    const r = new ReadinessRegistry();
    r.register('kafka', async () => undefined);
    r.register('store', async () => true);
    await expect(r.report()).resolves.toEqual({ ready: true, checks: { kafka: { ok: true }, store: { ok: true } } });
  });

  it('reports the failing check and its error', async () => {
    const r = new ReadinessRegistry();
    r.register('kafka', async () => undefined);
    r.register('store', async () => {
      throw new Error('connection refused');
    });
    const report = await r.report();
    expect(report.ready).toBe(false);
    expect(report.checks.store).toEqual({ ok: false, error: 'connection refused' });
  });

  it('treats false and a hung check as not ready', async () => {
    const r = new ReadinessRegistry();
    r.register('no', async () => false);
    r.register('hung', () => new Promise(() => undefined));
    const report = await r.report(20);
    expect(report.ready).toBe(false);
    expect(report.checks.no.ok).toBe(false);
    expect(report.checks.hung.error).toContain('no answer');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMonitorAssets, MONITOR_ASSETS, monitorStaticDir } from './monitor-assets';

describe('monitor assets', () => {
  it('finds static/ next to the code, and loads every file with its type and a strong ETag', () => {
    const assets = loadMonitorAssets(monitorStaticDir());
    expect(Object.keys(assets).sort()).toEqual(Object.keys(MONITOR_ASSETS).sort());
    expect(assets.page.contentType).toMatch(/^text\/html/);
    expect(assets.page.body.toString('utf8')).toContain('<script src="/monitor.js"');
  });

  it('the page has no inline script or style, which its CSP would block', () => {
    const html = loadMonitorAssets().page.body.toString('utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/);
  });

  it('finds the files from a compiled location by walking up to apps/archive/src/monitor/static', () => {
    const root = mkdtempSync(join(tmpdir(), 'monitor-assets-'));
    try {
      const staticDir = join(root, 'apps', 'archive', 'src', 'monitor', 'static');
      mkdirSync(staticDir, { recursive: true });
      writeFileSync(join(staticDir, MONITOR_ASSETS.page.file), '<!doctype html>');
      const compiled = join(root, 'dist', 'apps', 'archive', 'src', 'monitor');
      mkdirSync(compiled, { recursive: true });
      expect(monitorStaticDir(compiled)).toBe(staticDir);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

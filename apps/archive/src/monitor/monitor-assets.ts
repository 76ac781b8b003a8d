import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One static file of the monitor page, held in memory (Express adds its ETag when sending it). */
export interface MonitorAsset {
  body: Buffer;
  contentType: string;
}

export const MONITOR_ASSETS = {
  page: { file: 'monitor.html', contentType: 'text/html; charset=utf-8' },
  script: { file: 'monitor.js', contentType: 'text/javascript; charset=utf-8' },
  style: { file: 'monitor.css', contentType: 'text/css; charset=utf-8' },
  icon: { file: 'monitor.svg', contentType: 'image/svg+xml' },
} as const;

export type MonitorAssetName = keyof typeof MONITOR_ASSETS;

const STATIC_FROM_ROOT = join('apps', 'archive', 'src', 'monitor', 'static');

/**
 * Where the page's files are: `static/` next to this file (jest runs the sources; the image copies non-TypeScript
 * files next to the compiled code), else apps/archive/src/monitor/static found walking up (dist/ after a local
 * `npm run build`, which emits only JavaScript).
 */
export function monitorStaticDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'static'), join(dir, STATIC_FROM_ROOT)]) {
      if (existsSync(join(candidate, MONITOR_ASSETS.page.file))) return candidate;
    }
    if (dirname(dir) === dir) throw new Error(`monitor page files not found (looked for ${STATIC_FROM_ROOT})`);
  }
}

/** Reads the files once: they never change while the service runs. */
export function loadMonitorAssets(dir: string = monitorStaticDir()): Record<MonitorAssetName, MonitorAsset> {
  const load = (name: MonitorAssetName): MonitorAsset => {
    const body = readFileSync(join(dir, MONITOR_ASSETS[name].file));
    return { body, contentType: MONITOR_ASSETS[name].contentType };
  };
  return { page: load('page'), script: load('script'), style: load('style'), icon: load('icon') };
}

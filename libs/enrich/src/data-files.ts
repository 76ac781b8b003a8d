import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the enrichment data lives: WIREDESK_ENRICH_DATA if set, else libs/enrich/data found by walking up from this
 * file (the same from src under jest and from dist after `npm run build`). Nothing is fetched at run time.
 */
export function enrichDataDir(explicit?: string): string {
  const fromEnv = explicit ?? process.env.WIREDESK_ENRICH_DATA;
  if (fromEnv) return fromEnv;
  let dir = __dirname;
  for (;;) {
    for (const candidate of [join(dir, 'data'), join(dir, 'libs', 'enrich', 'data')]) {
      if (existsSync(join(candidate, 'lexicon.json'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('enrichment data not found: set WIREDESK_ENRICH_DATA to libs/enrich/data');
    dir = parent;
  }
}

export function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

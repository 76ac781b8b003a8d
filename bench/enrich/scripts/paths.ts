import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above `from` holding libs/enrich/data (works from src and from dist). */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'libs', 'enrich', 'data', 'lexicon.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`repository root not found above ${from}`);
    dir = parent;
  }
}

export const dataDir = (): string => join(repoRoot(), 'libs', 'enrich', 'data');

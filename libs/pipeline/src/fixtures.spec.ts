import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ErrorCode, isWireError } from '@wiredesk/contracts';
import { createEnricher } from '@wiredesk/enrich';
import { validateNinjs } from '@wiredesk/ninjs';
import { normalizeBytesAsync } from './normalize';

/**
 * Every wire file the project keeps as a fixture, in every format, through the whole pipeline: whatever a file holds,
 * the result is either articles that validate against ninjs 3.1 or a WireError with a stable code for the input, never
 * an invalid document (INVALID_NINJS) or a crash.
 */
const FIXTURES = join(__dirname, '../../../test/fixtures');
const SKIP_DIRS = new Set(['ninjs-schema']); // schema test documents, not wire copy
const SKIP_FILES = /^(PROVENANCE\.md|LICENSE.*|README.*)$/;

function wireFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP_DIRS.has(name) ? [] : wireFiles(path);
    return SKIP_FILES.test(name) ? [] : [path];
  });
}

const files = wireFiles(FIXTURES).map((p) => [relative(FIXTURES, p), p]);
const enricher = createEnricher();

describe.each([
  ['parsed and mapped', undefined],
  ['parsed, mapped and enriched', enricher],
])('every fixture %s', (_how, enrich) => {
  it('has fixtures to run', () => expect(files.length).toBeGreaterThan(10));

  it.each(files)('%s', async (_name, path) => {
    const bytes = readFileSync(path);
    let result;
    try {
      result = await normalizeBytesAsync(bytes, { filename: basename(path) }, { enricher: enrich });
    } catch (e) {
      expect(isWireError(e)).toBe(true);
      expect((e as { code: string }).code).not.toBe(ErrorCode.INVALID_NINJS);
      expect((e as { code: string }).code).not.toBe(ErrorCode.ENRICH_FAILED);
      return;
    }
    expect(result.articles.length).toBeGreaterThan(0);
    for (const article of result.articles) expect(validateNinjs(article).errors).toEqual([]);
  });
});

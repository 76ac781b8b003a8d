import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfraError } from './errors';
import { applySourcePatches, FERRETDB_PATCHES, ferretdbEnv } from './store';

describe('applySourcePatches', () => {
  const file = 'internal/backends/sqlite/metadata/metadata.go';

  function tree(content: string): string {
    const root = mkdtempSync(join(tmpdir(), 'wd-patch-'));
    mkdirSync(join(root, 'internal/backends/sqlite/metadata'), { recursive: true });
    writeFileSync(join(root, file), content);
    return root;
  }

  it("makes FerretDB's _id lookups use the expression its _id index is built on", () => {
    const root = tree(`const (\n\tIDColumn = DefaultColumn + "->'$._id'"\n)\n`);
    applySourcePatches(root, FERRETDB_PATCHES);
    expect(readFileSync(join(root, file), 'utf8')).toBe(`const (\n\tIDColumn = DefaultColumn + "->'_id'"\n)\n`);
  });

  it('refuses a source the patch was not written for, and one where it matches twice', () => {
    expect(() => applySourcePatches(tree('package metadata\n'), FERRETDB_PATCHES)).toThrow(InfraError);
    const twice = `IDColumn = DefaultColumn + "->'$._id'"\nIDColumn = DefaultColumn + "->'$._id'"\n`;
    expect(() => applySourcePatches(tree(twice), FERRETDB_PATCHES)).toThrow(/not the source/);
  });
});

describe('ferretdbEnv', () => {
  it('collects garbage less often than Go by default, unless GOGC is set', () => {
    expect(ferretdbEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', GOGC: '400' });
    expect(ferretdbEnv({ GOGC: '100' })).toEqual({ GOGC: '100' });
  });
});

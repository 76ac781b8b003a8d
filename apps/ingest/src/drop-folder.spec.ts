import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  StabilityTracker,
  isIgnoredName,
  listDroppedFiles,
  moveAside,
  writeErrorReport,
  type DroppedFile,
} from './drop-folder';

describe('drop folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wd-drop-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('lists top-level files and feed subfolders, skipping processed/, failed/ and partial names', async () => {
    await fs.mkdir(join(dir, 'afp-en'));
    await fs.mkdir(join(dir, 'processed'));
    await fs.writeFile(join(dir, 'a.txt'), 'a');
    await fs.writeFile(join(dir, 'afp-en', 'b.xml'), 'b');
    await fs.writeFile(join(dir, 'processed', 'old.txt'), 'x');
    await fs.writeFile(join(dir, 'c.xml.part'), 'c');
    await fs.writeFile(join(dir, '.hidden'), 'h');
    const files = await listDroppedFiles(dir);
    expect(files.map((f) => [f.relativePath, f.source]).sort()).toEqual([
      ['a.txt', undefined],
      ['afp-en/b.xml', 'afp-en'],
    ]);
  });

  it('knows the names writers use for unfinished files', () => {
    expect(isIgnoredName('story.xml')).toBe(false);
    expect(['.story.xml', 'story.xml~', 'story.tmp', 'story.xml.part', 'x.crdownload'].every(isIgnoredName)).toBe(true);
  });

  it('takes a file only once its size and mtime have held still for the stable time', () => {
    const tracker = new StabilityTracker(1000);
    const f = (size: number): DroppedFile => ({
      path: '/d/a',
      relativePath: 'a',
      size,
      mtimeMs: size,
      source: undefined,
    });
    expect(tracker.stable([f(10)], 0)).toEqual([]);
    expect(tracker.stable([f(20)], 500)).toEqual([]);
    expect(tracker.stable([f(20)], 1200)).toEqual([]);
    expect(tracker.stable([f(20)], 1500)).toEqual([f(20)]);
  });

  it('moves without overwriting and writes the error report beside a failed file', async () => {
    await fs.writeFile(join(dir, 'a.txt'), 'one');
    const file = (await listDroppedFiles(dir))[0];
    const first = await moveAside(dir, file, 'failed');
    expect(first).toBe(join(dir, 'failed', 'a.txt'));
    await fs.writeFile(join(dir, 'a.txt'), 'two');
    const second = await moveAside(dir, (await listDroppedFiles(dir))[0], 'failed');
    expect(second).not.toBe(first);
    expect(await fs.readFile(first, 'utf8')).toBe('one');
    expect(await fs.readFile(second, 'utf8')).toBe('two');
    await writeErrorReport(first, { code: 'EMPTY_INPUT', message: 'The file is empty.' });
    const report = JSON.parse(await fs.readFile(`${first}.error.json`, 'utf8'));
    expect(report).toMatchObject({ code: 'EMPTY_INPUT', file: 'a.txt' });
  });
});

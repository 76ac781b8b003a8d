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
    expect(files.map((f) => [f.relativePath, f.source, f.unfinished ?? false]).sort()).toEqual([
      ['.hidden', undefined, true],
      ['a.txt', undefined, false],
      ['afp-en/b.xml', 'afp-en', false],
      ['c.xml.part', undefined, true],
    ]);
  });

  it('never skips a file for good: nested folders are read, odd folders and non-files get a refusal', async () => {
    await fs.mkdir(join(dir, 'afp-en', '2024', '04'), { recursive: true });
    await fs.writeFile(join(dir, 'afp-en', '2024', '04', 'story.xml'), 's');
    await fs.mkdir(join(dir, '新华社'));
    await fs.writeFile(join(dir, '新华社', 'story.txt'), 'x');
    await fs.mkdir(join(dir, 'bad name'));
    await fs.writeFile(join(dir, 'bad name', 'story.txt'), 'x');
    await fs.symlink('/etc/hostname', join(dir, 'link.txt'));
    const deep = join(dir, 'afp-en', ...'abcdefghij'.split(''));
    await fs.mkdir(deep, { recursive: true });
    await fs.writeFile(join(deep, 'too-deep.txt'), 'd');
    const byPath = new Map((await listDroppedFiles(dir)).map((f) => [f.relativePath, f]));
    expect(byPath.get('afp-en/2024/04/story.xml')).toMatchObject({ source: 'afp-en' });
    expect(byPath.get('afp-en/2024/04/story.xml')?.refusal).toBeUndefined();
    expect(byPath.get('新华社/story.txt')?.refusal?.code).toBe('INVALID_SOURCE');
    expect(byPath.get('bad name/story.txt')?.refusal?.code).toBe('INVALID_SOURCE');
    expect(byPath.get('link.txt')?.refusal?.code).toBe('UNSUPPORTED_FILE');
    expect(byPath.get('afp-en/a/b/c/d/e/f/g/h/i/j/too-deep.txt')?.refusal?.code).toBe('UNSUPPORTED_FILE');
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

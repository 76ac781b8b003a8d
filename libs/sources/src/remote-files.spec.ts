import { fileKey, globMatcher, isTemporaryName, settledFiles } from './remote-files';

describe('remote files', () => {
  it('names a file version by name, size and time', () => {
    expect(fileKey({ name: 'a.xml', size: 10, mtime: 5 })).toBe('file:a.xml|10|5');
    expect(fileKey({ name: 'a.xml', size: 11, mtime: 5 })).not.toBe(fileKey({ name: 'a.xml', size: 10, mtime: 5 }));
  });

  it('takes only files that looked the same twice; a growing or empty file waits', () => {
    const first = [
      { name: 'done.xml', size: 100, mtime: 1 },
      { name: 'growing.xml', size: 10, mtime: 1 },
      { name: 'empty.xml', size: 0, mtime: 1 },
    ];
    const second = [
      { name: 'done.xml', size: 100, mtime: 1 },
      { name: 'growing.xml', size: 20, mtime: 2 },
      { name: 'empty.xml', size: 0, mtime: 1 },
      { name: 'new.xml', size: 5, mtime: 3 },
    ];
    const { ready, growing } = settledFiles(first, second);
    expect(ready.map((f) => f.name)).toEqual(['done.xml']);
    expect(growing).toEqual(['growing.xml', 'empty.xml']);
  });

  it('matches globs and skips names of files being written', () => {
    const xml = globMatcher('*.xml');
    expect(xml('A.XML')).toBe(true);
    expect(xml('a.txt')).toBe(false);
    expect(globMatcher('{*.xml,AFP_??.txt}')('AFP_12.txt')).toBe(true);
    expect(globMatcher(undefined)('anything')).toBe(true);
    expect(isTemporaryName('story.xml.part')).toBe(true);
    expect(isTemporaryName('.hidden')).toBe(true);
    expect(isTemporaryName('story.xml')).toBe(false);
  });
});

import { WrittenDirectoryHours } from './written-directory-hours';

describe('WrittenDirectoryHours', () => {
  it('knows the hours written per directory, and starts again empty past its bound', () => {
    const written = new WrittenDirectoryHours(3);
    written.add([['d:*', [10, 11]]]);
    expect(written.has('d:*', 10)).toBe(true);
    expect(written.has('d:*', 12)).toBe(false);
    expect(written.has('d:language:en', 10)).toBe(false);
    written.add([['d:language:en', [10, 11]]]);
    // the fourth pair did not fit: only what came after the reset is known, which costs repeats, never a miss
    expect(written.has('d:*', 10)).toBe(false);
    expect(written.has('d:language:en', 11)).toBe(true);
  });
});

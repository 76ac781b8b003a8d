import { WrittenDirectorySlots } from './written-directory-slots';

describe('WrittenDirectorySlots', () => {
  it('knows the slots written per directory, and starts again empty past its bound', () => {
    const written = new WrittenDirectorySlots(3);
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

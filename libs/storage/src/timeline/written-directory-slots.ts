/**
 * The directory slots this process has written. A directory only ever gains slots (timeline-entry.ts: a slot that no
 * longer holds such a story costs a reader one extra read, never a wrong answer), so once a statement adding a slot
 * to a directory has run, running it again changes nothing. In steady state nearly every directory statement of a
 * batch is such a repeat (the current slot, a known person, a known source), and FerretDB still reads and rewrites
 * the directory for each: measured, they were most of the store's work per article. So the write path leaves out
 * what this set holds. Bounded: past `max` pairs it starts again empty, which only costs repeats.
 */
export class WrittenDirectorySlots {
  private readonly written = new Set<string>();

  constructor(private readonly max = 200_000) {}

  has(directory: string, slot: number): boolean {
    return this.written.has(`${slot} ${directory}`);
  }

  /** After the statements adding them have run without a failure. */
  add(directorySlots: Iterable<readonly [string, Iterable<number>]>): void {
    for (const [directory, slots] of directorySlots) {
      for (const slot of slots) {
        if (this.written.size >= this.max) this.written.clear();
        this.written.add(`${slot} ${directory}`);
      }
    }
  }
}

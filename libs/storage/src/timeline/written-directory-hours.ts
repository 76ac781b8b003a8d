/**
 * The directory hours this process has written. A directory only ever gains hours (timeline-entry.ts: an hour that no
 * longer holds such a story costs a reader one extra read, never a wrong answer), so once a statement adding an hour
 * to a directory has run, running it again changes nothing. In steady state nearly every directory statement of a
 * batch is such a repeat (the current hour, a known person, a known source), and FerretDB still reads and rewrites
 * the directory for each: measured, they were most of the store's work per article. So the write path leaves out
 * what this set holds. Bounded: past `max` pairs it starts again empty, which only costs repeats.
 */
export class WrittenDirectoryHours {
  private readonly written = new Set<string>();

  constructor(private readonly max = 200_000) {}

  has(directory: string, hour: number): boolean {
    return this.written.has(`${hour} ${directory}`);
  }

  /** After the statements adding them have run without a failure. */
  add(directoryHours: Iterable<readonly [string, Iterable<number>]>): void {
    for (const [directory, hours] of directoryHours) {
      for (const hour of hours) {
        if (this.written.size >= this.max) this.written.clear();
        this.written.add(`${hour} ${directory}`);
      }
    }
  }
}

import { PassThrough } from 'node:stream';
import { formatDuration, formatProgress, formatRate, Progress, renderBar } from './progress';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

describe('progress formatting', () => {
  it('formats durations, rates and bars', () => {
    expect(formatDuration(7000)).toBe('0:07');
    expect(formatDuration(12 * 60000 + 4000)).toBe('12:04');
    expect(formatDuration(3600000 + 2 * 60000 + 9000)).toBe('1:02:09');
    expect(formatRate(1234.4, 'files')).toBe('1234 files/s');
    expect(formatRate(12.46, 'files')).toBe('12.5 files/s');
    expect(formatRate(0.25, 'files')).toBe('0.25 files/s');
    expect(renderBar(1, 4, 8)).toBe('[##......]');
    expect(renderBar(9, 4, 4)).toBe('[####]');
    expect(renderBar(0, 0, 3)).toBe('[...]');
  });

  it('shows the percentage and ETA when the total is known, the elapsed time otherwise', () => {
    expect(formatProgress({ done: 25, total: 100, rate: 5, etaMs: 15000, elapsedMs: 5000 }, 'files')).toBe(
      '25/100 files  25%  5.00 files/s  ETA 0:15',
    );
    expect(formatProgress({ done: 3, rate: 1, elapsedMs: 3000 }, 'copies')).toBe(
      '3 copies  1.00 copies/s  elapsed 0:03',
    );
  });
});

describe('Progress', () => {
  it('measures the rate and the time left from the ticks (injected clock)', () => {
    let now = 0;
    const { stream } = capture();
    const p = new Progress(stream, { unit: 'files', total: 10, tty: false, now: () => now });
    for (let i = 0; i < 4; i++) {
      now += 500;
      p.tick();
    }
    const s = p.snapshot();
    expect(s.done).toBe(4);
    expect(s.rate).toBeCloseTo(2);
    expect(s.etaMs).toBeCloseTo(3000);
  });

  it('writes plain lines, at most one per interval, when the stream is not a terminal', () => {
    let now = 0;
    const out = capture();
    const p = new Progress(out.stream, { unit: 'files', total: 3, tty: false, plainEveryMs: 1000, now: () => now });
    p.tick(); // first tick draws
    now = 100;
    p.tick(); // too soon
    now = 1200;
    p.tick();
    p.finish();
    const lines = out.text().split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(out.text()).not.toMatch(/[\r\x1b]/);
    expect(lines[2]).toMatch(/^3\/3 files {2}100% .* done$/);
  });

  it('redraws one line in place on a terminal and clears it on demand', () => {
    let now = 0;
    const out = capture();
    const p = new Progress(out.stream, { unit: 'files', total: 2, tty: true, columns: 120, now: () => now });
    now = 1000;
    p.tick(1, 'a.xml');
    p.clear();
    now = 2000;
    p.tick(1, 'b.xml');
    p.finish();
    const text = out.text();
    expect(text).toContain('\r[');
    expect(text).toContain('a.xml');
    expect(text).toContain('\r\x1b[K');
    expect(text.endsWith('done\x1b[K\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2); // only the final line ends with a newline
  });
});

/**
 * A progress line for long CLI runs (replay, ingest): done/total, a bar, the rate and the time left, on stderr.
 * On a terminal it redraws one line in place; anywhere else (a log file, CI, a pipe) it writes a plain line every few
 * seconds instead, so logs do not fill with carriage returns and escape codes.
 */

export interface ProgressOptions {
  /** what is counted, e.g. "files" */
  unit: string;
  /** how many there are, when known (a bar and an ETA need it) */
  total?: number;
  /** default: whether the stream is a terminal */
  tty?: boolean;
  /** a terminal line is redrawn at most this often (default 100 ms) */
  redrawMs?: number;
  /** a plain line is written at most this often (default 5 s) */
  plainEveryMs?: number;
  /** the rate is measured over this trailing window (default 10 s) */
  windowMs?: number;
  /** terminal width for the line (default: the stream's columns, else 100) */
  columns?: number;
  now?: () => number;
}

export interface ProgressSnapshot {
  done: number;
  total?: number;
  /** per second, over the trailing window */
  rate: number;
  /** ms left at the current rate; undefined without a total or a rate */
  etaMs?: number;
  elapsedMs: number;
}

/** "0:07", "12:04", "1:02:09" */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "1234/s", "12.5/s", "0.25/s" */
export function formatRate(perSecond: number, unit: string): string {
  const digits = perSecond >= 100 ? 0 : perSecond >= 10 ? 1 : 2;
  return `${perSecond.toFixed(digits)} ${unit}/s`;
}

/** A bar of `width` cells, filled by the fraction done: "[#######.............]" */
export function renderBar(done: number, total: number, width: number): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** The text of one progress line (without the extra words a caller adds). */
export function formatProgress(s: ProgressSnapshot, unit: string, barWidth = 0): string {
  const parts: string[] = [];
  if (s.total !== undefined && barWidth > 0) parts.push(renderBar(s.done, s.total, barWidth));
  parts.push(s.total !== undefined ? `${s.done}/${s.total} ${unit}` : `${s.done} ${unit}`);
  if (s.total !== undefined && s.total > 0) parts.push(`${Math.floor((100 * Math.min(s.done, s.total)) / s.total)}%`);
  parts.push(formatRate(s.rate, unit));
  parts.push(s.etaMs !== undefined ? `ETA ${formatDuration(s.etaMs)}` : `elapsed ${formatDuration(s.elapsedMs)}`);
  return parts.join('  ');
}

export class Progress {
  private done = 0;
  private readonly started: number;
  private readonly samples: { at: number; done: number }[] = [];
  private lastDraw = -Infinity;
  private drawnOnTerminal = false;
  private detail = '';
  private readonly tty: boolean;
  private readonly now: () => number;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly options: ProgressOptions,
  ) {
    this.tty = options.tty ?? (stream as { isTTY?: boolean }).isTTY === true;
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.samples.push({ at: this.started, done: 0 });
  }

  set total(total: number | undefined) {
    this.options.total = total;
  }

  /** Counts `n` more as done; `detail` (e.g. the current file) is shown at the end of a terminal line. */
  tick(n = 1, detail?: string): void {
    this.done += n;
    if (detail !== undefined) this.detail = detail;
    const at = this.now();
    this.samples.push({ at, done: this.done });
    const window = this.options.windowMs ?? 10000;
    while (this.samples.length > 2 && this.samples[0].at < at - window) this.samples.shift();
    const every = this.tty ? (this.options.redrawMs ?? 100) : (this.options.plainEveryMs ?? 5000);
    if (at - this.lastDraw >= every) this.draw(at);
  }

  snapshot(at = this.now()): ProgressSnapshot {
    const first = this.samples[0];
    const seconds = (at - first.at) / 1000;
    const rate = seconds > 0 ? (this.done - first.done) / seconds : 0;
    const total = this.options.total;
    const left = total !== undefined ? Math.max(0, total - this.done) : undefined;
    const etaMs = left !== undefined && rate > 0 ? (left / rate) * 1000 : left === 0 ? 0 : undefined;
    return { done: this.done, total, rate, etaMs, elapsedMs: at - this.started };
  }

  /** The last line: on a terminal it replaces the live one; elsewhere one more plain line. */
  finish(): void {
    const at = this.now();
    const elapsed = (at - this.started) / 1000;
    const overall = { ...this.snapshot(at), rate: elapsed > 0 ? this.done / elapsed : 0, etaMs: undefined };
    const line = `${formatProgress(overall, this.options.unit)}  done`;
    this.stream.write(this.tty ? `\r${line}\x1b[K\n` : `${line}\n`);
    this.drawnOnTerminal = false;
  }

  /** Removes the live line before the caller writes something else to the terminal, so lines do not mix. */
  clear(): void {
    if (this.tty && this.drawnOnTerminal) this.stream.write('\r\x1b[K');
    this.drawnOnTerminal = false;
  }

  private draw(at: number): void {
    this.lastDraw = at;
    const snapshot = this.snapshot(at);
    if (!this.tty) {
      this.stream.write(`${formatProgress(snapshot, this.options.unit)}\n`);
      return;
    }
    const columns = this.options.columns ?? (this.stream as { columns?: number }).columns ?? 100;
    let line = formatProgress(snapshot, this.options.unit, Math.max(10, Math.min(30, columns - 70)));
    if (this.detail) line += `  ${this.detail}`;
    if (line.length > columns - 1) line = `${line.slice(0, Math.max(0, columns - 2))}…`;
    this.stream.write(`\r${line}\x1b[K`);
    this.drawnOnTerminal = true;
  }
}

/**
 * Progress of a long first-run step (downloading Kafka, building FerretDB): a line every few seconds saying what is
 * happening, how far it is when that can be counted, and roughly how long is left, so a first `npm start` is not a
 * silent minute.
 */
export interface ProgressState {
  /** what is being done, e.g. "building FerretDB 1.24.2: compiling Go packages" */
  label: string;
  elapsedMs: number;
  /** units done and expected, when the step can count them (packages compiled of those it needs) */
  done?: number;
  total?: number;
  /** how long the whole step usually takes on a two-core machine, for an estimate when nothing can be counted */
  typicalMs: number;
}

const seconds = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

/** One progress line: `label: 212/480 (44 %), 1 min 05 s so far, about 1 min 20 s left`. */
export function formatProgress(p: ProgressState): string {
  const parts: string[] = [];
  let leftMs: number | undefined;
  if (p.total && p.done !== undefined) {
    const fraction = Math.min(1, p.done / p.total);
    parts.push(`${p.done}/${p.total} (${Math.round(fraction * 100)} %)`);
    // a rate needs a little to go on; before that the typical duration is the better guess
    if (fraction >= 0.05) leftMs = (p.elapsedMs / fraction) * (1 - fraction);
  }
  leftMs ??= p.typicalMs - p.elapsedMs;
  parts.push(`${seconds(p.elapsedMs)} so far`);
  parts.push(leftMs > 0 ? `about ${seconds(leftMs)} left` : 'taking longer than usual, still working');
  return `${p.label}: ${parts.join(', ')}`;
}

export interface ProgressTicker {
  /** a new phase of the same step (the clock keeps running) */
  phase(label: string, typicalMs: number): void;
  /** the counter of the current phase */
  count(done: number, total?: number): void;
  stop(): void;
}

/** Logs formatProgress every `everyMs` until stopped. */
export function startProgress(log: (line: string) => void, everyMs = 10_000): ProgressTicker {
  const started = Date.now();
  let state: Omit<ProgressState, 'elapsedMs'> = { label: '', typicalMs: 0 };
  let phaseStarted = started;
  const timer = setInterval(() => {
    if (state.label) log(formatProgress({ ...state, elapsedMs: Date.now() - phaseStarted }));
  }, everyMs);
  timer.unref();
  return {
    phase(label, typicalMs) {
      state = { label, typicalMs };
      phaseStarted = Date.now();
    },
    count(done, total) {
      state = { ...state, done, total: total ?? state.total };
    },
    stop: () => clearInterval(timer),
  };
}

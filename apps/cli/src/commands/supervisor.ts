import { killService, startService, stopService, type RunningService, type ServiceSpec } from './service-runner';

/** Like compose's `restart: unless-stopped`: first restart after 1 s, doubling to 30 s; 60 s of life resets it. */
export const RESTART_BACKOFF = { initialMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/** The delay before the n-th restart in a row (n ≥ 1). */
export function restartDelay(failuresInARow: number, policy = RESTART_BACKOFF): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failuresInARow - 1));
}

/**
 * One service of `wiredesk up`, kept running: when its process exits on its own (a crash, an out-of-memory kill),
 * the terminal says so and it is started again after a backoff; the rest of the stack goes on. Only stop() or
 * kill() end it.
 */
export class SupervisedService {
  private current: RunningService;
  private failuresInARow = 0;
  private startedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  restarts = 0;

  constructor(
    private readonly spec: ServiceSpec,
    private readonly log: (line: string) => void,
    private readonly say: (line: string) => void,
    private readonly policy = RESTART_BACKOFF,
  ) {
    this.current = this.launch();
  }

  get name(): string {
    return this.spec.name;
  }

  private launch(): RunningService {
    this.startedAt = Date.now();
    const service = startService(this.spec, this.log);
    service.exited.then(
      (how) => this.onExit(how),
      () => undefined,
    );
    return service;
  }

  private onExit(how: string): void {
    if (this.stopping) return;
    if (Date.now() - this.startedAt >= this.policy.stableMs) this.failuresInARow = 0;
    this.failuresInARow++;
    const delay = restartDelay(this.failuresInARow, this.policy);
    this.restarts++;
    this.say(`${this.name} ${how}; restarting it in ${(delay / 1000).toFixed(0)} s (restart ${this.restarts})`);
    this.timer = setTimeout(() => {
      if (this.stopping) return;
      this.current = this.launch();
      this.say(`${this.name} restarted`);
    }, delay);
  }

  /** SIGTERM (SIGKILL after timeoutMs); no restart after this. */
  stop(timeoutMs: number): Promise<'terminated' | 'killed'> {
    this.stopping = true;
    clearTimeout(this.timer);
    return stopService(this.current, timeoutMs);
  }

  kill(): void {
    this.stopping = true;
    clearTimeout(this.timer);
    killService(this.current);
  }
}

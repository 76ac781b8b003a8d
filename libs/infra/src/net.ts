import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** True if something accepts TCP connections on host:port. */
export function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolveAnswer(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Calls `probe` until it resolves true, `abort` resolves (a reason: the server died), or the time is up.
 * Returns undefined when ready, else why not.
 */
export async function waitUntil(
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; abort?: Promise<string> },
): Promise<string | undefined> {
  let aborted: string | undefined;
  options.abort?.then(
    (reason) => (aborted = reason),
    () => undefined,
  );
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (aborted) return aborted;
    if (await probe().catch(() => false)) return undefined;
    if (aborted) return aborted;
    if (Date.now() > deadline) return `did not answer within ${Math.round(options.timeoutMs / 1000)} s`;
    await sleep(options.intervalMs ?? 500);
  }
}

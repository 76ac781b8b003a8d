import { Injectable } from '@nestjs/common';

/** A dependency the service needs to do its work: resolves when it answers, throws (or returns false) when not. */
export type ReadinessCheck = () => Promise<boolean | void>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string }>;
}

/**
 * Pluggable readiness: each module that owns a dependency (Kafka, the store) registers a check at start.
 * Checks run in parallel, each bounded by a timeout so a hung dependency reads as "not ready", not as a hung probe.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  async report(timeoutMs = 3000): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const),
    );
    const checks = Object.fromEntries(entries);
    return { ready: entries.every(([, r]) => r.ok), checks };
  }
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([check(), timeout]);
    return result === false ? { ok: false, error: 'not ready' } : { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error)?.message ?? String(e) };
  } finally {
    clearTimeout(timer);
  }
}

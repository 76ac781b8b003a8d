import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import {
  SourceError,
  countToday,
  describeSourceError,
  failureDelay,
  isSilent,
  nextPollDelay,
  updateUsualGap,
  type SourceDefinition,
} from '@wiredesk/sources';
import type { SourceStateRecord, SourceStore } from '@wiredesk/storage';
import type { PollOutcome, PollRunner } from '@wiredesk/polling';
import type { EffectiveSource, SourceRegistry } from './source-registry';
import { SourceMetrics } from './sources.metrics';

export interface PollerOptions {
  instanceId: string;
  concurrency: number;
  timeoutMs: number;
  seenRetentionDays: number;
  /** how often the source list and the shared state are re-read (other instances, the API) */
  refreshMs?: number;
}

export type PollResult =
  | ({ status: 'polled' } & PollOutcome)
  | { status: 'failed'; kind: string; message: string }
  | { status: 'busy'; message: string };

const TICK_MS = 250;

/**
 * Runs every enabled source on its own schedule. Each source has its own due time; a tick starts the due ones up to
 * the concurrency limit, each poll cut off at its timeout, so a slow or broken source only ever occupies one slot.
 * Before polling, an instance takes the source's lease in the store; the due time and the state live in the store
 * too, so any instance may take the next poll and none polls a source another has just polled.
 */
export class Poller {
  private readonly logger = new Logger('Poller');
  private sources = new Map<string, EffectiveSource>();
  private readonly due = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<PollResult>>();
  private timer: NodeJS.Timeout | undefined;
  private lastRefresh = 0;
  private lastPrune = 0;
  private refreshing: Promise<void> | undefined;
  private stopped = false;
  private readonly controllers = new Set<AbortController>();
  /** the lease owner: the configured instance name and a random part, unique even for two pollers in one process */
  private readonly owner: string;

  constructor(
    private readonly registry: SourceRegistry,
    private readonly store: SourceStore,
    private readonly runner: PollRunner,
    private readonly options: PollerOptions,
  ) {
    this.owner = `${options.instanceId}/${randomBytes(4).toString('hex')}`;
  }

  start(): void {
    this.timer = setInterval(() => this.tickSafely(), TICK_MS);
    this.tickSafely();
  }

  /** A tick that fails is logged, never an unhandled rejection (which would end the process). */
  private tickSafely(): void {
    this.tick().catch((e: unknown) => this.logger.error({ msg: 'poller tick failed', error: (e as Error).message }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const c of this.controllers) c.abort(new SourceError('timeout', 'the service is stopping'));
    await Promise.allSettled([...this.inFlight.values(), this.refreshing]);
  }

  /** Polls a source now on this instance (API "poll now", CLI), or joins the poll already running here. */
  async pollNow(id: string): Promise<PollResult> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const source = await this.registry.get(id);
    await this.store.setState(id, { pollRequestedAt: new Date() });
    // another call may have started it while this one waited for the store: one poll per source per instance
    return this.inFlight.get(id) ?? this.startPoll(source, true);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const now = Date.now();
    if (!this.refreshing && now - this.lastRefresh >= (this.options.refreshMs ?? 10000)) {
      this.refreshing = this.refresh()
        .catch((e) => this.logger.warn({ msg: 'could not read the sources', error: (e as Error).message }))
        .finally(() => {
          this.lastRefresh = Date.now();
          this.refreshing = undefined;
        });
    }
    // the longest-waiting first, so a full set of slots never starves the sources at the end of the list
    const waiting = [...this.due].filter(([id, at]) => at <= now && !this.inFlight.has(id)).sort((a, b) => a[1] - b[1]);
    for (const [id] of waiting) {
      if (this.inFlight.size >= this.options.concurrency) break;
      const source = this.sources.get(id);
      if (!source?.enabled) continue;
      this.startPoll(source, false).catch((e: unknown) =>
        this.logger.error({ msg: 'poll failed', source: id, error: (e as Error).message }),
      );
    }
  }

  /** Re-reads the sources and their shared due times, and updates the per-source gauges. */
  private async refresh(): Promise<void> {
    const all = await this.registry.all();
    const now = Date.now();
    this.sources = new Map(all.map((s) => [s.definition.id, s]));
    for (const id of this.due.keys()) if (!this.sources.get(id)?.enabled) this.due.delete(id);
    for (const s of all) {
      const profile = { kind: s.definition.kind, intervalMs: s.definition.schedule.interval, enabled: s.enabled };
      const known = s.state?.profile;
      if (
        !known ||
        known.kind !== profile.kind ||
        known.intervalMs !== profile.intervalMs ||
        known.enabled !== profile.enabled
      ) {
        await this.store.setState(s.definition.id, { profile });
      }
      if (!s.enabled) continue;
      const state = s.state;
      const requested = state?.pollRequestedAt && state.pollRequestedAt > (state.lastPollAt ?? new Date(0));
      const shared = requested ? now : (state?.nextPollAt?.getTime() ?? now);
      if (!this.inFlight.has(s.definition.id)) this.due.set(s.definition.id, shared);
      if (state?.lastSuccessAt) {
        SourceMetrics.lag().set({ source: s.definition.id }, (now - state.lastSuccessAt.getTime()) / 1000);
      }
      if (state?.lastNewItemAt) {
        SourceMetrics.silence().set({ source: s.definition.id }, (now - state.lastNewItemAt.getTime()) / 1000);
      }
    }
    if (now - this.lastPrune > 60 * 60 * 1000) {
      this.lastPrune = now;
      await this.store.pruneSeen(new Date(now - this.options.seenRetentionDays * 86400000));
    }
  }

  private startPoll(source: EffectiveSource, forced: boolean): Promise<PollResult> {
    const id = source.definition.id;
    const run = this.pollOnce(source.definition, forced).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    return run;
  }

  private async pollOnce(definition: SourceDefinition, forced: boolean): Promise<PollResult> {
    const id = definition.id;
    const timeoutMs = definition.timeout ?? this.options.timeoutMs;
    const lease = await this.store
      .acquireLease(id, this.owner, timeoutMs + 30000)
      .catch((e) => this.logger.warn({ msg: 'lease not taken', source: id, error: (e as Error).message }));
    if (!lease) {
      // another instance polls it (or the store is away): look again after the next refresh
      this.due.set(id, Date.now() + (this.options.refreshMs ?? 10000));
      return { status: 'busy', message: 'Another poller instance is polling this source.' };
    }
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(
      () => controller.abort(new SourceError('timeout', `The poll took longer than ${timeoutMs} ms.`)),
      timeoutMs,
    );
    const renew = setInterval(
      () => {
        void this.store.renewLease(lease, timeoutMs + 30000).then(
          (held) => held || controller.abort(new Error('the lease on the source was lost')),
          () => undefined,
        );
      },
      Math.max(1000, (timeoutMs + 30000) / 3),
    );
    try {
      const state = await this.store.getState(id);
      const now = new Date();
      const requested = state?.pollRequestedAt && state.pollRequestedAt > (state.lastPollAt ?? new Date(0));
      if (!forced && !requested && state?.nextPollAt && state.nextPollAt > now) {
        this.due.set(id, state.nextPollAt.getTime()); // polled meanwhile by another instance
        return { status: 'busy', message: 'The source was polled by another instance meanwhile.' };
      }
      return await this.runAndRecord(definition, state, controller.signal, lease);
    } finally {
      clearTimeout(timer);
      clearInterval(renew);
      this.controllers.delete(controller);
      await this.store.releaseLease(lease).catch(() => undefined);
    }
  }

  private async runAndRecord(
    definition: SourceDefinition,
    state: SourceStateRecord | null,
    signal: AbortSignal,
    lease: Parameters<PollRunner['poll']>[3],
  ): Promise<PollResult> {
    const id = definition.id;
    const schedule = { intervalMs: definition.schedule.interval, jitterMs: definition.schedule.jitter };
    const startedAt = new Date();
    try {
      const outcome = await this.runner.poll(definition, state, signal, lease);
      const now = new Date();
      const set: Partial<SourceStateRecord> = {
        lastPollAt: startedAt,
        lastSuccessAt: now,
        failures: 0,
        nextPollAt: new Date(now.getTime() + (outcome.more ? 1000 : nextPollDelay(schedule))),
        ...(outcome.checkpoint.etag !== undefined || outcome.checkpoint.lastModified !== undefined
          ? { etag: outcome.checkpoint.etag, lastModified: outcome.checkpoint.lastModified }
          : {}),
      };
      if (outcome.delivered > 0) {
        if (state?.lastNewItemAt) {
          set.usualGapMs = updateUsualGap(state.usualGapMs, now.getTime() - state.lastNewItemAt.getTime());
        }
        set.lastNewItemAt = now;
        set.itemsToday = countToday(state?.itemsToday, outcome.delivered, now);
        set.itemsTotal = (state?.itemsTotal ?? 0) + outcome.delivered;
      }
      await this.store.setState(id, set, ['pollRequestedAt']);
      this.due.set(id, set.nextPollAt!.getTime());
      SourceMetrics.polls().inc({ source: id, outcome: 'ok' });
      if (outcome.delivered) SourceMetrics.items().inc({ source: id }, outcome.delivered);
      if (outcome.tooLarge.length)
        SourceMetrics.errors().inc({ source: id, kind: 'too-large' }, outcome.tooLarge.length);
      SourceMetrics.lag().set({ source: id }, 0);
      return {
        status: 'polled',
        offered: outcome.offered,
        delivered: outcome.delivered,
        keys: outcome.keys,
        more: outcome.more,
        tooLarge: outcome.tooLarge,
      };
    } catch (e) {
      const error = signal.aborted && signal.reason instanceof SourceError ? signal.reason : e;
      const { kind, message } = describeSourceError(error);
      const failures = (state?.failures ?? 0) + 1;
      const now = new Date();
      const nextPollAt = new Date(now.getTime() + failureDelay(schedule, failures));
      await this.store
        .setState(id, { lastPollAt: startedAt, failures, lastError: { kind, message, at: now }, nextPollAt }, [
          'pollRequestedAt',
        ])
        .catch(() => undefined);
      this.due.set(id, nextPollAt.getTime());
      SourceMetrics.polls().inc({ source: id, outcome: 'error' });
      SourceMetrics.errors().inc({ source: id, kind });
      this.logger.warn({ msg: 'poll failed', source: id, kind, error: message, failures, retryAt: nextPollAt });
      return { status: 'failed', kind, message };
    }
  }
}

/** The state the API and the monitor show for a source. */
export function sourceStatus(source: EffectiveSource, now = new Date()) {
  const state = source.state;
  const today = now.toISOString().slice(0, 10);
  return {
    lastPollAt: state?.lastPollAt?.toISOString() ?? null,
    lastSuccessAt: state?.lastSuccessAt?.toISOString() ?? null,
    lastNewItemAt: state?.lastNewItemAt?.toISOString() ?? null,
    nextPollAt: state?.nextPollAt?.toISOString() ?? null,
    itemsToday: state?.itemsToday?.day === today ? state.itemsToday.count : 0,
    itemsTotal: state?.itemsTotal ?? 0,
    failures: state?.failures ?? 0,
    lastError: state?.lastError
      ? { kind: state.lastError.kind, message: state.lastError.message, at: state.lastError.at.toISOString() }
      : null,
    usualGapSeconds: state?.usualGapMs ? Math.round(state.usualGapMs / 1000) : null,
    silent: isSilent(state?.lastNewItemAt, state?.usualGapMs, source.definition.schedule.interval, now),
  };
}

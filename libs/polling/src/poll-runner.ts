import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { WireChannel } from '@wiredesk/contracts';
import { nameBasedUuid } from '@wiredesk/messaging';
import { effectiveAfterFetch, type SourceDefinition, type SourceKind } from '@wiredesk/sources';
import type { SourceLease, SourceStateRecord, SourceStore } from '@wiredesk/storage';
import { openFolderSession } from './sessions/folder.session';
import { openFtpSession } from './sessions/ftp.session';
import { openHttpSession } from './sessions/http.session';
import { openImapSession } from './sessions/imap.session';
import { openSftpSession } from './sessions/sftp.session';
import type { Candidate, SessionContext, SourceSession } from './sessions/source-session';
import type { SecretReader } from './secrets';

/** What one poll did. */
export interface PollOutcome {
  /** items the source offered (new and known) */
  offered: number;
  /** items delivered to wire.raw in this poll */
  delivered: number;
  /** the item keys delivered, in order (for tests and `wiredesk sources poll`) */
  keys: string[];
  /** true when the poll stopped early (its item limit) and more may be waiting */
  more: boolean;
  /** items left where they are because they are larger than MAX_BODY_BYTES (remembered, so they block nothing) */
  tooLarge: string[];
}

/** Produces one item to wire.raw and resolves once Kafka has acknowledged it. */
export type DeliverItem = (item: {
  body: Buffer;
  channel: WireChannel;
  source: string;
  format?: string;
  contentType?: string;
  filename?: string;
  ingestId: string;
  idempotencyKey: string;
}) => Promise<unknown>;

const OPENERS: Record<SourceKind, (ctx: SessionContext) => Promise<SourceSession>> = {
  feed: openHttpSession,
  http: openHttpSession,
  ftp: openFtpSession,
  ftps: openFtpSession,
  sftp: openSftpSession,
  imap: openImapSession,
  folder: openFolderSession,
};

const CHANNEL: Record<SourceKind, WireChannel> = {
  feed: 'rss',
  http: 'http',
  ftp: 'ftp',
  ftps: 'ftp',
  sftp: 'ftp',
  imap: 'imap',
  folder: 'folder',
};

/** Most items one poll delivers; the rest waits for the next poll, which then comes soon. */
export const MAX_ITEMS_PER_POLL = 500;

/** The ingest id of a polled item: named by source and item key, so a re-fetched item is the same ingest. */
export function polledIngestId(sourceId: string, key: string): string {
  return nameBasedUuid(`poll:${sourceId}:${key}`);
}

export function sessionFor(kind: SourceKind, ctx: SessionContext): Promise<SourceSession> {
  return OPENERS[kind](ctx);
}

/**
 * One poll of one source: list, skip what was delivered before, deliver each new item and wait for Kafka's
 * acknowledgement, only then remember it as seen and do the after-fetch action (move, delete, flag). A crash at any
 * point loses nothing: an item acknowledged but not yet remembered is fetched again and delivered with the same
 * ingest id and key (the archive keeps one copy per ingest id and one version per content), and an item remembered
 * but not yet moved is moved on the next poll. Conditional-request validators are kept only after a complete poll.
 */
export class PollRunner {
  private readonly logger = new Logger('Poller');

  constructor(
    private readonly store: SourceStore,
    private readonly deliver: DeliverItem,
    private readonly secrets: SecretReader,
    private readonly options: {
      settleMs: number;
      maxBytes: number;
      /** opens a session (default: the adapter of the source's kind) */
      open?: typeof sessionFor;
    },
  ) {}

  async poll(
    source: SourceDefinition,
    state: SourceStateRecord | null,
    signal: AbortSignal,
    lease?: SourceLease,
  ): Promise<PollOutcome & { checkpoint: Pick<SourceStateRecord, 'etag' | 'lastModified'> }> {
    const session = await (this.options.open ?? sessionFor)(source.kind, {
      source,
      state,
      signal,
      secrets: this.secrets,
      settleMs: this.options.settleMs,
      maxBytes: this.options.maxBytes,
      alreadySeen: (keys) => this.store.seenKeys(source.id, keys),
    });
    try {
      const candidates = await session.list();
      const seen = await this.store.seenKeys(
        source.id,
        candidates.map((c) => c.key),
      );
      const finishKnown = session.finish && effectiveAfterFetch(source) !== 'leave';
      const outcome: PollOutcome = { offered: candidates.length, delivered: 0, keys: [], more: false, tooLarge: [] };
      for (const candidate of candidates) {
        signal.throwIfAborted();
        if (seen.has(candidate.key)) {
          // delivered before; its after-fetch action did not happen (a crash, a lost connection): do it now
          if (finishKnown) await session.finish!(candidate);
          continue;
        }
        if (outcome.delivered >= MAX_ITEMS_PER_POLL) {
          outcome.more = true;
          break;
        }
        if (lease && !(await this.store.stillHeld(lease))) throw new Error('the lease on the source was lost');
        if (candidate.size !== undefined && candidate.size > this.options.maxBytes) {
          // wire.raw cannot carry it: left in place (no after-fetch action), remembered so it does not block the
          // source, and reported (log, metric, the poll's outcome) for someone to fetch by hand
          await this.store.markSeen(source.id, [candidate.key]);
          outcome.tooLarge.push(candidate.name ?? candidate.key);
          this.logger.error({
            msg: 'polled item too large, left in place',
            source: source.id,
            item: candidate.name,
            bytes: candidate.size,
            limit: this.options.maxBytes,
          });
          continue;
        }
        await this.deliverOne(source, session, candidate);
        await this.store.markSeen(source.id, [candidate.key]);
        if (session.finish) await session.finish(candidate);
        outcome.delivered++;
        outcome.keys.push(candidate.key);
      }
      return { ...outcome, checkpoint: outcome.more ? {} : (session.checkpoint?.() ?? {}) };
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private async deliverOne(source: SourceDefinition, session: SourceSession, candidate: Candidate): Promise<void> {
    const body = candidate.body ?? (await session.fetch(candidate));
    const ingestId = polledIngestId(source.id, candidate.key);
    await this.deliver({
      body,
      channel: CHANNEL[source.kind],
      source: source.id,
      format: source.format,
      contentType: candidate.contentType,
      filename: candidate.name,
      ingestId,
      // the Kafka key: a re-delivered item lands on the same partition as its first delivery
      idempotencyKey: `poll:${createHash('sha256').update(`${source.id}\n${candidate.key}`).digest('hex').slice(0, 40)}`,
    });
    this.logger.log({
      msg: 'polled item ingested',
      source: source.id,
      ingestId,
      item: candidate.name,
      bytes: body.length,
    });
  }
}

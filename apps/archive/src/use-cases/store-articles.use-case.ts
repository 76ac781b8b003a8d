import { Inject, Injectable, Logger } from '@nestjs/common';
import { ArticleHeader, ErrorCode } from '@wiredesk/contracts';
import {
  KafkaProducerService,
  Outcome,
  TransientError,
  type ConsumedMessage,
  type MessageOutcome,
  type OutboundMessage,
} from '@wiredesk/messaging';
import { WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import { ArticleRepository, isTransientStoreError, type ArticleOutcome, type IncomingArticle } from '@wiredesk/storage';
import { ArchiveMetrics } from '../archive.metrics';
import { canceledEvent, readArticleMessage, revisedEvent } from '../consumers/article-message';

/**
 * articles.normalized → MongoDB, one consumed chunk at a time. Outcomes are returned only after the store has
 * acknowledged the writes (majority, journaled) and the `canceled` events of kills and the `updated` events of
 * revisions (a replay re-derived the current version) are acknowledged by Kafka; the
 * consumer commits its offsets after that. A store outage is a TransientError: the partition pauses and the chunk is
 * consumed again, which the idempotent writes make harmless.
 */
@Injectable()
export class StoreArticles {
  private readonly logger = new Logger('StoreArticles');

  constructor(
    private readonly articles: ArticleRepository,
    private readonly producer: KafkaProducerService,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {}

  async execute(messages: ConsumedMessage[]): Promise<MessageOutcome[]> {
    const outcomes: MessageOutcome[] = new Array(messages.length);
    const items: IncomingArticle[] = [];
    const positions: number[] = [];
    messages.forEach((message, i) => {
      const read = readArticleMessage(message);
      if (read.kind === 'own-event') {
        outcomes[i] = Outcome.ok();
      } else if (read.kind === 'invalid') {
        outcomes[i] = Outcome.deadLetter({ code: read.code, message: read.message, stage: 'store' });
        ArchiveMetrics.articlesStored().inc({ outcome: 'invalid' });
      } else {
        items.push(read.item);
        positions.push(i);
      }
    });
    if (items.length === 0) return outcomes;

    let stored: ArticleOutcome[];
    try {
      stored = await this.articles.applyBatch(items);
    } catch (error) {
      if (isTransientStoreError(error)) throw new TransientError('The store is unavailable.', error);
      throw error;
    }

    const events: OutboundMessage[] = [];
    const revised: { uri: string; contentHash: string }[] = [];
    for (const result of stored) {
      const i = positions[result.index];
      const item = items[result.index];
      ArchiveMetrics.articlesStored().inc({ outcome: result.outcome });
      if (result.outcome === 'rejected') {
        outcomes[i] = Outcome.deadLetter({
          code: ErrorCode.STORE_REJECTED,
          message: `The store refused the article: ${result.error ?? 'unknown reason'}`,
          stage: 'store',
        });
        continue;
      }
      if (result.outcome === 'conflict') {
        outcomes[i] = Outcome.deadLetter({
          code: ErrorCode.VERSION_CONFLICT,
          message:
            `Version ${result.version} of ${result.uri} is already stored with other content: two different ` +
            'stories claim the same source id and version (a correction needs a higher version).',
          stage: 'store',
        });
        continue;
      }
      outcomes[i] = Outcome.ok();
      if (result.outcome === 'canceled' && result.canceledArticle && result.canceledContentHash) {
        events.push(
          canceledEvent(this.config.topics.articles, result.canceledArticle, result.canceledContentHash, {
            ingestId: item.ingestId,
            source: item.source,
          }),
        );
      }
      if (result.outcome === 'revised') {
        events.push(
          revisedEvent(this.config.topics.articles, item.ninjs, item.contentHash, {
            ingestId: item.ingestId,
            source: item.source,
          }),
        );
        revised.push({ uri: result.uri, contentHash: item.contentHash });
      }
    }

    if (events.length > 0) {
      // acknowledged by Kafka before the offsets are committed; a crash in between replays the kill, which reports
      // `canceled` again until markCancelEventsPublished has run: the event may repeat, it is never lost
      await this.producer.send(events);
      const uris = [
        ...new Set(events.filter((e) => e.headers?.[ArticleHeader.event] === 'canceled').map((e) => String(e.key))),
      ];
      try {
        if (uris.length > 0) await this.articles.markCancelEventsPublished(uris);
        if (revised.length > 0) await this.articles.markRevisionEventsPublished(revised);
      } catch (error) {
        this.logger.warn({ msg: 'could not clear the event outbox; a replay repeats the event', uris, revised });
        if (isTransientStoreError(error)) throw new TransientError('The store is unavailable.', error);
        throw error;
      }
    }
    return outcomes;
  }
}

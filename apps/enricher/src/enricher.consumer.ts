import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BatchConsumerFactory, TransientError, type BatchHandler } from '@wiredesk/messaging';
import { BudgetedPool, WIREDESK_CONFIG, type ItemOutcome, type WiredeskConfig } from '@wiredesk/platform';
import { ENRICH_WORKER, type EnrichItem, type EnrichedArticle } from '@wiredesk/pipeline';
import { enrichEnvelopes } from './enrich-envelope';

/**
 * Consumes wire.parsed in batches (group <prefix>-enricher) and publishes enriched ninjs to articles.normalized. The
 * articles of a chunk are enriched as one task on a worker thread (WORKER_THREADS; the gazetteers and models load
 * there), each within ENRICH_TIME_LIMIT_MS: the event loop stays free for heartbeats.
 */
@Injectable()
export class EnricherConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pool: BudgetedPool<EnrichItem, EnrichedArticle>;

  constructor(
    private readonly consumers: BatchConsumerFactory,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {
    this.pool = new BudgetedPool({
      module: ENRICH_WORKER,
      name: 'enrich',
      threads: config.workerThreads,
      itemTimeLimitMs: config.enrichTimeLimitMs,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const articlesTopic = this.config.topics.articles;
    const handler: BatchHandler = (messages) => enrichEnvelopes(messages, (items) => this.enrich(items), articlesTopic);
    await this.consumers
      .create({
        groupId: this.consumers.groupId('enricher'),
        topics: [this.config.topics.wireParsed],
        stage: 'enrich',
        handler,
      })
      .start();
  }

  private async enrich(items: EnrichItem[]): Promise<ItemOutcome<EnrichedArticle>[]> {
    try {
      return await this.pool.run(items);
    } catch (e) {
      // shutting down: the chunk is consumed again after the restart, not dead-lettered
      if (this.pool.closed) throw new TransientError('the enrich workers are shutting down', e);
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

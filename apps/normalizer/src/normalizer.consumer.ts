import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BatchConsumerFactory, TransientError, type BatchHandler } from '@wiredesk/messaging';
import { BudgetedPool, WIREDESK_CONFIG, type ItemOutcome, type WiredeskConfig } from '@wiredesk/platform';
import { PARSE_WORKER, type ParseItem, type ParsedArticles } from '@wiredesk/pipeline';
import { normalizeMessages } from './normalize-message';

/**
 * Consumes wire.raw in batches (group <prefix>-normalizer) and produces one wire.parsed envelope per raw input. Each
 * chunk is parsed as one task on a worker thread (WORKER_THREADS), every input within PARSE_TIME_LIMIT_MS: the event
 * loop stays free for heartbeats, so a runaway input costs its time limit and a dead letter, never the partition.
 */
@Injectable()
export class NormalizerConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pool: BudgetedPool<ParseItem, ParsedArticles>;

  constructor(
    private readonly consumers: BatchConsumerFactory,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {
    this.pool = new BudgetedPool({
      module: PARSE_WORKER,
      name: 'parse',
      threads: config.workerThreads,
      itemTimeLimitMs: config.parseTimeLimitMs,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const parsedTopic = this.config.topics.wireParsed;
    const options = { maxArticles: this.config.maxArticlesPerDelivery, rawCopyBaseUrl: this.config.archivePublicUrl };
    const handler: BatchHandler = (messages) =>
      normalizeMessages(messages, (items) => this.parse(items), parsedTopic, options);
    await this.consumers
      .create({
        groupId: this.consumers.groupId('normalizer'),
        topics: [this.config.topics.wireRaw],
        stage: 'normalize',
        handler,
      })
      .start();
  }

  private async parse(items: ParseItem[]): Promise<ItemOutcome<ParsedArticles>[]> {
    try {
      return await this.pool.run(items);
    } catch (e) {
      // shutting down: the chunk is consumed again after the restart, not dead-lettered
      if (this.pool.closed) throw new TransientError('the parse workers are shutting down', e);
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

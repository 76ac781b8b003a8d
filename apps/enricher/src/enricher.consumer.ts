import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Enricher } from '@wiredesk/enrich';
import { BatchConsumerFactory, type BatchHandler, type MessageOutcome } from '@wiredesk/messaging';
import { WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import { enrichEnvelope } from './enrich-envelope';
import { ENRICHER } from './enricher.tokens';

/** Consumes wire.parsed in batches (group <prefix>-enricher) and publishes enriched ninjs to articles.normalized. */
@Injectable()
export class EnricherConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
    @Inject(ENRICHER) private readonly enricher: Enricher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const articlesTopic = this.config.topics.articles;
    const handler: BatchHandler = async (messages, ctx) => {
      const outcomes: MessageOutcome[] = [];
      for (const message of messages) outcomes.push(await enrichEnvelope(message, this.enricher, articlesTopic, ctx));
      return outcomes;
    };
    await this.consumers
      .create({
        groupId: this.consumers.groupId('enricher'),
        topics: [this.config.topics.wireParsed],
        stage: 'enrich',
        handler,
      })
      .start();
  }
}

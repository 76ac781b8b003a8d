import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { BatchConsumerFactory, type BatchHandler, type MessageOutcome } from '@wiredesk/messaging';
import { WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import { normalizeMessage } from './normalize-message';

/** Consumes wire.raw in batches (group <prefix>-normalizer) and produces one wire.parsed envelope per raw input. */
@Injectable()
export class NormalizerConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: BatchConsumerFactory,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const parsedTopic = this.config.topics.wireParsed;
    const handler: BatchHandler = async (messages, ctx) => {
      const outcomes: MessageOutcome[] = [];
      for (const message of messages) {
        outcomes.push(await normalizeMessage(message, parsedTopic, this.config.archivePublicUrl));
        // parsing is CPU work: let timers and heartbeats through between messages
        await ctx.yieldToEventLoop();
      }
      return outcomes;
    };
    await this.consumers
      .create({
        groupId: this.consumers.groupId('normalizer'),
        topics: [this.config.topics.wireRaw],
        stage: 'normalize',
        handler,
      })
      .start();
  }
}

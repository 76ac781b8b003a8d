import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { backoffDelay, BatchConsumerFactory, type BatchConsumer } from '@wiredesk/messaging';
import { WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import { StoreArticles } from '../use-cases/store-articles.use-case';
import { StoreRawCopies } from '../use-cases/store-raw-copies.use-case';
import { setTimeout as sleep } from 'node:timers/promises';

/** Consumer group names (with the configured prefix: wiredesk-archive, wiredesk-archive-raw). */
export const ARCHIVE_GROUP = 'archive';
export const ARCHIVE_RAW_GROUP = 'archive-raw';

/**
 * The archive's two consumers: articles.normalized → articles/article_versions, and wire.raw → raw. Separate groups
 * so a slow raw copy never delays articles. They start after the HTTP server is up and keep trying while Kafka is
 * unreachable (readiness says so meanwhile); the messaging factory stops them gracefully at shutdown.
 */
@Injectable()
export class ArchiveConsumers implements OnApplicationBootstrap {
  private readonly logger = new Logger('ArchiveConsumers');
  private stopped = false;

  constructor(
    private readonly factory: BatchConsumerFactory,
    private readonly storeArticles: StoreArticles,
    private readonly storeRaw: StoreRawCopies,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.startInBackground(() =>
      this.factory.create({
        groupId: this.factory.groupId(ARCHIVE_GROUP),
        topics: [this.config.topics.articles],
        stage: 'store',
        handler: (messages) => this.storeArticles.execute(messages),
      }),
    );
    this.startInBackground(() =>
      this.factory.create({
        groupId: this.factory.groupId(ARCHIVE_RAW_GROUP),
        topics: [this.config.topics.wireRaw],
        stage: 'store',
        handler: (messages) => this.storeRaw.execute(messages),
        // raw copies can be large: fetch at least one whole record per partition
        maxBytesPerPartition: Math.min(
          64 * 1024 * 1024,
          Math.max(4 * 1024 * 1024, this.config.maxBodyBytes + 1024 * 1024),
        ),
      }),
    );
  }

  /** Start-up runs behind the HTTP server (readiness says when it is done); a failure is logged, never unhandled. */
  private startInBackground(create: () => BatchConsumer): void {
    this.startWithRetry(create).catch((error: unknown) =>
      this.logger.error({ msg: 'consumer start-up failed', error: (error as Error).message }),
    );
  }

  /** A consumer that failed to start is replaced by a new one (kafkajs consumers are not restartable). */
  private async startWithRetry(create: () => BatchConsumer): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      const consumer = create();
      try {
        await consumer.start();
        return;
      } catch (error) {
        await consumer.stop().catch(() => undefined);
        const delayMs = backoffDelay(attempt, { initialMs: 500, maxMs: 15000 });
        this.logger.warn({
          msg: 'consumer could not start, retrying',
          group: consumer.groupId,
          delayMs,
          error: (error as Error).message,
        });
        await sleep(delayMs, undefined, { ref: false });
      }
    }
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
  }
}

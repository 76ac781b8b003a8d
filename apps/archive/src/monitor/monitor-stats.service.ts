import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { KAFKA_CLIENT } from '@wiredesk/messaging';
import { WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import { ArticleRepository } from '@wiredesk/storage';
import type { Admin, Kafka } from 'kafkajs';

/** The counts on the monitor page. A count that cannot be read right now is null, never a guess. */
export interface WireStats {
  /** raw copies archived (one per delivery accepted on wire.raw) */
  ingested: number | null;
  /** stories stored (current versions in `articles`), i.e. published on articles.normalized and archived */
  published: number | null;
  /** records ever written to the dead-letter topic (the sum of its partitions' high watermarks; it is kept forever) */
  deadLettered: number | null;
}

/** Counts change at most this often for the page: many open monitors cost one set of queries a second. */
const CACHE_MS = 1000;

/** Sums the high watermarks kafkajs reports per partition (strings, as Kafka offsets are 64-bit). */
export function sumHighWatermarks(partitions: readonly { high: string }[]): number {
  return partitions.reduce((sum, p) => sum + Number(p.high), 0);
}

/**
 * Read-only counts for GET /v1/stats: the totals the archive keeps as it writes (`counters`: raw copies and stories
 * stored; two `_id` reads, whatever the store holds), and the dead-letter topic's offsets from a Kafka admin client of
 * its own (on the service's shared client).
 */
@Injectable()
export class MonitorStats implements OnApplicationShutdown {
  private readonly logger = new Logger('MonitorStats');
  private readonly admin: Admin;
  private adminConnecting: Promise<void> | undefined;
  private cached: { at: number; stats: Promise<WireStats> } | undefined;

  constructor(
    private readonly articles: ArticleRepository,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {
    // a status page must answer quickly: one retry, then the count is shown as unknown
    this.admin = kafka.admin({ retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1000 } });
  }

  read(now = Date.now()): Promise<WireStats> {
    if (!this.cached || now - this.cached.at >= CACHE_MS) this.cached = { at: now, stats: this.count() };
    return this.cached.stats;
  }

  private async count(): Promise<WireStats> {
    const [totals, deadLettered] = await Promise.all([this.totals(), this.deadLettered()]);
    return { ingested: totals.rawCopies, published: totals.stories, deadLettered };
  }

  private async totals(): Promise<{ stories: number | null; rawCopies: number | null }> {
    try {
      return await this.articles.totals();
    } catch (error) {
      this.logger.warn({ msg: 'count failed', error: (error as Error).message });
      return { stories: null, rawCopies: null };
    }
  }

  private async deadLettered(): Promise<number | null> {
    try {
      this.adminConnecting ??= this.admin.connect().catch((error) => {
        this.adminConnecting = undefined;
        throw error;
      });
      await this.adminConnecting;
      return sumHighWatermarks(await this.admin.fetchTopicOffsets(this.config.topics.dlq));
    } catch (error) {
      this.logger.warn({ msg: 'dead-letter count failed', error: (error as Error).message });
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.adminConnecting) return;
    await this.admin.disconnect().catch(() => undefined);
  }
}

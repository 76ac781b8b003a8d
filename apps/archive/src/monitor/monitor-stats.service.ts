import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { KAFKA_CLIENT } from '@wiredesk/messaging';
import { WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import { ARTICLES_COLLECTION, RAW_COLLECTION } from '@wiredesk/storage';
import type { Admin, Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';

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
 * Read-only counts for GET /v1/stats: estimated document counts (collection metadata, no scan) of `raw` and
 * `articles`, and the dead-letter topic's offsets from a Kafka admin client of its own (on the service's shared client).
 */
@Injectable()
export class MonitorStats implements OnApplicationShutdown {
  private readonly logger = new Logger('MonitorStats');
  private readonly admin: Admin;
  private adminConnecting: Promise<void> | undefined;
  private cached: { at: number; stats: Promise<WireStats> } | undefined;

  constructor(
    @InjectConnection() private readonly connection: Connection,
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
    const [ingested, published, deadLettered] = await Promise.all([
      this.documents(RAW_COLLECTION),
      this.documents(ARTICLES_COLLECTION),
      this.deadLettered(),
    ]);
    return { ingested, published, deadLettered };
  }

  private async documents(collection: string): Promise<number | null> {
    try {
      const db = this.connection.db;
      return db ? await db.collection(collection).estimatedDocumentCount() : null;
    } catch (error) {
      this.logger.warn({ msg: 'count failed', collection, error: (error as Error).message });
      return null;
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

import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { backoffDelay } from './backoff';
import { KAFKA_CLIENT } from './messaging.tokens';
import type { TopicSpec } from './topics';
import { setTimeout as sleep } from 'node:timers/promises';

/** Topic provisioning and the broker readiness probe. */
@Injectable()
export class KafkaAdminService implements OnApplicationShutdown {
  private readonly logger = new Logger('KafkaAdmin');
  private readonly admin: Admin;
  private connecting: Promise<void> | undefined;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    // few retries: a readiness probe must answer quickly, provisioning retries on its own
    this.admin = kafka.admin({ retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1000 } });
  }

  private connect(): Promise<void> {
    this.connecting ??= this.admin.connect().catch((e) => {
      this.connecting = undefined;
      throw e;
    });
    return this.connecting;
  }

  /**
   * Creates missing topics (concurrent creators and "already exists" are fine) and adds partitions to existing topics
   * that have fewer than asked. Retries while the broker is still starting, up to `deadlineMs`.
   */
  async ensureTopics(specs: TopicSpec[], deadlineMs = 60000): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.connect();
        // create only what is missing: asking for existing topics makes the broker log (and kafkajs echo) errors
        const existing = new Set(await this.admin.listTopics());
        const missing = specs.filter((s) => !existing.has(s.topic));
        if (missing.length) await this.admin.createTopics({ topics: missing, waitForLeaders: true });
        await this.growPartitions(specs);
        if (missing.length) this.logger.log({ msg: 'topics created', topics: missing.map((s) => s.topic) });
        return;
      } catch (e) {
        if (Date.now() - started > deadlineMs) throw e;
        const delay = backoffDelay(attempt, { initialMs: 500, maxMs: 5000 });
        this.logger.warn({ msg: 'topic provisioning failed, retrying', error: (e as Error).message, delayMs: delay });
        await sleep(delay);
      }
    }
  }

  private async growPartitions(specs: TopicSpec[]): Promise<void> {
    const { topics } = await this.admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) });
    const grow = topics
      .map((t) => ({
        topic: t.name,
        have: t.partitions.length,
        want: specs.find((s) => s.topic === t.name)!.numPartitions,
      }))
      .filter((t) => t.have < t.want)
      .map((t) => ({ topic: t.topic, count: t.want }));
    if (grow.length) await this.admin.createPartitions({ topicPartitions: grow });
  }

  /** Resolves when the cluster answers a metadata request. */
  async ping(): Promise<void> {
    await this.connect();
    await this.admin.describeCluster();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connecting) return;
    try {
      await this.admin.disconnect();
    } catch {
      // already gone
    }
  }
}

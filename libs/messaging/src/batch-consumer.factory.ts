import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { BatchConsumer, type BatchConsumerOptions } from './batch-consumer';
import { KafkaProducerService } from './kafka-producer.service';
import { KAFKA_CLIENT, MESSAGING_OPTIONS } from './messaging.tokens';
import type { MessagingOptions } from './messaging.options';

/**
 * Creates batch consumers wired to the service's producer and DLQ topic, and stops them all before the application
 * shuts down (Nest runs beforeApplicationShutdown before the producer's onApplicationShutdown, so outputs of the
 * last chunk are still produced and committed).
 */
@Injectable()
export class BatchConsumerFactory implements BeforeApplicationShutdown {
  private readonly consumers: BatchConsumer[] = [];

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly producer: KafkaProducerService,
  ) {}

  /** `chunkSize` defaults to the configured CONSUMER_CHUNK_SIZE. */
  create(options: BatchConsumerOptions): BatchConsumer {
    const consumer = new BatchConsumer(this.kafka, this.producer, this.options.config.topics.dlq, {
      chunkSize: this.options.config.consumerChunkSize,
      ...options,
    });
    this.consumers.push(consumer);
    return consumer;
  }

  /** `<prefix>-<name>`, e.g. wiredesk-normalizer */
  groupId(name: string): string {
    return `${this.options.config.consumerGroupPrefix}-${name}`;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}

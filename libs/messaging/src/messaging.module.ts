import { DynamicModule, Global, Inject, Injectable, Module, Optional, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@wiredesk/platform';
import { BatchConsumerFactory } from './batch-consumer.factory';
import { createKafkaClient } from './kafka-client';
import { KafkaAdminService } from './kafka-admin.service';
import { KafkaProducerService } from './kafka-producer.service';
import { KAFKA_CLIENT, MESSAGING_OPTIONS } from './messaging.tokens';
import type { MessagingOptions } from './messaging.options';
import { wiredeskTopicSpecs } from './topics';

/** At start: topics provisioned, producer connected, Kafka readiness check registered. */
@Injectable()
export class MessagingLifecycle implements OnModuleInit {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly admin: KafkaAdminService,
    private readonly producer: KafkaProducerService,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.readiness?.register('kafka', () => this.admin.ping());
    if (this.options.provisionTopics !== false) {
      await this.admin.ensureTopics(wiredeskTopicSpecs(this.options.config));
    }
    await this.producer.connect();
  }
}

/**
 * Kafka for a Wiredesk service, on kafkajs directly (eachBatch consumption and batched idempotent production, which
 * the Nest microservice transport does not offer).
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA_CLIENT, useFactory: () => createKafkaClient(options) },
        KafkaAdminService,
        KafkaProducerService,
        BatchConsumerFactory,
        MessagingLifecycle,
      ],
      exports: [KAFKA_CLIENT, KafkaAdminService, KafkaProducerService, BatchConsumerFactory],
    };
  }
}

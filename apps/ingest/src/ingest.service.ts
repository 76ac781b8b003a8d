import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaProducerService } from '@wiredesk/messaging';
import { WIREDESK_CONFIG, WiredeskMetrics, type WiredeskConfig } from '@wiredesk/platform';
import { IdempotencyCache } from './idempotency-cache';
import { ingestIdFor, wireRawRecord, type WireDelivery } from './wire-record';

export interface IngestResult {
  ingestId: string;
  /** true when an earlier delivery with the same Idempotency-Key already produced this copy */
  replayed: boolean;
}

/** Produces deliveries to wire.raw; a delivery counts as accepted only once the broker has acknowledged it. */
@Injectable()
export class WireIngestService {
  private readonly logger = new Logger('Ingest');
  private readonly recent = new IdempotencyCache<string>();

  constructor(
    private readonly producer: KafkaProducerService,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {}

  async ingest(delivery: WireDelivery): Promise<IngestResult> {
    if (!delivery.idempotencyKey) return { ingestId: await this.produce(delivery), replayed: false };
    const key = `${delivery.channel}|${delivery.source ?? ''}|${delivery.idempotencyKey}`;
    const { result, replayed } = this.recent.run(key, () => this.produce(delivery));
    return { ingestId: await result, replayed };
  }

  private async produce(delivery: WireDelivery): Promise<string> {
    const ingestId = ingestIdFor(delivery);
    const receivedAt = new Date();
    await this.producer.send([wireRawRecord(this.config.topics.wireRaw, delivery, ingestId, receivedAt)]);
    WiredeskMetrics.itemsIngested().inc({ channel: delivery.channel });
    this.logger.log({
      msg: 'ingested',
      ingestId,
      channel: delivery.channel,
      source: delivery.source,
      bytes: delivery.body.length,
    });
    return ingestId;
  }
}

import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@wiredesk/contracts';
import { KafkaProducerService } from '@wiredesk/messaging';
import { ProblemException, WIREDESK_CONFIG, WiredeskMetrics, type WiredeskConfig } from '@wiredesk/platform';
import { IdempotencyCache } from './idempotency-cache';
import { IdempotencyStore, type KeyRecord } from './idempotency-store';
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
  private readonly recent = new IdempotencyCache<KeyUse>();

  constructor(
    private readonly producer: KafkaProducerService,
    private readonly keys: IdempotencyStore,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {}

  /**
   * Throws a 422 problem (IDEMPOTENCY_KEY_REUSED) when the delivery's Idempotency-Key was used before with another
   * body, now or before a restart (IdempotencyStore).
   */
  async ingest(delivery: WireDelivery): Promise<IngestResult> {
    if (!delivery.idempotencyKey) return { ingestId: (await this.produce(delivery)).ingestId, replayed: false };
    const key = `${delivery.channel}|${delivery.source ?? ''}|${delivery.idempotencyKey}`;
    const sha256 = createHash('sha256').update(delivery.body).digest('hex');
    const known = this.keys.get(key);
    if (known) {
      if (known.sha256 !== sha256) throw keyReused();
      return { ingestId: known.ingestId, replayed: true };
    }
    // concurrent first uses of one key share one attempt
    const { result, replayed } = this.recent.run(key, () => this.produce(delivery, { key, sha256 }));
    const first = await result;
    if (replayed && first.sha256 !== sha256) throw keyReused();
    return { ingestId: first.ingestId, replayed };
  }

  private async produce(delivery: WireDelivery, keyed?: { key: string; sha256: string }): Promise<KeyUse> {
    const ingestId = ingestIdFor(delivery);
    const receivedAt = new Date();
    const records = [wireRawRecord(this.config.topics.wireRaw, delivery, ingestId, receivedAt)];
    const use = { ingestId, sha256: keyed?.sha256 ?? '', at: receivedAt.getTime() };
    if (keyed) records.push(this.keys.record(keyed.key, use));
    await this.producer.send(records);
    // only once both are acknowledged: a failed attempt leaves the key free for the client's retry
    if (keyed) this.keys.confirm(keyed.key, use);
    WiredeskMetrics.itemsIngested().inc({ channel: delivery.channel });
    this.logger.log({
      msg: 'ingested',
      ingestId,
      channel: delivery.channel,
      source: delivery.source,
      bytes: delivery.body.length,
    });
    return use;
  }
}

type KeyUse = KeyRecord;

function keyReused(): ProblemException {
  return new ProblemException(
    422,
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
    'This Idempotency-Key was already used with a different body; a new delivery needs a new key.',
  );
}

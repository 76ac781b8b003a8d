import { Injectable } from '@nestjs/common';
import { ErrorCode, WireHeader } from '@wiredesk/contracts';
import {
  Outcome,
  TransientError,
  wireMetaFromHeaders,
  type ConsumedMessage,
  type MessageOutcome,
} from '@wiredesk/messaging';
import { isTransientStoreError, RawRepository, type IncomingRawCopy } from '@wiredesk/storage';
import { ArchiveMetrics } from '../archive.metrics';

/** wire.raw → the `raw` collection (GridFS for large copies): the audit copy of every delivery, by ingest id. */
@Injectable()
export class StoreRawCopies {
  constructor(private readonly raw: RawRepository) {}

  async execute(messages: ConsumedMessage[]): Promise<MessageOutcome[]> {
    const copies = messages.map(toRawCopy);
    let results;
    try {
      results = await this.raw.saveBatch(copies);
    } catch (error) {
      if (isTransientStoreError(error)) throw new TransientError('The store is unavailable.', error);
      throw error;
    }
    return results.map((result) => {
      ArchiveMetrics.rawStored().inc({ outcome: result.outcome });
      return result.outcome === 'rejected'
        ? Outcome.deadLetter({
            code: ErrorCode.STORE_REJECTED,
            message: `The store refused the raw copy: ${result.error ?? 'unknown reason'}`,
            stage: 'store',
          })
        : Outcome.ok();
    });
  }
}

/** A wire.raw message as stored: the same ingest id the normalizer derives when the producer sent none. */
export function toRawCopy(message: ConsumedMessage): IncomingRawCopy {
  const meta = wireMetaFromHeaders(message.headers, message, message.timestamp);
  const copy: IncomingRawCopy = {
    ingestId: meta.ingestId,
    bytes: message.value ?? Buffer.alloc(0),
    headers: Object.entries(message.headers).map(([name, value]) => ({ name, value })),
    receivedAt: new Date(meta.receivedAt),
    origin: { topic: message.topic, partition: message.partition, offset: message.offset },
  };
  if (!message.headers[WireHeader.ingestId]) copy.ingestIdDerived = true;
  if (message.key) copy.key = message.key.toString('utf8');
  if (meta.source) copy.source = meta.source;
  if (meta.channel) copy.channel = meta.channel;
  if (meta.contentType) copy.contentType = meta.contentType;
  if (meta.filename) copy.filename = meta.filename;
  return copy;
}

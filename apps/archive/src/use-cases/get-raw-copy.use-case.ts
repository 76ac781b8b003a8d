import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { RawRepository, type RawCopyMeta } from '@wiredesk/storage';

/** GET /v1/raw/{ingestId} and /meta: the copy exactly as received, for audit and replay. */
@Injectable()
export class GetRawCopy {
  constructor(private readonly raw: RawRepository) {}

  meta(ingestId: string): Promise<RawCopyMeta | null> {
    return this.raw.findMeta(ingestId);
  }

  bytes(ingestId: string): Promise<Readable | null> {
    return this.raw.openBytes(ingestId);
  }
}

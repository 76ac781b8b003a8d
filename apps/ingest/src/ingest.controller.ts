import { Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ErrorCode } from '@wiredesk/contracts';
import { isTransientError } from '@wiredesk/messaging';
import {
  HttpProblemCode,
  ProblemException,
  RequiresScope,
  WIREDESK_CONFIG,
  type WiredeskConfig,
} from '@wiredesk/platform';
import type { Request, Response } from 'express';
import { WireIngestService } from './ingest.service';
import { readRawBody } from './read-body';
import { checkedHeaders } from './wire-record';

@Controller('v1')
export class IngestController {
  constructor(
    private readonly ingest: WireIngestService,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
  ) {}

  /**
   * POST /v1/wire: the raw copy as the body, any content type. 202 {"ingestId"} once Kafka has the bytes;
   * problem+json otherwise (400 EMPTY_INPUT, 413 TOO_LARGE, 503 UNAVAILABLE when the broker does not answer in time).
   */
  @Post('wire')
  @RequiresScope('write')
  @HttpCode(202)
  async postWire(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('x-wire-source') source?: string,
    @Headers('x-wire-format') format?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('x-wire-filename') filename?: string,
    @Headers('content-type') contentType?: string,
  ): Promise<{ ingestId: string }> {
    const headers = checkedHeaders({ source, format, idempotencyKey, filename, contentType });
    const body = await readRawBody(req, this.config.maxBodyBytes);
    if (body.length === 0) {
      throw new ProblemException(
        400,
        ErrorCode.EMPTY_INPUT,
        'The request body is empty: send the wire copy as the body.',
      );
    }
    try {
      const { ingestId, replayed } = await this.ingest.ingest({ ...headers, body, channel: 'http' });
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      return { ingestId };
    } catch (e) {
      if (isTransientError(e)) {
        res.setHeader('Retry-After', '5');
        throw new ProblemException(
          503,
          HttpProblemCode.UNAVAILABLE,
          'Kafka did not acknowledge the copy in time; retry with the same Idempotency-Key.',
        );
      }
      if ((e as { type?: string })?.type === 'MESSAGE_TOO_LARGE') {
        throw new ProblemException(
          413,
          ErrorCode.TOO_LARGE,
          'Kafka refused the copy as too large for the wire.raw topic.',
        );
      }
      throw e;
    }
  }
}

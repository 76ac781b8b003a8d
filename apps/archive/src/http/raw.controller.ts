import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RawCopyMeta } from '@wiredesk/storage';
import type { Request, Response } from 'express';
import { GetRawCopy } from '../use-cases/get-raw-copy.use-case';
import { ProblemSchema, RawMetaSchema } from './openapi.schemas';
import { IngestIdPath, pathParameter } from './query-dto';
import { notFound, sendJson, sendWithEtag, valueOrBadRequest } from './respond';
import { RequiresScope } from '@wiredesk/platform';

function ingestIdOf(value: unknown, query: Record<string, unknown>): string {
  return valueOrBadRequest(pathParameter(IngestIdPath, 'ingestId', value, query));
}

/** A filename safe to put in Content-Disposition. */
function safeFilename(meta: RawCopyMeta): string {
  const base = (meta.filename ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\w.-]+/g, '_').slice(0, 128);
  return cleaned || `${meta.ingestId}.bin`;
}

const notFoundResponse = ApiResponse({
  status: 404,
  description: 'no raw copy with this ingest id',
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

@ApiTags('raw')
@RequiresScope('read')
@Controller('v1/raw')
export class RawController {
  constructor(private readonly raw: GetRawCopy) {}

  @Get(':ingestId')
  @ApiOperation({
    summary: 'The raw copy exactly as received',
    description:
      'The bytes of one delivery, as an attachment (application/octet-stream; the original content type is in ' +
      'X-Wire-Content-Type), never rendered by the browser.',
  })
  @ApiParam({ name: 'ingestId' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the bytes' })
  @notFoundResponse
  async content(
    @Param('ingestId') ingestId: unknown,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { id, meta } = await this.metaOf(ingestId, query);
    sendWithEtag(req, res, `"sha256-${meta.sha256}"`, () => {
      void this.stream(id, meta, res);
    });
  }

  /** The metadata of the raw copy the path names, or a 404 problem. */
  private async metaOf(ingestId: unknown, query: Record<string, unknown>): Promise<{ id: string; meta: RawCopyMeta }> {
    const id = ingestIdOf(ingestId, query);
    const meta = await this.raw.meta(id);
    if (!meta) throw notFound(`No raw copy with ingest id ${JSON.stringify(id)}.`);
    return { id, meta };
  }

  private async stream(id: string, meta: RawCopyMeta, res: Response): Promise<void> {
    const bytes = await this.raw.bytes(id);
    if (!bytes) {
      res.status(404).end();
      return;
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(meta.size));
    res.setHeader('Content-Disposition', `attachment; filename="${safeFilename(meta)}"`);
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('X-Wire-Ingest-Id', meta.ingestId);
    res.setHeader('X-Wire-Received-At', new Date(meta.receivedAt).toISOString());
    if (meta.source) res.setHeader('X-Wire-Source', meta.source);
    if (meta.contentType) res.setHeader('X-Wire-Content-Type', meta.contentType.replace(/[^\x20-\x7e]/g, ''));
    bytes.on('error', () => res.destroy());
    bytes.pipe(res);
  }

  @Get(':ingestId/meta')
  @ApiOperation({ summary: 'What is known about a raw copy: size, digest, headers, receive time, storage' })
  @ApiParam({ name: 'ingestId' })
  @ApiOkResponse({ description: 'the metadata', schema: RawMetaSchema })
  @notFoundResponse
  async meta(
    @Param('ingestId') ingestId: unknown,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { meta } = await this.metaOf(ingestId, query);
    sendJson(req, res, meta);
  }
}

import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RawCopyMeta } from '@wiredesk/storage';
import type { Request, Response } from 'express';
import { GetRawCopy } from '../use-cases/get-raw-copy.use-case';
import { attachmentDisposition, headerText } from './header-values';
import { ProblemSchema, RawMetaSchema } from './openapi.schemas';
import { IngestIdPath, pathParameter } from './query-dto';
import { notFound, sendJson, sendWithEtag, valueOrBadRequest } from './respond';
import { RequiresScope } from '@wiredesk/platform';

function ingestIdOf(value: unknown, query: Record<string, unknown>): string {
  return valueOrBadRequest(pathParameter(IngestIdPath, 'ingestId', value, query));
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
    let modified = false;
    sendWithEtag(req, res, `"sha256-${meta.sha256}"`, () => (modified = true));
    // awaited: a failure before the first byte is this request's 500 (problem+json), never the process's end
    if (modified) await this.stream(id, meta, res);
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
    try {
      // every stored value is encoded for its header (header-values.ts): a source or file name may hold any character
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', String(meta.size));
      res.setHeader('Content-Disposition', attachmentDisposition(meta.filename, `${headerText(meta.ingestId)}.bin`));
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('X-Wire-Ingest-Id', headerText(meta.ingestId));
      res.setHeader('X-Wire-Received-At', new Date(meta.receivedAt).toISOString());
      if (meta.source) res.setHeader('X-Wire-Source', headerText(meta.source));
      if (meta.contentType) res.setHeader('X-Wire-Content-Type', headerText(meta.contentType));
    } catch (error) {
      bytes.destroy();
      throw error;
    }
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

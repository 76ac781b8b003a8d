import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TAG_KINDS } from '@wiredesk/storage';
import type { Request, Response } from 'express';
import { CountTags } from '../use-cases/count-tags.use-case';
import { ProblemSchema, TagListSchema } from './openapi.schemas';
import { sendJson, valueOrBadRequest } from './respond';
import { parseTagsQuery } from './tags.query';
import { RequiresScope } from '@wiredesk/platform';

@ApiTags('tags')
@RequiresScope('read')
@Controller('v1/tags')
export class TagsController {
  constructor(private readonly countTags: CountTags) {}

  @Get(':kind')
  @ApiOperation({
    summary: 'What is in the news: the most frequent tags over a time window',
    description:
      'Counts the stories (versionCreated in [since, until), killed stories left out) that carry each person, ' +
      'organisation, place or subject. One entity spelled several ways (same URI) counts once.',
  })
  @ApiParam({ name: 'kind', enum: TAG_KINDS })
  @ApiQuery({ name: 'since', required: false, description: 'default: 24 hours before until' })
  @ApiQuery({ name: 'until', required: false, description: 'default: now' })
  @ApiQuery({ name: 'limit', required: false, description: '1..100, default 20' })
  @ApiQuery({ name: 'language', required: false })
  @ApiQuery({ name: 'source', required: false })
  @ApiOkResponse({ description: 'tags with counts, most frequent first', schema: TagListSchema })
  @ApiResponse({
    status: 400,
    description: 'invalid parameter',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  })
  async tags(
    @Param('kind') kind: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const request = valueOrBadRequest(parseTagsQuery(kind, query));
    sendJson(req, res, await this.countTags.execute(request));
  }
}

import { Controller, Get, UseFilters, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TAG_KINDS } from '@wiredesk/storage';
import type { Request, Response } from 'express';
import { QueryTimeoutFilter } from './query-timeout.filter';
import { CountTags } from '../use-cases/count-tags.use-case';
import { ProblemSchema, TagListSchema } from './openapi.schemas';
import { sendJson, valueOrBadRequest } from './respond';
import { parseTagsQuery, TagsQuery } from './tags.query';
import { RequiresScope } from '@wiredesk/platform';

@ApiTags('tags')
@RequiresScope('read')
@UseFilters(QueryTimeoutFilter)
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
  @ApiOkResponse({ description: 'tags with counts, most frequent first', schema: TagListSchema })
  @ApiResponse({
    status: 400,
    description: 'invalid parameter',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  })
  async tags(
    @Param('kind') kind: string,
    @Query() query: TagsQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const request = valueOrBadRequest(parseTagsQuery(kind, query as Record<string, unknown>));
    sendJson(req, res, await this.countTags.execute(request));
  }
}

import { Controller, Get, UseFilters, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { QueryTimeoutFilter } from './query-timeout.filter';
import { GetArticle, ListArticleVersions } from '../use-cases/get-article.use-case';
import { ListArticles } from '../use-cases/list-articles.use-case';
import { ListArticlesQuery, parseListQuery } from './article-list.query';
import { ArticleListSchema, NinjsSchema, ProblemSchema, VersionListSchema } from './openapi.schemas';
import { ArticleIdPath, pathParameter } from './query-dto';
import { notFound, sendJson, valueOrBadRequest } from './respond';
import { RequiresScope } from '@wiredesk/platform';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: ProblemSchema } } });

const ID_PARAM = ApiParam({
  name: 'id',
  description: 'The article uri, URL-encoded (e.g. urn%3Anewsml%3Aafp.com%3A20180924%3Aabc)',
});

function articleUri(id: unknown): string {
  return valueOrBadRequest(pathParameter(ArticleIdPath, 'id', id));
}

@ApiTags('articles')
@ApiExtraModels()
@RequiresScope('read')
@UseFilters(QueryTimeoutFilter)
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly listArticles: ListArticles,
    private readonly getArticle: GetArticle,
    private readonly listVersions: ListArticleVersions,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search and list stories',
    description:
      'The current version of every story matching all the given filters. Newest first (versionCreated, then uri), ' +
      'or by relevance when `q` is given. Page with the opaque `next` cursor; it only continues the query it came ' +
      'from. Entity filters match a name or a URI, case-insensitively.',
  })
  @ApiOkResponse({ description: 'one page of stories', schema: ArticleListSchema })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match)' })
  @problem(400, 'invalid parameter (problem+json lists each one)')
  async list(@Query() query: ListArticlesQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const request = valueOrBadRequest(parseListQuery(query as Record<string, unknown>));
    sendJson(req, res, await this.listArticles.execute(request));
  }

  @Get(':id')
  @ApiOperation({ summary: 'The current version of a story', description: 'A ninjs 3.1 document.' })
  @ID_PARAM
  @ApiOkResponse({ description: 'the story', schema: NinjsSchema })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match)' })
  @problem(404, 'no story with this uri')
  async get(@Param('id') id: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const uri = articleUri(id);
    const article = await this.getArticle.execute(uri);
    if (!article) throw notFound(`No story with uri ${JSON.stringify(uri)}.`);
    sendJson(req, res, article.ninjs);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every stored version of a story, oldest first' })
  @ID_PARAM
  @ApiOkResponse({ description: 'the versions', schema: VersionListSchema })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match)' })
  @problem(404, 'no story with this uri')
  async versions(@Param('id') id: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const uri = articleUri(id);
    const versions = await this.listVersions.execute(uri);
    if (!versions) throw notFound(`No story with uri ${JSON.stringify(uri)}.`);
    sendJson(req, res, versions);
  }
}

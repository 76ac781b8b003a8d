import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NINJS_FIELDS, PUB_STATUSES } from '@wiredesk/storage';
import type { Request, Response } from 'express';
import { GetArticle, ListArticleVersions } from '../use-cases/get-article.use-case';
import { ListArticles } from '../use-cases/list-articles.use-case';
import { DEFAULT_LIMIT, MAX_LIMIT, parseListQuery } from './article-list.query';
import { ArticleListSchema, NinjsSchema, ProblemSchema, VersionListSchema } from './openapi.schemas';
import { QueryReader } from './query-params';
import { invalidParameters, notFound, sendJson, valueOrBadRequest } from './respond';
import { RequiresScope } from '@wiredesk/platform';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'application/problem+json': { schema: ProblemSchema } } });

const ID_PARAM = ApiParam({
  name: 'id',
  description: 'The article uri, URL-encoded (e.g. urn%3Anewsml%3Aafp.com%3A20180924%3Aabc)',
});

/** Path parameters are read as strictly as query parameters: one plain string, bounded. */
function articleUri(id: unknown): string {
  const read = new QueryReader({ id }, ['id']);
  const uri = read.string('id', 1024);
  if (uri === undefined)
    throw invalidParameters(read.errors.length ? read.errors : [{ parameter: 'id', detail: 'Required.' }]);
  return uri;
}

@ApiTags('articles')
@ApiExtraModels()
@RequiresScope('read')
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
  @ApiQuery({ name: 'person', required: false, description: 'name or URI (Wikidata) of a person' })
  @ApiQuery({ name: 'organisation', required: false, description: 'name or URI of an organisation' })
  @ApiQuery({ name: 'place', required: false, description: 'name or URI (ISO 3166, Wikidata) of a place' })
  @ApiQuery({
    name: 'subject',
    required: false,
    description:
      'IPTC Media Topic URI (http://cv.iptc.org/newscodes/mediatopic/20000763), qcode (medtop:20000763) or name',
  })
  @ApiQuery({ name: 'language', required: false, description: 'BCP 47 tag, e.g. en' })
  @ApiQuery({ name: 'source', required: false, description: 'feed name, e.g. afp-en' })
  @ApiQuery({ name: 'pubStatus', required: false, enum: PUB_STATUSES })
  @ApiQuery({ name: 'since', required: false, description: 'versionCreated >= since (RFC 3339 date-time or date)' })
  @ApiQuery({ name: 'until', required: false, description: 'versionCreated < until (RFC 3339 date-time or date)' })
  @ApiQuery({ name: 'q', required: false, description: 'words that must all occur in headline or body; ranked' })
  @ApiQuery({ name: 'sort', required: false, enum: ['newest', 'relevance'], description: 'default: relevance with q' })
  @ApiQuery({
    name: 'fields',
    required: false,
    description: `comma-separated top-level ninjs fields to return (uri always): ${NINJS_FIELDS.join(', ')}`,
  })
  @ApiQuery({ name: 'limit', required: false, description: `1..${MAX_LIMIT}, default ${DEFAULT_LIMIT}` })
  @ApiQuery({ name: 'cursor', required: false, description: 'the `next` value of the previous page' })
  @ApiOkResponse({ description: 'one page of stories', schema: ArticleListSchema })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match)' })
  @problem(400, 'invalid parameter (problem+json lists each one)')
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const request = valueOrBadRequest(parseListQuery(query));
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

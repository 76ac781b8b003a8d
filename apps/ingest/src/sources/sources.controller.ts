import { Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { HttpProblemCode, ProblemException, RequiresScope } from '@wiredesk/platform';
import { SourceConfigError } from '@wiredesk/sources';
import type { Request } from 'express';
import { readRawBody } from '../read-body';
import { Poller, sourceStatus } from './poller.service';
import { SourceConflictError, SourceNotFoundError, SourceRegistry, type EffectiveSource } from './source-registry';
import { PollResultDto, SourceInputDto, SourceViewDto } from './source.dto';
import { POLLER, SOURCE_REGISTRY } from './sources.tokens';

const MAX_JSON_BYTES = 64 * 1024;

function view(source: EffectiveSource): SourceViewDto {
  return {
    id: source.definition.id,
    origin: source.origin,
    enabled: source.enabled,
    definition: source.definition as unknown as Record<string, unknown>,
    status: sourceStatus(source),
  };
}

/** /v1/sources: the scheduled sources, their state, and "poll now". Write scope, problem+json errors. */
@ApiTags('sources')
@RequiresScope('write')
@Controller('v1/sources')
export class SourcesController {
  constructor(
    @Inject(SOURCE_REGISTRY) private readonly registry: SourceRegistry,
    @Inject(POLLER) private readonly poller: Poller,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every source (file and API) with its state' })
  @ApiOkResponse({ type: [SourceViewDto] })
  async list(): Promise<SourceViewDto[]> {
    return (await this.registry.all()).map(view);
  }

  @Get(':id')
  @ApiOkResponse({ type: SourceViewDto })
  async get(@Param('id') id: string): Promise<SourceViewDto> {
    return view(await this.run(() => this.registry.get(id)));
  }

  @Post()
  @ApiOperation({ summary: 'Add a source' })
  @ApiBody({ type: SourceInputDto })
  @ApiCreatedResponse({ type: SourceViewDto })
  async create(@Req() req: Request): Promise<SourceViewDto> {
    const input = await this.readInput(req);
    return view(await this.run(() => this.registry.create(input)));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace the definition of a source made through the API' })
  @ApiBody({ type: SourceInputDto })
  @ApiOkResponse({ type: SourceViewDto })
  async update(@Param('id') id: string, @Req() req: Request): Promise<SourceViewDto> {
    const input = await this.readInput(req, id);
    return view(await this.run(() => this.registry.update(id, input)));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: SourceViewDto })
  async enable(@Param('id') id: string): Promise<SourceViewDto> {
    return view(await this.run(() => this.registry.setEnabled(id, true)));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: SourceViewDto })
  async disable(@Param('id') id: string): Promise<SourceViewDto> {
    return view(await this.run(() => this.registry.setEnabled(id, false)));
  }

  @Post(':id/poll')
  @HttpCode(200)
  @ApiOperation({ summary: 'Poll the source now and say what came of it' })
  @ApiOkResponse({ type: PollResultDto })
  async pollNow(@Param('id') id: string): Promise<PollResultDto> {
    const result = await this.run(() => this.poller.pollNow(id));
    return result.status === 'polled'
      ? { status: result.status, offered: result.offered, delivered: result.delivered, tooLarge: result.tooLarge }
      : result;
  }

  private async readInput(req: Request, id?: string): Promise<unknown> {
    const body = await readRawBody(req, MAX_JSON_BYTES);
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ProblemException(400, HttpProblemCode.BAD_REQUEST, 'The body must be a JSON source definition.');
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      throw new ProblemException(400, HttpProblemCode.BAD_REQUEST, 'The body must be a JSON object.');
    }
    const withId = id ? { ...(input as object), id } : input;
    const errors = await validate(plainToInstance(SourceInputDto, withId));
    if (errors.length) {
      const problems = errors.flatMap((e) =>
        Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` }),
      );
      throw new ProblemException(400, HttpProblemCode.BAD_REQUEST, `Invalid source: ${problems.join('; ')}.`);
    }
    return withId;
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof SourceConfigError) {
        throw new ProblemException(400, HttpProblemCode.BAD_REQUEST, `Invalid source: ${e.problems.join('; ')}.`);
      }
      if (e instanceof SourceNotFoundError) throw new ProblemException(404, HttpProblemCode.NOT_FOUND, e.message);
      if (e instanceof SourceConflictError) throw new ProblemException(409, 'CONFLICT', e.message);
      throw e;
    }
  }
}

import { Controller, Get, UseFilters, Req, Res } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PublicRoute, RequiresScope } from '@wiredesk/platform';
import type { Request, Response } from 'express';
import { QueryTimeoutFilter } from '../http/query-timeout.filter';
import { sendBody, sendJson } from '../http/respond';
import { loadMonitorAssets, type MonitorAsset, type MonitorAssetName } from './monitor-assets';
import { MonitorStats } from './monitor-stats.service';
import { SourceStatusController } from './source-status.controller';

/**
 * The wire monitor: one page and its script and style, public (they hold no data); the page reads everything through
 * the query API with the reader's key. Out of the OpenAPI document: it is not an API.
 */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class MonitorPageController {
  private readonly assets = loadMonitorAssets();

  @Get()
  page(@Req() req: Request, @Res() res: Response): void {
    this.send('page', req, res);
  }

  @Get('monitor.js')
  script(@Req() req: Request, @Res() res: Response): void {
    this.send('script', req, res);
  }

  @Get('monitor.css')
  style(@Req() req: Request, @Res() res: Response): void {
    this.send('style', req, res);
  }

  @Get('monitor.svg')
  icon(@Req() req: Request, @Res() res: Response): void {
    this.send('icon', req, res);
  }

  private send(name: MonitorAssetName, req: Request, res: Response): void {
    const asset: MonitorAsset = this.assets[name];
    sendBody(req, res, asset.body, asset.contentType);
  }
}

const StatsSchema = {
  type: 'object',
  required: ['ingested', 'published', 'deadLettered'],
  properties: {
    ingested: { type: 'integer', nullable: true, description: 'raw copies archived (deliveries accepted)' },
    published: { type: 'integer', nullable: true, description: 'stories stored (current versions)' },
    deadLettered: { type: 'integer', nullable: true, description: 'records ever written to the dead-letter topic' },
  },
};

@ApiTags('stats')
@RequiresScope('read')
@UseFilters(QueryTimeoutFilter)
@Controller('v1/stats')
export class StatsController {
  constructor(private readonly stats: MonitorStats) {}

  @Get()
  @ApiOperation({
    summary: 'How much went through: ingested, published and dead-lettered items',
    description:
      'Counts for the wire monitor. Store counts are estimates from collection metadata (exact unless the server ' +
      'stopped uncleanly); null when a count cannot be read right now. Refreshed at most once a second.',
  })
  @ApiOkResponse({ description: 'the counts', schema: StatsSchema })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match)' })
  async get(@Req() req: Request, @Res() res: Response): Promise<void> {
    sendJson(req, res, await this.stats.read());
  }
}

/** What the archive module registers for the monitor. */
export const MONITOR_CONTROLLERS = [MonitorPageController, StatsController, SourceStatusController];
export const MONITOR_PROVIDERS = [MonitorStats];

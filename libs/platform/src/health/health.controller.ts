import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicRoute } from '../security/route-security.decorator';
import { ReadinessRegistry } from './readiness.registry';

@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  /** The process is up and its event loop answers; says nothing about dependencies. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when every registered dependency answers; 503 with the failing checks otherwise. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<unknown> {
    const report = await this.readiness.report();
    res.status(report.ready ? 200 : 503);
    return { status: report.ready ? 'ok' : 'unavailable', checks: report.checks };
  }
}

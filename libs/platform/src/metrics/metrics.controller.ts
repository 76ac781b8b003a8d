import { Controller, Get, Header } from '@nestjs/common';
import { MetricsRoute } from '../security/route-security.decorator';
import { metricsRegistry } from './metrics';

@MetricsRoute()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return metricsRegistry().metrics();
  }
}

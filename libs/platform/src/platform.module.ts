import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { loadConfig, type WiredeskConfig } from './config';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness.registry';
import { MetricsController } from './metrics/metrics.controller';
import { ProblemDetailsFilter } from './problem/problem.filter';
import { SERVICE_NAME, WIREDESK_CONFIG } from './platform.tokens';

export interface PlatformOptions {
  service: string;
  config?: WiredeskConfig;
}

/**
 * What every Wiredesk service has: its configuration, /health/live, /health/ready (pluggable checks), /metrics and
 * problem+json errors. Global so feature modules can inject the config and the readiness registry.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: PlatformModule,
      // the checked WiredeskConfig, also through Nest's ConfigService (`config.get('ports.ingest')`); the environment
      // was read and validated once by loadConfig, so ConfigModule reads no .env file
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          load: [() => ({ ...config })],
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: WIREDESK_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: options.service },
        ReadinessRegistry,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [WIREDESK_CONFIG, SERVICE_NAME, ReadinessRegistry],
    };
  }
}

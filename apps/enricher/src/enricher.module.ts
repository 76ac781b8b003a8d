import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@wiredesk/messaging';
import { PlatformModule, loadConfig, type WiredeskConfig } from '@wiredesk/platform';
import { EnricherConsumer } from './enricher.consumer';

/** enricher: wire.parsed → enrich, validate → articles.normalized; failures → wire.dlq (stage enrich, raw bytes). */
@Module({})
export class EnricherModule {
  static forRoot(config: WiredeskConfig = loadConfig()): DynamicModule {
    return {
      module: EnricherModule,
      imports: [
        PlatformModule.forRoot({ service: 'enricher', config }),
        MessagingModule.forRoot({ config, service: 'enricher' }),
      ],
      // the enricher itself (gazetteers, models) is built in the worker threads of EnricherConsumer's pool
      providers: [EnricherConsumer],
    };
  }
}

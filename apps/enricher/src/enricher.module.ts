import { DynamicModule, Module } from '@nestjs/common';
import { createEnricher } from '@wiredesk/enrich';
import { MessagingModule } from '@wiredesk/messaging';
import { PlatformModule, loadConfig, type WiredeskConfig } from '@wiredesk/platform';
import { EnricherConsumer } from './enricher.consumer';
import { ENRICHER } from './enricher.tokens';

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
      providers: [{ provide: ENRICHER, useFactory: async () => createEnricher() }, EnricherConsumer],
    };
  }
}

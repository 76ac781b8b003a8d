import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@wiredesk/messaging';
import { PlatformModule, loadConfig, type WiredeskConfig } from '@wiredesk/platform';
import { NormalizerConsumer } from './normalizer.consumer';

/** normalizer: wire.raw → parse → ninjs → wire.parsed; bad input → wire.dlq (stage normalize). */
@Module({})
export class NormalizerModule {
  static forRoot(config: WiredeskConfig = loadConfig()): DynamicModule {
    return {
      module: NormalizerModule,
      imports: [
        PlatformModule.forRoot({ service: 'normalizer', config }),
        MessagingModule.forRoot({ config, service: 'normalizer' }),
      ],
      providers: [NormalizerConsumer],
    };
  }
}

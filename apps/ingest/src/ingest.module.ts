import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@wiredesk/messaging';
import { PlatformModule, loadConfig, type WiredeskConfig } from '@wiredesk/platform';
import { FolderWatcherService } from './folder-watcher.service';
import { IdempotencyStore } from './idempotency-store';
import { IngestController } from './ingest.controller';
import { WireIngestService } from './ingest.service';

/** ingest: POST /v1/wire and the drop folder → wire.raw. */
@Module({})
export class IngestModule {
  static forRoot(config: WiredeskConfig = loadConfig()): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        PlatformModule.forRoot({ service: 'ingest', config }),
        MessagingModule.forRoot({ config, service: 'ingest' }),
      ],
      controllers: [IngestController],
      providers: [IdempotencyStore, WireIngestService, FolderWatcherService],
    };
  }
}

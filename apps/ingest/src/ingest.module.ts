import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@wiredesk/messaging';
import { PlatformModule, loadConfig, type WiredeskConfig } from '@wiredesk/platform';
import { FolderWatcherService } from './folder-watcher.service';
import { IdempotencyStore } from './idempotency-store';
import { IngestController } from './ingest.controller';
import { WireIngestService } from './ingest.service';
import { sourcesFeature, type SourcesOptions } from './sources/sources.providers';

/** ingest: POST /v1/wire, the drop folder and, when enabled, the scheduled sources (poller) → wire.raw. */
@Module({})
export class IngestModule {
  static forRoot(config: WiredeskConfig = loadConfig(), sources: SourcesOptions = {}): DynamicModule {
    const polled = config.sources.enabled ? sourcesFeature(config, sources) : { controllers: [], providers: [] };
    return {
      module: IngestModule,
      imports: [
        PlatformModule.forRoot({ service: 'ingest', config }),
        MessagingModule.forRoot({ config, service: 'ingest' }),
      ],
      controllers: [IngestController, ...polled.controllers],
      providers: [IdempotencyStore, WireIngestService, FolderWatcherService, ...polled.providers],
    };
  }
}

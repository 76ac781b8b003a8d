import { Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { MessagingModule } from '@wiredesk/messaging';
import { loadConfig, PlatformModule, ReadinessRegistry, type WiredeskConfig } from '@wiredesk/platform';
import { StorageHealth, StorageModule } from '@wiredesk/storage';
import { ArchiveConsumers } from './consumers/archive-consumers.service';
import { ArticlesController } from './http/articles.controller';
import { RawController } from './http/raw.controller';
import { TagsController } from './http/tags.controller';
import { MONITOR_CONTROLLERS, MONITOR_PROVIDERS } from './monitor/monitor.controller';
import { CountTags } from './use-cases/count-tags.use-case';
import { GetArticle, ListArticleVersions } from './use-cases/get-article.use-case';
import { GetRawCopy } from './use-cases/get-raw-copy.use-case';
import { ListArticles } from './use-cases/list-articles.use-case';
import { StoreArticles } from './use-cases/store-articles.use-case';
import { StoreRawCopies } from './use-cases/store-raw-copies.use-case';

/** Ready means the store answers (Kafka's check is registered by the messaging module). */
@Injectable()
class StoreReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly store: StorageHealth,
  ) {}

  onModuleInit(): void {
    this.readiness.register('store', () => this.store.ping());
  }
}

export interface ArchiveOptions {
  /** overrides the database named in MONGO_URL (tests use one per file) */
  dbName?: string;
  /** false: the query API only, no consumers (e.g. extra read replicas of the API) */
  consume?: boolean;
}

/** archive: articles.normalized and wire.raw → MongoDB; the query API on port 8081. */
@Module({})
export class ArchiveModule {
  static forRoot(config: WiredeskConfig = loadConfig(), options: ArchiveOptions = {}): DynamicModule {
    return {
      module: ArchiveModule,
      imports: [
        PlatformModule.forRoot({ service: 'archive', config }),
        MessagingModule.forRoot({ config, service: 'archive' }),
        StorageModule.forRoot({
          uri: config.mongoUrl,
          dbName: options.dbName,
          queryTimeLimitMs: config.queryTimeLimitMs,
        }),
      ],
      controllers: [ArticlesController, RawController, TagsController, ...MONITOR_CONTROLLERS],
      providers: [
        StoreReadiness,
        StoreArticles,
        StoreRawCopies,
        ListArticles,
        GetArticle,
        ListArticleVersions,
        GetRawCopy,
        CountTags,
        ...MONITOR_PROVIDERS,
        ...(options.consume === false ? [] : [ArchiveConsumers]),
      ],
    };
  }
}

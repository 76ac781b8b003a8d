import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { getConnectionToken, getModelToken, InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { ArticleRepository } from './articles/article.repository';
import { RawRepository } from './raw/raw.repository';
import { ARTICLE_MODEL, ArticleSchema } from './schemas/article.schema';
import { ARTICLE_VERSION_MODEL, ArticleVersionSchema } from './schemas/article-version.schema';
import { RAW_COPY_MODEL, RawCopySchema } from './schemas/raw-copy.schema';
import { STORAGE_OPTIONS, type StorageOptions } from './storage.options';
import { STORE_PROFILE, storeProfile, type StoreProfile } from './store-profile';
import { COUNTER_MODEL, CounterSchema, TIMELINE_MODEL, TimelineSchema } from './schemas/timeline.schema';
import { TimelineBackfill } from './timeline/timeline-backfill';

/** FerretDB answers buildInfo with a ferretdbVersion field; MongoDB does not. */
export async function detectServerKind(connection: Connection): Promise<StoreProfile['kind']> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  return info.ferretdbVersion ? 'ferretdb' : 'mongodb';
}

/** The database name of a MongoDB URL ("mongodb://h:27017/wiredesk?x=y" → "wiredesk"), default `wiredesk`. */
export function databaseName(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match ? decodeURIComponent(match[1]) : 'wiredesk';
}

/** Answers readiness: does the store answer a ping? */
@Injectable()
export class StorageHealth {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async ping(timeoutMs = 2000): Promise<boolean> {
    const db = this.connection.db;
    if (!db || this.connection.readyState !== 1) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('store ping timed out')), timeoutMs);
      });
      await Promise.race([db.admin().ping(), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Which server answers: FerretDB (development, CI) or MongoDB. FerretDB lacks some guarantees (guarded updates are
   * not atomic across clients, no $text, no query plans in MongoDB's format); tests and docs say where that matters.
   */
  serverKind(): Promise<StoreProfile['kind']> {
    return detectServerKind(this.connection);
  }
}

/**
 * Creates every collection's indexes at start, so the first query of a fresh database is already indexed; then builds
 * the timeline and counters of a database that has none yet (timeline-backfill.ts).
 */
@Injectable()
export class StorageIndexes implements OnModuleInit {
  private readonly logger = new Logger('StorageIndexes');

  constructor(
    @Inject(STORAGE_OPTIONS) private readonly options: StorageOptions,
    @Inject(getModelToken(ARTICLE_MODEL)) private readonly articles: Model<unknown>,
    @Inject(getModelToken(ARTICLE_VERSION_MODEL)) private readonly versions: Model<unknown>,
    @Inject(getModelToken(RAW_COPY_MODEL)) private readonly raw: Model<unknown>,
    @Inject(getModelToken(TIMELINE_MODEL)) private readonly timeline: Model<unknown>,
    @Inject(getModelToken(COUNTER_MODEL)) private readonly counters: Model<unknown>,
    private readonly backfill: TimelineBackfill,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.ensureIndexes !== false) {
      for (const model of [this.articles, this.versions, this.raw, this.timeline, this.counters]) {
        await model.createCollection().catch((error: { code?: number }) => {
          if (error.code !== 48) throw error; // NamespaceExists
        });
        await model.createIndexes();
      }
      this.logger.log({
        msg: 'indexes ensured',
        collections: ['articles', 'article_versions', 'raw', 'timeline', 'counters'],
      });
    }
    await this.backfill.run();
  }
}

/**
 * The archive's data access: mongoose connection, schemas of `articles`, `article_versions` and `raw`, and the
 * repositories. Writes use majority + journal acknowledgement: a write the repositories report is durable, so the
 * consumer may commit its Kafka offsets after it.
 */
@Module({})
export class StorageModule {
  static forRoot(options: StorageOptions): DynamicModule {
    return {
      module: StorageModule,
      imports: [
        MongooseModule.forRoot(options.uri, {
          dbName: options.dbName ?? databaseName(options.uri),
          serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10000,
          w: 'majority',
          journal: true,
          autoIndex: false,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        MongooseModule.forFeature([
          { name: ARTICLE_MODEL, schema: ArticleSchema },
          { name: ARTICLE_VERSION_MODEL, schema: ArticleVersionSchema },
          { name: RAW_COPY_MODEL, schema: RawCopySchema },
          { name: TIMELINE_MODEL, schema: TimelineSchema },
          { name: COUNTER_MODEL, schema: CounterSchema },
        ]),
      ],
      providers: [
        { provide: STORAGE_OPTIONS, useValue: options },
        {
          provide: STORE_PROFILE,
          inject: [getConnectionToken()],
          useFactory: async (connection: Connection) =>
            storeProfile(options.serverKind ?? (await detectServerKind(connection))),
        },
        ArticleRepository,
        RawRepository,
        StorageHealth,
        StorageIndexes,
        TimelineBackfill,
      ],
      exports: [ArticleRepository, RawRepository, StorageHealth, STORE_PROFILE],
    };
  }
}

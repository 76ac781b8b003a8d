import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import { ReadinessRegistry, type WiredeskConfig } from '@wiredesk/platform';
import { SourceStore, databaseName } from '@wiredesk/storage';
import mongoose, { type Connection } from 'mongoose';
import { WireIngestService } from '../ingest.service';
import { PollRunner, SecretReader } from '@wiredesk/polling';
import { Poller } from './poller.service';
import { SourceRegistry, loadSourcesFile } from './source-registry';
import { SourcesController } from './sources.controller';
import { POLLER, SOURCES_CONNECTION, SOURCE_REGISTRY, SOURCE_STORE } from './sources.tokens';

export interface SourcesOptions {
  /** the store database (tests use their own); default: the one in MONGO_URL */
  dbName?: string;
  /** re-read the sources and shared state this often (tests: faster) */
  refreshMs?: number;
}

/** Starts the poller once the app is up and stops it (polls cut off, leases released) before the app closes. */
@Injectable()
export class PollerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Poller');

  constructor(
    @Inject(POLLER) private readonly poller: Poller,
    @Inject(SOURCE_STORE) private readonly store: SourceStore,
    @Inject(SOURCES_CONNECTION) private readonly connection: Connection,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register('sources-store', async () => {
      await this.connection.db!.admin().ping();
    });
    await this.store.ensureIndexes();
    this.poller.start();
    this.logger.log({ msg: 'poller started' });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    await this.connection.close();
  }
}

/** The sources API and the poller, added to ingest when SOURCES_ENABLED (or WIREDESK_SOURCES) says so. */
export function sourcesFeature(config: WiredeskConfig, options: SourcesOptions = {}) {
  // read and check the sources file before anything connects: a mistake stops the start with every problem listed
  const fileSources = loadSourcesFile(config.sources.file);
  const providers: Provider[] = [
    {
      provide: SOURCES_CONNECTION,
      useFactory: () =>
        mongoose
          .createConnection(config.mongoUrl, {
            dbName: options.dbName ?? databaseName(config.mongoUrl),
            serverSelectionTimeoutMS: 10000,
            w: 'majority',
            journal: true,
          })
          .asPromise(),
    },
    {
      provide: SOURCE_STORE,
      inject: [SOURCES_CONNECTION],
      useFactory: (connection: Connection) => new SourceStore(connection.db!),
    },
    {
      provide: SOURCE_REGISTRY,
      inject: [SOURCE_STORE],
      useFactory: (store: SourceStore) => new SourceRegistry(store, fileSources),
    },
    {
      provide: POLLER,
      inject: [SOURCE_STORE, SOURCE_REGISTRY, WireIngestService],
      useFactory: (store: SourceStore, registry: SourceRegistry, ingest: WireIngestService) => {
        const runner = new PollRunner(store, (item) => ingest.ingest(item), new SecretReader(), {
          settleMs: config.sources.settleMs,
          maxBytes: config.maxBodyBytes,
        });
        return new Poller(registry, store, runner, {
          instanceId: config.sources.instanceId,
          concurrency: config.sources.concurrency,
          timeoutMs: config.sources.timeoutMs,
          seenRetentionDays: config.sources.seenRetentionDays,
          refreshMs: options.refreshMs,
        });
      },
    },
    PollerLifecycle,
  ];
  return { controllers: [SourcesController], providers };
}

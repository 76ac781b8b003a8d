import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createServiceApp, type WiredeskConfig } from '@wiredesk/platform';
import { configureArchiveHttp } from '../../apps/archive/src/archive.http';
import { ArchiveModule } from '../../apps/archive/src/archive.module';

export interface RunningApp {
  app: INestApplication;
  /** http://127.0.0.1:<random port> */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts one service in this process the way its main.ts does (same module, logger, filters), on a random port.
 * `bodyParser: false` for ingest, which reads raw bodies itself; `configure` adds what main.ts adds before listen.
 */
export async function startApp(
  service: string,
  module: unknown,
  options: { bodyParser?: boolean; logLevel?: string; configure?: (app: INestApplication) => void } = {},
): Promise<RunningApp> {
  const app = await createServiceApp({
    service,
    module,
    port: 0,
    bodyParser: options.bodyParser,
    logLevel: options.logLevel ?? process.env.E2E_LOG_LEVEL ?? 'warn',
  });
  options.configure?.(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  let closed = false;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

/** The archive in this process, with its HTTP set-up (OpenAPI, monitor) as its main.ts does, on its own database. */
export async function startArchive(config: WiredeskConfig, dbName: string): Promise<RunningApp> {
  return startApp('archive', ArchiveModule.forRoot(config, { dbName }), { configure: configureArchiveHttp });
}

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createServiceApp, loadConfig } from '@wiredesk/platform';
import { configureArchiveHttp } from './archive.http';
import { ArchiveModule } from './archive.module';

const SHUTDOWN_GRACE_MS = 30000;

/**
 * Like the platform's bootstrapService, plus the OpenAPI routes, which must be registered before the app listens
 * (bootstrapService offers no hook for that yet).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createServiceApp({
    service: 'archive',
    module: ArchiveModule.forRoot(config),
    port: config.ports.archive,
  });
  configureArchiveHttp(app);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(JSON.stringify({ level: 'fatal', service: 'archive', msg: 'shutdown timed out' }) + '\n');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen(config.ports.archive, '0.0.0.0');
  new Logger('Bootstrap').log({ msg: 'archive listening', port: config.ports.archive });
}

void main().catch((e) => {
  process.stderr.write(
    JSON.stringify({ level: 'fatal', service: 'archive', msg: 'start failed', error: String(e?.message ?? e) }) + '\n',
  );
  process.exit(1);
});

import 'reflect-metadata';
import { bootstrapService, configOrExit } from '@wiredesk/platform';
import { configureArchiveHttp } from './archive.http';
import { ArchiveModule } from './archive.module';

const config = configOrExit('archive');
void bootstrapService({
  service: 'archive',
  module: ArchiveModule.forRoot(config),
  port: config.ports.archive,
  host: config.listenHost,
  configure: configureArchiveHttp, // OpenAPI at /docs, registered before listen
}).catch((e) => {
  process.stderr.write(
    JSON.stringify({ level: 'fatal', service: 'archive', msg: 'start failed', error: String(e?.message ?? e) }) + '\n',
  );
  process.exit(1);
});

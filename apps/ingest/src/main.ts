import 'reflect-metadata';
import { bootstrapService, configOrExit } from '@wiredesk/platform';
import { SourceConfigError } from '@wiredesk/sources';
import { configureIngestHttp } from './ingest.http';
import { IngestModule } from './ingest.module';

function fatal(msg: string, error: unknown): never {
  const problems = error instanceof SourceConfigError ? { problems: error.problems } : {};
  process.stderr.write(
    JSON.stringify({
      level: 'fatal',
      service: 'ingest',
      msg,
      error: String((error as Error)?.message ?? error),
      ...problems,
    }) + '\n',
  );
  process.exit(1);
}

const config = configOrExit('ingest');
let ingestModule;
try {
  // reads and checks WIREDESK_SOURCES: a mistake stops the start with every problem listed
  ingestModule = IngestModule.forRoot(config);
} catch (e) {
  fatal('invalid configuration', e);
}
// bodyParser off: POST /v1/wire reads any content type as raw bytes, with its own size limit
void bootstrapService({
  service: 'ingest',
  module: ingestModule,
  port: config.ports.ingest,
  host: config.listenHost,
  bodyParser: false,
  configure: configureIngestHttp,
}).catch((e) => fatal('start failed', e));

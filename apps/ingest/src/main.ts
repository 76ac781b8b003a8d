import 'reflect-metadata';
import { bootstrapService, configOrExit } from '@wiredesk/platform';
import { IngestModule } from './ingest.module';

const config = configOrExit('ingest');
// bodyParser off: POST /v1/wire reads any content type as raw bytes, with its own size limit
void bootstrapService({
  service: 'ingest',
  module: IngestModule.forRoot(config),
  port: config.ports.ingest,
  bodyParser: false,
}).catch((e) => {
  process.stderr.write(
    JSON.stringify({ level: 'fatal', service: 'ingest', msg: 'start failed', error: String(e?.message ?? e) }) + '\n',
  );
  process.exit(1);
});

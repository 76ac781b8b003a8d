import 'reflect-metadata';
import { bootstrapService, configOrExit } from '@wiredesk/platform';
import { EnricherModule } from './enricher.module';

const config = configOrExit('enricher');
void bootstrapService({
  service: 'enricher',
  module: EnricherModule.forRoot(config),
  port: config.ports.enricher,
  host: config.listenHost,
}).catch((e) => {
  process.stderr.write(
    JSON.stringify({ level: 'fatal', service: 'enricher', msg: 'start failed', error: String(e?.message ?? e) }) + '\n',
  );
  process.exit(1);
});

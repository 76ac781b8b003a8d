import 'reflect-metadata';
import { bootstrapService, configOrExit } from '@wiredesk/platform';
import { NormalizerModule } from './normalizer.module';

const config = configOrExit('normalizer');
void bootstrapService({
  service: 'normalizer',
  module: NormalizerModule.forRoot(config),
  port: config.ports.normalizer,
  host: config.listenHost,
}).catch((e) => {
  process.stderr.write(
    JSON.stringify({ level: 'fatal', service: 'normalizer', msg: 'start failed', error: String(e?.message ?? e) }) +
      '\n',
  );
  process.exit(1);
});

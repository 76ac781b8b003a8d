// Stops only what the global setup started: a stack that was already running (or external servers) stays up.
import { infraDown, type InfraEndpoints } from '../../libs/infra/src';
import { STARTED_KEY } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>)[STARTED_KEY] as InfraEndpoints['started'] | undefined;
  if (!started || (!started.kafka && !started.mongo)) return;
  await infraDown({ only: started, log: (message) => process.stderr.write(`[e2e infra] ${message}\n`) });
}

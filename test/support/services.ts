/**
 * Services as the production runs them: `node dist/apps/<svc>/src/main.js` child processes (run `npm run build`
 * first), with the e2e environment of one spec file, free ports and their own database. For what only a real process
 * shows: that it survives a request, a runaway input, a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mongoose';
import { freePort, ServiceProcess, type ServiceName } from '../faults/stack';
import { e2eEnv } from './e2e-config';

export { ServiceProcess };

export interface ServiceStack {
  env: NodeJS.ProcessEnv;
  suffix: string;
  dbName: string;
  services: Partial<Record<ServiceName, ServiceProcess>>;
  logDir: string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/** Starts the named services (each on a free port) and waits until each answers /health/ready. */
export async function startServices(
  name: string,
  names: ServiceName[],
  overrides: NodeJS.ProcessEnv = {},
): Promise<ServiceStack> {
  const { env, suffix } = e2eEnv(name, overrides);
  const dbName = `wd_${name}_${suffix.replace(/\W/g, '_')}`.slice(0, 60);
  const mongoBase = (env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/[^/?]*(\?.*)?$/, '');
  const stackEnv: NodeJS.ProcessEnv = { ...env, MONGO_URL: `${mongoBase}/${dbName}`, CONSUMER_CHUNK_SIZE: '20' };
  const logDir = mkdtempSync(join(tmpdir(), `wiredesk-e2e-${name}-`));
  const services: Partial<Record<ServiceName, ServiceProcess>> = {};
  for (const service of names) {
    const process = new ServiceProcess(service, await freePort(), ROOT, stackEnv, logDir);
    services[service] = process;
    process.start();
  }
  for (const service of Object.values(services)) {
    if (!(await service.waitReady(120_000)))
      throw new Error(`${service.name} not ready: ${service.tail.slice(-10).join('\n')}`);
  }
  return {
    env: stackEnv,
    suffix,
    dbName,
    services,
    logDir,
    stop: async () => {
      await Promise.all(Object.values(services).map((s) => s.stop()));
      // logs are kept only when something went wrong
      if (Object.values(services).every((s) => s.crashes.length === 0 && s.startFailures.length === 0))
        rmSync(logDir, { recursive: true, force: true });
      const connection = await createConnection(stackEnv.MONGO_URL!).asPromise();
      await connection.db?.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}

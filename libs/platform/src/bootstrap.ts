import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { ConfigError, loadConfig, type WiredeskConfig } from './config';
import { JsonLogger } from './logging/json-logger';
import { WIREDESK_CONFIG } from './platform.tokens';
import { ApiSecurityGuard } from './security/api-security.guard';
import { securityHeaders } from './security/security-headers';

export interface ServiceOptions {
  /** 'ingest', 'normalizer', ... : appears on every log line */
  service: string;
  /** the root module, usually `XModule.forRoot(config)` */
  module: unknown;
  port: number;
  /** default 127.0.0.1: a service reachable from elsewhere is a decision (config.listenHost, LISTEN_HOST) */
  host?: string;
  /** false for services that read request bodies themselves (ingest takes any content type, raw) */
  bodyParser?: boolean;
  logLevel?: string;
  /** how long a SIGTERM/SIGINT may take before the process exits anyway */
  shutdownGraceMs?: number;
  /** what the service adds to the app before it listens (routes outside Nest's modules, e.g. OpenAPI) */
  configure?: (app: INestApplication) => void;
}

/**
 * Creates a service's Nest application with the JSON logger, security headers, and the API key / rate limit guard on
 * every route (configured by the service's WiredeskConfig: API_KEYS, RATE_LIMIT_PER_MINUTE…), without listening.
 */
export async function createServiceApp(options: ServiceOptions): Promise<INestApplication> {
  const logger = new JsonLogger(options.service, options.logLevel ?? process.env.LOG_LEVEL ?? 'info');
  const app = await NestFactory.create(options.module as never, {
    logger,
    bodyParser: options.bodyParser ?? true,
  });
  const http = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  http.disable?.('x-powered-by');
  app.use(securityHeaders);
  app.useGlobalGuards(new ApiSecurityGuard(app.get(Reflector), serviceConfig(app).security));
  return app;
}

/** The config the service's PlatformModule was given; the environment's for an app without one. */
function serviceConfig(app: INestApplication): WiredeskConfig {
  try {
    return app.get<WiredeskConfig>(WIREDESK_CONFIG, { strict: false });
  } catch {
    return loadConfig();
  }
}

/**
 * The environment's configuration, or, when a variable is wrong, one fatal log line naming every bad variable and
 * exit status 2: a service never starts on a value it misread.
 */
export function configOrExit(service: string, env: NodeJS.ProcessEnv = process.env): WiredeskConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(
      JSON.stringify({ level: 'fatal', service, msg: 'invalid configuration', problems: e.problems }) + '\n',
    );
    process.exit(2);
  }
}

/**
 * The whole of a service's main.ts: create, listen, and stop gracefully on SIGTERM/SIGINT (Nest runs the shutdown
 * hooks: consumers stop fetching and commit, producers flush, connections close). A hung shutdown is cut short.
 */
export async function bootstrapService(options: ServiceOptions): Promise<INestApplication> {
  const app = await createServiceApp(options);
  const grace = options.shutdownGraceMs ?? 30000;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(
          JSON.stringify({ level: 'fatal', service: options.service, msg: 'shutdown timed out' }) + '\n',
        );
        process.exit(1);
      }, grace).unref();
    });
  }
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  options.configure?.(app);
  const host = options.host ?? '127.0.0.1';
  await app.listen(options.port, host);
  new Logger('Bootstrap').log({ msg: `${options.service} listening`, host, port: options.port });
  return app;
}

import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { JsonLogger } from './logging/json-logger';

export interface ServiceOptions {
  /** 'ingest', 'normalizer', ... : appears on every log line */
  service: string;
  /** the root module, usually `XModule.forRoot(config)` */
  module: unknown;
  port: number;
  host?: string;
  /** false for services that read request bodies themselves (ingest takes any content type, raw) */
  bodyParser?: boolean;
  logLevel?: string;
  /** how long a SIGTERM/SIGINT may take before the process exits anyway */
  shutdownGraceMs?: number;
}

/** Headers every response carries; these APIs serve JSON only, never pages. */
function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  next();
}

/** Creates a service's Nest application with the JSON logger and security headers, without listening. */
export async function createServiceApp(options: ServiceOptions): Promise<INestApplication> {
  const logger = new JsonLogger(options.service, options.logLevel ?? process.env.LOG_LEVEL ?? 'info');
  const app = await NestFactory.create(options.module as never, {
    logger,
    bodyParser: options.bodyParser ?? true,
  });
  const http = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  http.disable?.('x-powered-by');
  app.use(securityHeaders);
  return app;
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
  await app.listen(options.port, options.host ?? '0.0.0.0');
  new Logger('Bootstrap').log({ msg: `${options.service} listening`, port: options.port });
  return app;
}

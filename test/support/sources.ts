import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { configureIngestHttp } from '../../apps/ingest/src/ingest.http';
import { IngestModule } from '../../apps/ingest/src/ingest.module';
import { startApp, type RunningApp } from './apps';
import { e2eConfig } from './e2e-config';
import { http } from './http';

/** A temporary folder every test server and the poller can read (the servers run as other users). */
export function sharedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** ingest with the poller on: a sources file, its own store database, fast refreshes and settling. */
export function sourcesConfig(
  name: string,
  sources: Record<string, unknown>[],
  dir: string,
  env: NodeJS.ProcessEnv = {},
) {
  const file = join(dir, `sources-${name}.yaml`);
  writeFileSync(file, stringify({ sources }));
  return e2eConfig(name, {
    WIREDESK_SOURCES: file,
    POLLER_SETTLE_MS: '600',
    POLLER_TIMEOUT_MS: '20000',
    ...env,
  });
}

export function startIngestWithSources(config: ReturnType<typeof e2eConfig>, dbName: string): Promise<RunningApp> {
  return startApp('ingest', IngestModule.forRoot(config, { dbName, refreshMs: 500 }), {
    bodyParser: false,
    configure: configureIngestHttp,
  });
}

export interface PollResponse {
  status: 'polled' | 'failed' | 'busy';
  delivered?: number;
  offered?: number;
  kind?: string;
  message?: string;
}

/** POST /v1/sources/:id/poll, retried while another poll of the same source holds its lease. */
export async function pollNow(baseUrl: string, id: string): Promise<PollResponse> {
  for (let i = 0; i < 50; i++) {
    const res = await http(`${baseUrl}/v1/sources/${encodeURIComponent(id)}/poll`, { method: 'POST' });
    if (res.status !== 200) throw new Error(`poll ${id}: HTTP ${res.status} ${res.text}`);
    const body = res.json<PollResponse>();
    if (body.status !== 'busy') return body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`poll ${id}: always busy`);
}

export async function sourceView(baseUrl: string, id: string) {
  const res = await http(`${baseUrl}/v1/sources/${encodeURIComponent(id)}`);
  if (res.status !== 200) throw new Error(`source ${id}: HTTP ${res.status} ${res.text}`);
  return res.json<{
    id: string;
    enabled: boolean;
    origin: string;
    status: {
      failures: number;
      lastError: { kind: string; message: string } | null;
      itemsToday: number;
      nextPollAt: string;
      lastPollAt: string;
    };
  }>();
}

export interface Route {
  status?: number;
  body: Buffer | string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** never answer (a server that accepts the connection and then hangs) */
  hang?: boolean;
  /** the Authorization header this route wants; 401 without it */
  authorization?: string;
}

/** A real HTTP server (node:http) on 127.0.0.1 serving routes with ETag / Last-Modified and 304s; restartable. */
export class FeedServer {
  readonly routes = new Map<string, Route>();
  requests: { path: string; status: number }[] = [];
  port = 0;
  private server: Server | undefined;

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const route = this.routes.get(req.url ?? '');
    const answer = (status: number, headers: Record<string, string> = {}, body?: Buffer | string) => {
      this.requests.push({ path: req.url ?? '', status });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (!route) return answer(404, { 'content-type': 'text/plain' }, 'not found');
    if (route.hang) return;
    if (route.authorization && req.headers.authorization !== route.authorization) {
      return answer(401, { 'www-authenticate': 'Bearer' }, 'unauthorized');
    }
    const validators: Record<string, string> = {};
    if (route.etag) validators.etag = route.etag;
    if (route.lastModified) validators['last-modified'] = route.lastModified;
    if (route.etag && req.headers['if-none-match'] === route.etag) return answer(304, validators);
    if (!route.etag && route.lastModified && req.headers['if-modified-since'] === route.lastModified) {
      return answer(304, validators);
    }
    answer(route.status ?? 200, { 'content-type': route.contentType ?? 'application/xml', ...validators }, route.body);
  }
}

import { Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config';
import { PlatformModule } from '../platform.module';
import { ApiSecurityGuard, routeSecurity } from './api-security.guard';
import { RequiresScope } from './route-security.decorator';

const WRITER = 'writer-key-0123456789';
const READER = 'reader-key-0123456789';
const SCRAPER = 'scraper-key-012345678';

@Controller('v1')
class SampleController {
  @Post('wire')
  @RequiresScope('write')
  post(): string {
    return 'posted';
  }

  @Get('things')
  @RequiresScope('read')
  list(): string {
    return 'things';
  }

  /** no decorator: a GET needs read */
  @Get('undeclared')
  undeclared(): string {
    return 'undeclared';
  }
}

async function start(env: NodeJS.ProcessEnv): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig(env);
  @Module({ imports: [PlatformModule.forRoot({ service: 'test', config })], controllers: [SampleController] })
  class SampleModule {}
  const app = await NestFactory.create(SampleModule, { logger: false });
  app.useGlobalGuards(new ApiSecurityGuard(app.get(Reflector), config.security));
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

describe('routeSecurity', () => {
  it('defaults to read for safe methods and write for the rest', () => {
    expect(routeSecurity(undefined, 'GET')).toEqual({ kind: 'scope', scope: 'read' });
    expect(routeSecurity(undefined, 'DELETE')).toEqual({ kind: 'scope', scope: 'write' });
    expect(routeSecurity({ kind: 'public' }, 'POST')).toEqual({ kind: 'public' });
  });
});

describe('ApiSecurityGuard', () => {
  describe('with API keys', () => {
    let running: { app: INestApplication; url: string };
    beforeAll(async () => {
      running = await start({
        API_KEYS: `${WRITER}:write,${READER}:read,${SCRAPER}:metrics`,
        METRICS_REQUIRE_KEY: 'true',
      });
    });
    afterAll(() => running.app.close());

    const call = (path: string, init: RequestInit = {}) => fetch(`${running.url}${path}`, init);

    it('answers 401 problem+json with a challenge without a key, and with a wrong one', async () => {
      const attempts: Record<string, string>[] = [
        {},
        { Authorization: 'Bearer wrong-key-0123456789' },
        { 'X-API-Key': 'nope' },
      ];
      for (const headers of attempts) {
        const res = await call('/v1/wire', { method: 'POST', headers });
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="wiredesk"/);
        expect(await res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
      }
    });

    it('answers 403 FORBIDDEN to a key without the scope', async () => {
      const res = await call('/v1/wire', { method: 'POST', headers: { 'X-API-Key': READER } });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN', requiredScope: 'write' });
      expect((await call('/v1/things', { headers: { Authorization: `Bearer ${WRITER}` } })).status).toBe(403);
      expect((await call('/v1/undeclared', { headers: { Authorization: `Bearer ${WRITER}` } })).status).toBe(403);
    });

    it('lets a key with the scope through, by either header', async () => {
      expect((await call('/v1/wire', { method: 'POST', headers: { Authorization: `Bearer ${WRITER}` } })).status).toBe(
        201,
      );
      expect(await (await call('/v1/things', { headers: { 'X-API-Key': READER } })).text()).toBe('things');
      expect((await call('/v1/undeclared', { headers: { 'X-API-Key': READER } })).status).toBe(200);
    });

    it('keeps health open and protects metrics when asked to', async () => {
      expect((await call('/health/live')).status).toBe(200);
      expect((await call('/metrics')).status).toBe(401);
      expect((await call('/metrics', { headers: { 'X-API-Key': READER } })).status).toBe(403);
      expect((await call('/metrics', { headers: { 'X-API-Key': SCRAPER } })).status).toBe(200);
    });
  });

  describe('without API keys, with a rate limit', () => {
    let running: { app: INestApplication; url: string };
    beforeAll(async () => {
      running = await start({ RATE_LIMIT_PER_MINUTE: '2' });
    });
    afterAll(() => running.app.close());

    it('lets anyone in, and answers 429 with Retry-After past the limit; health and metrics are not limited', async () => {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 3; i++) {
        last = await fetch(`${running.url}/v1/things`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await last!.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      for (let i = 0; i < 5; i++) {
        expect((await fetch(`${running.url}/health/live`)).status).toBe(200);
        expect((await fetch(`${running.url}/metrics`)).status).toBe(200);
      }
    });
  });
});

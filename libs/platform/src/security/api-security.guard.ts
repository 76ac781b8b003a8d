import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { SecurityConfig } from '../config';
import { HttpProblemCode, ProblemException } from '../problem/problem';
import { findApiKey, presentedApiKey, type ApiKey } from './api-keys';
import { RateLimit } from './rate-limit';
import { ROUTE_SECURITY, type RouteSecurity } from './route-security.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const AUTH_CHALLENGE = 'Bearer realm="wiredesk", charset="UTF-8"';

/** The protection of a route: its decorator, else by method (reads need `read`, anything else `write`). */
export function routeSecurity(declared: RouteSecurity | undefined, method: string): RouteSecurity {
  return declared ?? { kind: 'scope', scope: SAFE_METHODS.has(method.toUpperCase()) ? 'read' : 'write' };
}

/**
 * Every HTTP route of every service passes here (installed globally by createServiceApp). In order:
 * 1. public routes (health) and metrics (unless METRICS_REQUIRE_KEY) pass untouched, never rate limited;
 * 2. the client is identified: a valid key by its id, anything else by its IP address;
 * 3. rate limit per client → 429 RATE_LIMITED with Retry-After (before the key check, so guessing keys is throttled);
 * 4. with API_KEYS set: no or an unknown key → 401 UNAUTHORIZED with WWW-Authenticate; a key without the route's
 *    scope → 403 FORBIDDEN.
 * Without API_KEYS, step 4 is skipped (local development). Keys are never logged; only their non-secret ids.
 */
@Injectable()
export class ApiSecurityGuard implements CanActivate {
  private readonly logger = new Logger('Security');
  private readonly limiter: RateLimit;

  constructor(
    private readonly reflector: Reflector,
    private readonly config: SecurityConfig,
  ) {
    this.limiter = new RateLimit(config.rateLimitPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const declared = this.reflector.getAllAndOverride<RouteSecurity | undefined>(ROUTE_SECURITY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const security = routeSecurity(declared, req.method);
    const keysRequired = this.config.apiKeys.length > 0;
    if (security.kind === 'public') return true;
    if (security.kind === 'metrics' && !(keysRequired && this.config.metricsRequireKey)) return true;

    const presented = presentedApiKey(req.headers);
    const key = presented !== undefined ? findApiKey(presented, this.config.apiKeys) : undefined;

    if (security.kind !== 'metrics') await this.rateLimit(req, res, key);
    if (!keysRequired) return true;

    if (!key) {
      res.setHeader(
        'WWW-Authenticate',
        presented === undefined ? AUTH_CHALLENGE : `${AUTH_CHALLENGE}, error="invalid_token"`,
      );
      this.logger.warn({
        msg: 'request refused: no valid API key',
        path: req.path,
        method: req.method,
        ip: req.ip,
        keyGiven: presented !== undefined,
      });
      throw new ProblemException(
        401,
        HttpProblemCode.UNAUTHORIZED,
        presented === undefined
          ? 'An API key is required: send it as "Authorization: Bearer <key>" or "X-API-Key: <key>".'
          : 'The API key is not valid.',
      );
    }
    const needed = security.kind === 'metrics' ? 'metrics' : security.scope;
    if (!key.scopes.includes(needed)) {
      this.logger.warn({
        msg: 'request refused: missing scope',
        path: req.path,
        method: req.method,
        keyId: key.id,
        needed,
      });
      throw new ProblemException(
        403,
        HttpProblemCode.FORBIDDEN,
        `This API key lacks the "${needed}" scope needed here.`,
        {
          requiredScope: needed,
        },
      );
    }
    return true;
  }

  private async rateLimit(req: Request, res: Response, key: ApiKey | undefined): Promise<void> {
    if (!this.limiter.enabled) return;
    const client = key ? key.id : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const decision = await this.limiter.take(client);
    res.setHeader('RateLimit-Limit', String(this.limiter.perMinute));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    if (decision.allowed) return;
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    this.logger.warn({
      msg: 'request refused: rate limited',
      path: req.path,
      client: key ? key.id : 'ip',
      retryAfter: decision.retryAfterSeconds,
    });
    throw new ProblemException(
      429,
      HttpProblemCode.RATE_LIMITED,
      `Too many requests: at most ${this.limiter.perMinute} a minute; retry after ${decision.retryAfterSeconds} s.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}

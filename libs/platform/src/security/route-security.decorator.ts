import { SetMetadata } from '@nestjs/common';
import type { ApiScope } from './api-keys';

export const ROUTE_SECURITY = 'wiredesk:route-security';

/** How a route is protected when API keys are configured. */
export type RouteSecurity = { kind: 'scope'; scope: 'read' | 'write' } | { kind: 'public' } | { kind: 'metrics' };

/**
 * The scope a key needs for this route (or every route of a controller): `write` to send copy, `read` to query.
 * A route without any of these decorators needs `read` for GET/HEAD and `write` otherwise, so a forgotten decorator
 * never leaves a route open.
 */
export const RequiresScope = (scope: Extract<ApiScope, 'read' | 'write'>) =>
  SetMetadata(ROUTE_SECURITY, { kind: 'scope', scope } satisfies RouteSecurity);

/** Open to everyone, never rate limited: health probes. */
export const PublicRoute = () => SetMetadata(ROUTE_SECURITY, { kind: 'public' } satisfies RouteSecurity);

/** Open unless METRICS_REQUIRE_KEY is set, then a key with the `metrics` scope is needed; never rate limited. */
export const MetricsRoute = () => SetMetadata(ROUTE_SECURITY, { kind: 'metrics' } satisfies RouteSecurity);

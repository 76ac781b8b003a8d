export interface BackoffPolicy {
  /** delay before the first retry */
  initialMs: number;
  /** ceiling of the exponential growth */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 30000 };

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random, so retries of many
 * consumers spread out without ever retrying immediately. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

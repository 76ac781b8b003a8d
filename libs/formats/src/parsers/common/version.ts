import { ErrorCode, WireError } from '@wiredesk/contracts';

/**
 * The largest version number accepted: exact in a double. Some agencies number versions by a timestamp (Reuters sends
 * ten digits), so the bound is the largest exact integer rather than a guess at how far agencies count.
 */
export const MAX_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * A story's version as the copy declares it: absent or 0 (IPTC's own ninjs examples say "0") → undefined (the story
 * is version 1); a whole number up to MAX_VERSION (`3`, `+3`, `3.0`) → that number; anything else (`-1`, `two`,
 * 20 digits) is refused as
 * INVALID_VERSION. A version decides which copy of a story is current, so a wrong guess (say "1") could let an old
 * copy replace a newer one or a newer one be ignored.
 */
export function declaredVersion(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  const match = /^\+?(\d{1,16})(?:\.0+)?$/.exec(text);
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(n) || n > MAX_VERSION) {
    throw new WireError(
      ErrorCode.INVALID_VERSION,
      `The ${where} ${JSON.stringify(text.slice(0, 40))} is not a whole number from 0 to ${MAX_VERSION}.`,
    );
  }
  return n === 0 ? undefined : n;
}

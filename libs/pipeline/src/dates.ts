import { isNinjsDateTime } from '@wiredesk/ninjs';

const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A source date as ninjs wants it (RFC 3339 with a zone), or undefined when it cannot be read. Wire copy without a
 * zone is taken as UTC, which is what agencies send; a full RFC 3339 value is kept exactly as the source wrote it.
 */
export function toNinjsDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (isNinjsDateTime(text)) return text;
  let ms: number;
  if (ZONELESS.test(text)) ms = Date.parse(`${text}Z`);
  else if (DATE_ONLY.test(text)) ms = Date.parse(`${text}T00:00:00Z`);
  else ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}

import type { IHeaders } from 'kafkajs';

/** Kafka headers as plain strings, the way every stage reads them. */
export type HeaderMap = Record<string, string>;

/** Decodes kafkajs headers (Buffers, possibly repeated) to strings; a repeated header keeps its last value. */
export function decodeHeaders(headers: IHeaders | undefined): HeaderMap {
  const out: HeaderMap = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last === undefined || last === null) continue;
    out[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  return out;
}

/** Encodes string headers for kafkajs, leaving out empty ones. */
export function encodeHeaders(map: Record<string, string | number | undefined | null>): IHeaders {
  const out: IHeaders = {};
  for (const [name, value] of Object.entries(map)) {
    if (value === undefined || value === null || value === '') continue;
    out[name] = String(value);
  }
  return out;
}

/** Header values must be one line; error messages and filenames can carry anything. */
export function headerSafe(text: string, maxLength = 1000): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return oneLine.length > maxLength ? oneLine.slice(0, maxLength - 1) + '…' : oneLine;
}

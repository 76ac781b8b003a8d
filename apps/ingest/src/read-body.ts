import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '@wiredesk/contracts';
import { ProblemException } from '@wiredesk/platform';

/**
 * Reads the request body as raw bytes, whatever its content type, refusing more than `limit` bytes with 413. A
 * declared Content-Length over the limit is refused before reading; otherwise the count is checked as bytes arrive,
 * and the rest of an oversized body is discarded rather than buffered.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new ProblemException(413, ErrorCode.TOO_LARGE, `The body is larger than the limit of ${limit} bytes.`, {
      maxBytes: limit,
    });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  if ((req as { _body?: boolean })._body || req.readableEnded) {
    // a body parser already consumed the stream: the raw bytes are gone
    return Promise.reject(
      new Error('The request body was consumed before ingest could read it (body parser enabled).'),
    );
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(e);
      }
    });
  });
}

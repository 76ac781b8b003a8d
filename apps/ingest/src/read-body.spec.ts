import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { readRawBody } from './read-body';

function request(chunks: Buffer[], headers: Record<string, string> = {}): IncomingMessage {
  const stream = new PassThrough();
  Object.assign(stream, { headers });
  setImmediate(() => {
    for (const c of chunks) stream.write(c);
    stream.end();
  });
  return stream as unknown as IncomingMessage;
}

describe('readRawBody', () => {
  it('returns the exact bytes, binary included', async () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x0a]);
    await expect(readRawBody(request([bytes.subarray(0, 3), bytes.subarray(3)]), 100)).resolves.toEqual(bytes);
  });

  it('returns an empty buffer for an empty body', async () => {
    await expect(readRawBody(request([]), 100)).resolves.toHaveLength(0);
  });

  it('refuses a body over the limit with 413 TOO_LARGE', async () => {
    await expect(readRawBody(request([Buffer.alloc(60), Buffer.alloc(60)]), 100)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      status: 413,
    });
  });

  it('refuses a declared length over the limit before reading', async () => {
    await expect(readRawBody(request([Buffer.alloc(1)], { 'content-length': '5000' }), 100)).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });
});

import { once } from 'node:events';

/** Where a command reads and writes: the process's streams, or in tests streams the spec can read back. */
export interface CliStreams {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const processStreams = (): CliStreams => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});

/** Exit codes of every command: 0 done, 1 something failed, 2 the command line was wrong. */
export const Exit = { ok: 0, failed: 1, usage: 2 } as const;

/** Writes one line, waiting when the reader is slower than us (large batches piped into another program). */
export async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** An error message on one line, whatever it contained. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

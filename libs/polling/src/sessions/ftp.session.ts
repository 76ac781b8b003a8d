import { isIP } from 'node:net';
import { Writable } from 'node:stream';
import { Client } from 'basic-ftp';
import { SourceError, effectiveAfterFetch, portOf } from '@wiredesk/sources';
import { remotePath, settledListing, type Candidate, type SessionContext, type SourceSession } from './source-session';

/** ftp and ftps (explicit TLS, AUTH TLS) sources, with basic-ftp. One control connection per poll. */
export async function openFtpSession(ctx: SessionContext): Promise<SourceSession> {
  const { source, secrets, signal } = ctx;
  const client = new Client(Math.min(60000, source.timeout ?? 60000));
  const onAbort = () => client.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.access({
      host: source.where,
      port: portOf(source),
      user: secrets.read(source.credentials?.username, 'user name') ?? 'anonymous',
      password: secrets.read(source.credentials?.password, 'password') ?? '',
      secure: source.kind === 'ftps',
      secureOptions:
        source.kind === 'ftps'
          ? {
              ca: secrets.readFile(source.tls?.ca, 'CA'),
              servername: source.tls?.servername ?? (isIP(source.where) ? undefined : source.where),
            }
          : undefined,
    });
  } catch (e) {
    client.close();
    signal.removeEventListener('abort', onAbort);
    throw e;
  }
  const folder = source.path;
  const action = effectiveAfterFetch(source);
  return {
    list: () =>
      settledListing(ctx, async () =>
        (await client.list(folder))
          .filter((f) => f.isFile)
          .map((f) => ({
            name: f.name,
            size: f.size,
            mtime: f.modifiedAt?.getTime() ?? f.rawModifiedAt,
          })),
      ),
    async fetch(candidate: Candidate): Promise<Buffer> {
      const chunks: Buffer[] = [];
      let size = 0;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > ctx.maxBytes)
            return done(new SourceError('server', `${candidate.name} is larger than the limit.`));
          chunks.push(chunk);
          done();
        },
      });
      await client.downloadTo(sink, remotePath(folder, String(candidate.ref)));
      return Buffer.concat(chunks);
    },
    async finish(candidate: Candidate): Promise<void> {
      const path = remotePath(folder, String(candidate.ref));
      if (action === 'delete') await client.remove(path);
      else if (typeof action === 'object') {
        await client.ensureDir(action.move);
        await client.cd('/');
        await client.rename(path, remotePath(action.move, String(candidate.ref)));
      }
    },
    async close(): Promise<void> {
      signal.removeEventListener('abort', onAbort);
      client.close();
    },
  };
}

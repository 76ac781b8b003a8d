import { createHash } from 'node:crypto';
import SftpClient from 'ssh2-sftp-client';
import { SourceError, effectiveAfterFetch, portOf } from '@wiredesk/sources';
import { remotePath, settledListing, type Candidate, type SessionContext, type SourceSession } from './source-session';

/** sftp sources, with ssh2-sftp-client; the host key is checked against `hostKey` when the source gives one. */
export async function openSftpSession(ctx: SessionContext): Promise<SourceSession> {
  const { source, secrets, signal } = ctx;
  const client = new SftpClient(`wiredesk-${source.id}`);
  const onAbort = () => void client.end().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  let hostKeyMismatch = false;
  try {
    await client.connect({
      host: source.where,
      port: portOf(source),
      username: secrets.read(source.credentials?.username, 'user name'),
      password: secrets.read(source.credentials?.password, 'password'),
      privateKey: secrets.read(source.credentials?.privateKey, 'private key', { trim: false }),
      readyTimeout: Math.min(30000, source.timeout ?? 30000),
      retries: 0,
      hostVerifier: source.hostKey
        ? (key: Buffer) => {
            const fingerprint = `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
            hostKeyMismatch = fingerprint !== source.hostKey!.replace(/=+$/, '');
            return !hostKeyMismatch;
          }
        : undefined,
    });
  } catch (e) {
    signal.removeEventListener('abort', onAbort);
    await client.end().catch(() => undefined);
    if (hostKeyMismatch) throw new SourceError('tls', `The host key of ${source.where} is not the one configured.`, e);
    throw e;
  }
  const folder = source.path ?? '.';
  const action = effectiveAfterFetch(source);
  return {
    list: () =>
      settledListing(ctx, async () =>
        (await client.list(folder))
          .filter((f) => f.type === '-')
          .map((f) => ({ name: f.name, size: f.size, mtime: f.modifyTime })),
      ),
    async fetch(candidate: Candidate): Promise<Buffer> {
      const data = await client.get(remotePath(folder, String(candidate.ref)));
      if (!Buffer.isBuffer(data)) throw new Error('sftp get returned no buffer');
      if (data.length > ctx.maxBytes) throw new SourceError('server', `${candidate.name} is larger than the limit.`);
      return data;
    },
    async finish(candidate: Candidate): Promise<void> {
      const path = remotePath(folder, String(candidate.ref));
      if (action === 'delete') await client.delete(path, true);
      else if (typeof action === 'object') {
        await client.mkdir(action.move, true).catch(() => undefined);
        await client.rename(path, remotePath(action.move, String(candidate.ref)));
      }
    },
    async close(): Promise<void> {
      signal.removeEventListener('abort', onAbort);
      await client.end().catch(() => undefined);
    },
  };
}

import { isIP } from 'node:net';
import { ImapFlow } from 'imapflow';
import { effectiveAfterFetch, portOf } from '@wiredesk/sources';
import type { Candidate, SessionContext, SourceSession } from './source-session';

/** The keyword a delivered message gets (afterFetch: flag); a server without custom keywords gets \Seen instead. */
export const DONE_KEYWORD = '$WiredeskDone';
const MAX_MESSAGES_PER_POLL = 200;

/**
 * imap sources, with imapflow: each message not yet done is delivered as its raw RFC 822 bytes
 * (message/rfc822), and only once its wire.raw record is acknowledged and remembered is it flagged, moved or deleted.
 * The key is mailbox + UIDVALIDITY + UID, which IMAP guarantees never to reuse for another message.
 */
export async function openImapSession(ctx: SessionContext): Promise<SourceSession> {
  const { source, secrets, signal } = ctx;
  const mailbox = source.path ?? 'INBOX';
  const timeout = Math.min(60000, source.timeout ?? 60000);
  const client = new ImapFlow({
    host: source.where,
    port: portOf(source)!,
    secure: source.secure ?? true,
    auth: {
      user: secrets.read(source.credentials?.username, 'user name') ?? '',
      pass: secrets.read(source.credentials?.password, 'password') ?? '',
    },
    tls: {
      ca: secrets.readFile(source.tls?.ca, 'CA'),
      servername: source.tls?.servername ?? (isIP(source.where) ? undefined : source.where),
    },
    logger: false,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableAutoIdle: true,
  });
  client.on('error', () => undefined); // surfaced by the pending command instead
  const onAbort = () => client.close();
  signal.addEventListener('abort', onAbort, { once: true });
  let lock: { release(): void } | undefined;
  try {
    await client.connect();
    lock = await client.getMailboxLock(mailbox);
  } catch (e) {
    signal.removeEventListener('abort', onAbort);
    client.close();
    throw e;
  }
  const action = effectiveAfterFetch(source);
  const box = client.mailbox as { uidValidity: bigint; permanentFlags?: Set<string> };
  const keywords = !box.permanentFlags || box.permanentFlags.has('\\*') || box.permanentFlags.has(DONE_KEYWORD);
  const doneFlag = keywords ? DONE_KEYWORD : '\\Seen';
  return {
    async list(): Promise<Candidate[]> {
      const query = action === 'flag' ? (keywords ? { unKeyword: DONE_KEYWORD } : { seen: false }) : { all: true };
      const uids = (await client.search(query, { uid: true })) || [];
      return uids
        .sort((a, b) => a - b)
        .slice(0, MAX_MESSAGES_PER_POLL)
        .map((uid) => ({
          key: `imap:${mailbox}:${box.uidValidity}:${uid}`,
          name: `${uid}.eml`,
          ref: uid,
          contentType: 'message/rfc822',
        }));
    },
    async fetch(candidate: Candidate): Promise<Buffer> {
      const message = await client.fetchOne(String(candidate.ref), { source: true }, { uid: true });
      if (!message || !message.source) throw new Error(`message ${candidate.ref} is gone`);
      return message.source;
    },
    async finish(candidate: Candidate): Promise<void> {
      const uid = String(candidate.ref);
      if (action === 'flag') await client.messageFlagsAdd(uid, [doneFlag], { uid: true });
      else if (action === 'delete') await client.messageDelete(uid, { uid: true });
      else if (typeof action === 'object') await client.messageMove(uid, action.move, { uid: true });
    },
    async close(): Promise<void> {
      signal.removeEventListener('abort', onAbort);
      lock?.release();
      await client.logout().catch(() => client.close());
    },
  };
}

/** Why a poll failed, in the words the desk needs: whose move is it (ours, the agency's, the network's)? */
export const SOURCE_ERROR_KINDS = [
  'auth', // credentials refused
  'unreachable', // host unknown, connection refused or reset
  'tls', // certificate not trusted, expired, or for another name
  'parse', // the feed no longer parses, or an HTML error page came instead
  'timeout', // no answer in time
  'not-found', // the URL, folder or mailbox does not exist
  'server', // the server answered with an error of its own (HTTP 5xx, FTP 4xx/5xx)
  'config', // the source's configuration cannot work (missing secret file, bad key)
  'other',
] as const;
export type SourceErrorKind = (typeof SOURCE_ERROR_KINDS)[number];

/** A failure the poller understood itself, with its kind. */
export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;
const AUTH_TEXT =
  /(authentication failed|authentication methods failed|login incorrect|invalid credentials|AUTHENTICATIONFAILED|auth(entication)? (refused|rejected)|permission denied \(password|not logged in)/i;
const TLS_TEXT = /(certificate|self[- ]signed|altnames|tls|ssl)/i;
const TIMEOUT_TEXT = /(timed? ?out|timeout)/i;
const NOT_FOUND_TEXT = /(no such file|not found|does not exist|doesn't exist|nonexistent|NONEXISTENT)/i;

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: string;
  cause?: unknown;
  authenticationFailed?: boolean;
  responseText?: string;
  level?: string;
}

/** The chain of an error and its causes (fetch wraps the socket error in `cause`). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  while (e && typeof e === 'object' && out.length < 6) {
    out.push(e as ErrorLike);
    e = (e as ErrorLike).cause;
  }
  return out;
}

/** Sorts any error a protocol client throws into a kind; the message stays as the client wrote it. */
export function classifySourceError(error: unknown): SourceErrorKind {
  const errors = chain(error);
  for (const e of errors) if (e instanceof SourceError) return e.kind;
  for (const e of errors) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (TLS_CODE.test(code)) return 'tls';
    if (e.authenticationFailed || code === 'AUTHENTICATIONFAILED' || e.level === 'client-authentication') return 'auth';
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || TIMEOUT.has(code)) return 'timeout';
    if (UNREACHABLE.has(code)) return 'unreachable';
    if (code === 'ENOENT' || code === 'NoConnection') return code === 'ENOENT' ? 'not-found' : 'unreachable';
    // FTP replies: 530 not logged in, 550 no such file, 4xx/5xx others
    if (typeof e.code === 'number') {
      if (e.code === 530) return 'auth';
      if (e.code === 550) return 'not-found';
      if (e.code >= 400) return 'server';
    }
  }
  const text = errors.map((e) => `${e.message ?? ''} ${e.responseText ?? ''}`).join(' ');
  if (AUTH_TEXT.test(text)) return 'auth';
  if (TLS_TEXT.test(text) && !/ECONNREFUSED/.test(text)) return 'tls';
  if (TIMEOUT_TEXT.test(text)) return 'timeout';
  if (NOT_FOUND_TEXT.test(text)) return 'not-found';
  return 'other';
}

/** The one line kept as a source's last error: its kind and the client's message, never a credential. */
export function describeSourceError(error: unknown): { kind: SourceErrorKind; message: string } {
  const kind = classifySourceError(error);
  const messages = chain(error)
    .map((e) => e.message)
    .filter((m): m is string => !!m);
  const message = [...new Set(messages)].join(': ').slice(0, 500) || String(error);
  return { kind, message };
}

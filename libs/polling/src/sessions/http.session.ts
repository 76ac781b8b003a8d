import { SourceError, splitFeed, splitHttpDocument } from '@wiredesk/sources';
import type { SourceStateRecord } from '@wiredesk/storage';
import type { Candidate, SessionContext, SourceSession } from './source-session';

/**
 * feed and http sources: one conditional GET (If-None-Match / If-Modified-Since from the last complete poll), then
 * the answer split into items (libs/sources). A 304 offers nothing. Node's fetch; redirects followed.
 */
export async function openHttpSession(ctx: SessionContext): Promise<SourceSession> {
  const { source, state, signal, secrets } = ctx;
  const headers: Record<string, string> = {
    'user-agent': 'Wiredesk poller',
    accept:
      source.kind === 'feed'
        ? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5'
        : 'application/json, application/xml;q=0.9, */*;q=0.5',
  };
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.lastModified) headers['if-modified-since'] = state.lastModified;
  const credentials = source.credentials;
  if (credentials?.header) {
    headers[credentials.header.name.toLowerCase()] = secrets.read(credentials.header.value, 'header value')!;
  } else if (credentials?.username || credentials?.password) {
    const user = secrets.read(credentials.username, 'user name') ?? '';
    const password = secrets.read(credentials.password, 'password') ?? '';
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  let checkpoint: Pick<SourceStateRecord, 'etag' | 'lastModified'> = {};
  return {
    async list(): Promise<Candidate[]> {
      const response = await fetch(source.where, { headers, signal, redirect: 'follow' });
      if (response.status === 304) {
        await response.body?.cancel();
        checkpoint = { etag: state?.etag, lastModified: state?.lastModified };
        return [];
      }
      if (!response.ok) {
        await response.body?.cancel();
        const kind =
          response.status === 401 || response.status === 403
            ? 'auth'
            : response.status === 404 || response.status === 410
              ? 'not-found'
              : 'server';
        throw new SourceError(kind, `${source.where} answered HTTP ${response.status} ${response.statusText}.`);
      }
      const body = await readLimited(response, ctx.maxBytes);
      const contentType = response.headers.get('content-type') ?? undefined;
      const offered =
        source.kind === 'feed' ? splitFeed(body, contentType) : splitHttpDocument(body, contentType, source.format);
      checkpoint = {
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
      };
      return offered.map((o) => ({ key: o.key, body: o.body, contentType: o.contentType ?? contentType }));
    },
    fetch: async () => {
      throw new Error('feed items come with the listing');
    },
    checkpoint: () => checkpoint,
    close: async () => undefined,
  };
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new SourceError('server', `The answer is larger than the limit of ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw new SourceError('server', `The answer is larger than the limit of ${maxBytes} bytes.`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

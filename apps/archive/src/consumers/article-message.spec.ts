import { ARCHIVE_EMITTER, ArticleHeader } from '@wiredesk/contracts';
import type { ConsumedMessage } from '@wiredesk/messaging';
import { contentHash, type Ninjs } from '@wiredesk/ninjs';
import { canceledEvent, readArticleMessage, revisedEvent } from './article-message';

const ninjs: Ninjs = {
  uri: 'urn:test:1',
  version: '2',
  versionCreated: '2024-03-01T10:00:00Z',
  headlines: [{ role: 'main', value: 'Headline' }],
};

function message(value: string | null, headers: Record<string, string> = {}): ConsumedMessage {
  return {
    topic: 'articles.normalized',
    partition: 3,
    offset: '42',
    key: Buffer.from('urn:test:1'),
    value: value === null ? null : Buffer.from(value),
    headers,
    rawHeaders: {},
    timestamp: '0',
  };
}

describe('readArticleMessage', () => {
  it('reads the document, its headers and its position', () => {
    const read = readArticleMessage(
      message(JSON.stringify(ninjs), {
        'wd-ingest-id': 'ing-1',
        'wd-source': 'afp-en',
        'wd-received-at': '2024-03-01T09:59:00Z',
        'wd-enrichment': '{"enrichment":{"mentions":[]}}',
      }),
    );
    expect(read).toEqual({
      kind: 'article',
      item: {
        ninjs,
        contentHash: contentHash(ninjs),
        ingestId: 'ing-1',
        source: 'afp-en',
        receivedAt: new Date('2024-03-01T09:59:00Z'),
        enrichment: { enrichment: { mentions: [] } },
        origin: { topic: 'articles.normalized', partition: 3, offset: '42' },
        // the value and the enrichment header: what bounds the size of the stored record
        sourceBytes: Buffer.byteLength(JSON.stringify(ninjs)) + '{"enrichment":{"mentions":[]}}'.length,
      },
    });
  });

  it('marks a replayed article as such, and only when the header says true', () => {
    const replayed = readArticleMessage(message(JSON.stringify(ninjs), { 'wd-replay': 'true' }));
    expect(replayed.kind === 'article' && replayed.item.replay).toBe(true);
    const other = readArticleMessage(message(JSON.stringify(ninjs), { 'wd-replay': 'yes' }));
    expect(other.kind === 'article' && other.item).not.toHaveProperty('replay');
  });

  it('recomputes the content hash instead of trusting the header', () => {
    const read = readArticleMessage(message(JSON.stringify(ninjs), { 'wd-content-hash': 'forged' }));
    expect(read.kind === 'article' && read.item.contentHash).toBe(contentHash(ninjs));
  });

  it('skips the archive’s own events, and only those', () => {
    expect(readArticleMessage(message(JSON.stringify(ninjs), { [ArticleHeader.emitter]: ARCHIVE_EMITTER })).kind).toBe(
      'own-event',
    );
    const kill = { ...ninjs, pubStatus: 'canceled' as const };
    expect(readArticleMessage(message(JSON.stringify(kill), { 'wd-event': 'canceled' })).kind).toBe('article');
  });

  it('classifies what cannot be stored with a stable code', () => {
    expect(readArticleMessage(message(null))).toMatchObject({ kind: 'invalid', code: 'EMPTY_INPUT' });
    expect(readArticleMessage(message('{not json'))).toMatchObject({ kind: 'invalid', code: 'MALFORMED_JSON' });
    expect(readArticleMessage(message('{"headline":"x"}'))).toMatchObject({ kind: 'invalid', code: 'INVALID_NINJS' });
    expect(readArticleMessage(message(JSON.stringify({ ...ninjs, extra: 1 })))).toMatchObject({
      kind: 'invalid',
      code: 'INVALID_NINJS',
    });
  });

  it('keeps an enrichment header that is not JSON as text', () => {
    const read = readArticleMessage(message(JSON.stringify(ninjs), { 'wd-enrichment': 'oops' }));
    expect(read.kind === 'article' && read.item.enrichment).toEqual({ unparsed: 'oops' });
  });
});

describe('canceledEvent', () => {
  it('is keyed by uri with the headers of docs/contracts.md and the archive’s mark', () => {
    const killed = { ...ninjs, pubStatus: 'canceled' as const };
    const event = canceledEvent('articles.normalized', killed, 'hash-1', { ingestId: 'ing-9', source: 'afp-en' });
    expect(event).toEqual({
      topic: 'articles.normalized',
      key: 'urn:test:1',
      value: Buffer.from(JSON.stringify(killed)),
      headers: {
        'wd-event': 'canceled',
        'wd-content-hash': 'hash-1',
        'wd-schema': 'ninjs/3.1',
        'wd-emitter': 'archive',
        'wd-ingest-id': 'ing-9',
        'wd-source': 'afp-en',
      },
    });
  });
});

describe('revisedEvent', () => {
  it('is an updated event keyed by uri, marked as the archive’s own and as a replay, so it never loops', () => {
    const event = revisedEvent('articles.normalized', ninjs, 'hash-2', { ingestId: 'ing-9' });
    expect(event.key).toBe('urn:test:1');
    expect(JSON.parse(String(event.value))).toEqual(ninjs);
    expect(event.headers).toEqual({
      'wd-event': 'updated',
      'wd-content-hash': 'hash-2',
      'wd-schema': 'ninjs/3.1',
      'wd-emitter': 'archive',
      'wd-replay': 'true',
      'wd-ingest-id': 'ing-9',
    });
    const back = readArticleMessage(message(String(event.value), event.headers as Record<string, string>));
    expect(back.kind).toBe('own-event');
  });
});

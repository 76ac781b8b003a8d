import { encodeArticleRecord } from './articles.codec';

describe('articles.normalized record', () => {
  const fields = { uri: 'urn:x:1', json: '{"uri":"urn:x:1","headline":"Größe"}', contentHash: 'h1' };

  it('is keyed by uri, carries the ninjs as UTF-8 JSON and the article headers in contract order', () => {
    const record = encodeArticleRecord('articles.normalized', {
      ...fields,
      event: 'created',
      ingestId: 'i1',
      source: 'afp-en',
      channel: 'http',
      receivedAt: '2026-01-01T00:00:00.000Z',
      enrichment: '{"source":{"format":"text"}}',
      replay: true,
    });
    expect(record.topic).toBe('articles.normalized');
    expect(record.key).toBe('urn:x:1');
    expect(JSON.parse((record.value as Buffer).toString('utf8'))).toEqual({ uri: 'urn:x:1', headline: 'Größe' });
    expect(Object.entries(record.headers ?? {})).toEqual([
      ['wd-event', 'created'],
      ['wd-ingest-id', 'i1'],
      ['wd-source', 'afp-en'],
      ['wd-content-hash', 'h1'],
      ['wd-schema', 'ninjs/3.1'],
      ['wd-channel', 'http'],
      ['wd-received-at', '2026-01-01T00:00:00.000Z'],
      ['wd-enrichment', '{"source":{"format":"text"}}'],
      ['wd-replay', 'true'],
    ]);
  });

  it('leaves out what it was not given, and marks the emitter when there is one', () => {
    const record = encodeArticleRecord('t', { ...fields, event: 'canceled', emitter: 'archive' });
    expect(record.headers).toEqual({
      'wd-event': 'canceled',
      'wd-content-hash': 'h1',
      'wd-schema': 'ninjs/3.1',
      'wd-emitter': 'archive',
    });
  });
});

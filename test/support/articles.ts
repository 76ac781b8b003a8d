import { encodeArticleRecord } from '@wiredesk/messaging';
import { contentHash, type Ninjs } from '@wiredesk/ninjs';

/** An articles.normalized record as the enricher writes it (the articles codec); `headers` adds or overrides. */
export function articleRecord(ninjs: Ninjs, headers: Record<string, string> = {}) {
  const {
    key,
    value,
    headers: recordHeaders,
  } = encodeArticleRecord('', {
    event: ninjs.pubStatus === 'canceled' ? 'canceled' : 'created',
    uri: ninjs.uri,
    json: JSON.stringify(ninjs),
    contentHash: contentHash(ninjs),
    ingestId: `ingest-${ninjs.uri}-${ninjs.version}`,
    source: 'afp-en',
  });
  return { key, value, headers: { ...recordHeaders, ...headers } };
}

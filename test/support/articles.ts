import { contentHash, type Ninjs } from '@wiredesk/ninjs';

/** An articles.normalized record as the enricher writes it (docs/contracts.md headers); `headers` adds or overrides. */
export function articleRecord(ninjs: Ninjs, headers: Record<string, string> = {}) {
  return {
    key: ninjs.uri,
    value: JSON.stringify(ninjs),
    headers: {
      'wd-event': ninjs.pubStatus === 'canceled' ? 'canceled' : 'created',
      'wd-ingest-id': `ingest-${ninjs.uri}-${ninjs.version}`,
      'wd-source': 'afp-en',
      'wd-content-hash': contentHash(ninjs),
      'wd-schema': 'ninjs/3.1',
      ...headers,
    },
  };
}

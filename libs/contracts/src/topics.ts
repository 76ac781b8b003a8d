/** Kafka topic names. Public ones are contracts (docs/contracts.md); every name can be overridden by environment. */
export interface TopicNames {
  /** raw copy as delivered, exactly the bytes received */
  wireRaw: string;
  /** internal: parsed, not yet enriched articles between normalizer and enricher */
  wireParsed: string;
  /** one ninjs 3.1 document per article version */
  articles: string;
  /** everything that could not become an article, with its raw bytes */
  dlq: string;
  /** internal, compacted: Idempotency-Key → digest and ingest id of the first body sent with it (ingest) */
  idempotency: string;
}

export function topicNames(env: NodeJS.ProcessEnv = process.env): TopicNames {
  return {
    wireRaw: env.TOPIC_WIRE_RAW || 'wire.raw',
    wireParsed: env.TOPIC_WIRE_PARSED || 'wire.parsed',
    articles: env.TOPIC_ARTICLES || 'articles.normalized',
    dlq: env.TOPIC_DLQ || 'wire.dlq',
    idempotency: env.TOPIC_IDEMPOTENCY || 'wire.idempotency',
  };
}

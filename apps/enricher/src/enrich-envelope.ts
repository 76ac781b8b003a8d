import { ArticleHeader, NINJS_SCHEMA_TAG, WireError, WireHeader, isWireError } from '@wiredesk/contracts';
import type { Enricher } from '@wiredesk/enrich';
import {
  Outcome,
  decodeParsedEnvelope,
  encodeHeaders,
  headersFromWireMeta,
  type ConsumedMessage,
  type DeadLetterSpec,
  type HandlerContext,
  type MessageOutcome,
  type OutboundMessage,
  type ParsedEnvelope,
} from '@wiredesk/messaging';
import { assertValidNinjs, contentHash, type Ninjs } from '@wiredesk/ninjs';
import { enrichArticle, type ArticleDetails, type SourceDetails } from '@wiredesk/pipeline';

type Envelope = ParsedEnvelope<Ninjs> & { sourceDetails?: SourceDetails[] };

/**
 * One wire.parsed envelope → its articles enriched, validated against ninjs 3.1 and ready for articles.normalized.
 * An article that fails (ENRICH_FAILED, INVALID_NINJS) dead-letters the RAW input it came from; its sibling articles
 * are still published (a replay republishes them as no-ops, by content hash). An envelope that cannot be read at all
 * is dead-lettered as it is.
 */
export async function enrichEnvelope(
  message: ConsumedMessage,
  enricher: Enricher,
  articlesTopic: string,
  ctx: Pick<HandlerContext, 'yieldToEventLoop'>,
): Promise<MessageOutcome> {
  let envelope: Envelope;
  try {
    envelope = decodeParsedEnvelope<Ninjs>(message.value) as Envelope;
  } catch (e) {
    return Outcome.failed(e);
  }
  const outputs: OutboundMessage[] = [];
  const failures: { index: number; error: WireError }[] = [];
  for (let i = 0; i < envelope.articles.length; i++) {
    // enrichment is the CPU-heavy stage: heartbeats and I/O get a turn between articles
    await ctx.yieldToEventLoop();
    try {
      const { article, details } = enrichArticle(envelope.articles[i], enricher);
      assertValidNinjs(article);
      const allDetails: ArticleDetails = {
        source: envelope.sourceDetails?.[i] ?? { format: 'text' },
        enrichment: details,
      };
      outputs.push(articleRecord(articlesTopic, article, allDetails, envelope));
    } catch (e) {
      if (!isWireError(e)) throw e;
      failures.push({ index: i, error: e });
    }
  }
  if (failures.length === 0) return Outcome.ok(outputs);

  // the dead letter's headers are rebuilt only when an article fails
  const raw: Omit<DeadLetterSpec, 'code' | 'message'> = {
    value: envelope.raw,
    headers: encodeHeaders(envelope.rawHeaders ?? headersFromWireMeta(envelope.meta)),
    origin: envelope.origin,
  };
  const first = failures[0];
  const total = envelope.articles.length;
  const message_ =
    total === 1
      ? first.error.message
      : `${failures.length} of ${total} articles failed; article ${first.index + 1}: ${first.error.message}`;
  return Outcome.partial(outputs, [{ ...raw, code: first.error.code, message: message_ }]);
}

/** The raw input was re-produced by `wiredesk replay` (its wire.raw headers travel in the envelope). */
export function isReplay(envelope: Pick<Envelope, 'rawHeaders'>): boolean {
  return envelope.rawHeaders?.[WireHeader.replay] === 'true';
}

/** The articles.normalized record of docs/contracts.md: key = uri, ninjs as UTF-8 JSON, the article headers. */
export function articleRecord(
  topic: string,
  article: Ninjs,
  details: ArticleDetails,
  envelope: Envelope,
): OutboundMessage {
  return {
    topic,
    key: article.uri,
    value: Buffer.from(JSON.stringify(article), 'utf8'),
    headers: encodeHeaders({
      // created vs updated is the archive's call (it knows what it holds); a kill is known here
      [ArticleHeader.event]: article.pubStatus === 'canceled' ? 'canceled' : 'created',
      [ArticleHeader.ingestId]: envelope.meta.ingestId,
      [ArticleHeader.source]: envelope.meta.source,
      [ArticleHeader.contentHash]: contentHash(article),
      [ArticleHeader.schema]: NINJS_SCHEMA_TAG,
      // beyond the contract's list, for the archive's records and latency figures
      [WireHeader.channel]: envelope.meta.channel,
      [WireHeader.receivedAt]: envelope.meta.receivedAt,
      [ArticleHeader.enrichment]: JSON.stringify(details),
      // a re-derivation of replayed raw copy: the archive may let it replace the same version's stored content
      [ArticleHeader.replay]: isReplay(envelope) ? 'true' : undefined,
    }),
  };
}

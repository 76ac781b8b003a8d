import { ErrorCode, WireError, WireHeader, isWireError } from '@wiredesk/contracts';
import type { Enricher } from '@wiredesk/enrich';
import {
  Outcome,
  decodeParsedEnvelope,
  encodeArticleRecord,
  encodeHeaders,
  headersFromWireMeta,
  type ConsumedMessage,
  type DeadLetterSpec,
  type MessageOutcome,
  type OutboundMessage,
  type ParsedEnvelope,
} from '@wiredesk/messaging';
import { overTimeLimit, type ItemOutcome } from '@wiredesk/platform';
import { enrichItem, type ArticleDetails, type EnrichItem, type EnrichedArticle } from '@wiredesk/pipeline';

/** Enriches articles somewhere (the service: its worker pool with a time limit per article; tests: in-process). */
export type EnrichItems = (items: EnrichItem[]) => Promise<ItemOutcome<EnrichedArticle>[]>;

/** The enrichment in this thread, with the given enricher: unit tests and tools. */
export function inProcessEnrich(enricher: Enricher): EnrichItems {
  return async (items) =>
    items.map((item): ItemOutcome<EnrichedArticle> => {
      try {
        return { kind: 'ok', value: enrichItem(item, enricher) };
      } catch (e) {
        if (isWireError(e)) return { kind: 'wire-error', code: e.code, message: e.message };
        return { kind: 'error', message: (e as Error).message };
      }
    });
}

/**
 * wire.parsed envelopes → their articles enriched, validated against ninjs 3.1 and ready for articles.normalized. The
 * articles of all envelopes go to `enrich` (a worker pool) as one batch. An article that fails (ENRICH_FAILED,
 * INVALID_NINJS, ENRICH_TIMEOUT past its time limit) dead-letters the RAW input it came from; its sibling articles
 * are still published (a replay republishes them as no-ops, by content hash). An envelope that cannot be read at
 * all is dead-lettered as it is.
 */
export async function enrichEnvelopes(
  messages: ConsumedMessage[],
  enrich: EnrichItems,
  articlesTopic: string,
): Promise<MessageOutcome[]> {
  const envelopes = messages.map((m): ParsedEnvelope | WireError => {
    try {
      return decodeParsedEnvelope(m.value);
    } catch (e) {
      if (isWireError(e)) return e;
      throw e;
    }
  });
  const items: EnrichItem[] = [];
  for (const e of envelopes) if (!(e instanceof WireError)) for (const article of e.articles) items.push({ article });
  const enriched = await enrich(items);
  let next = 0;
  return envelopes.map((envelope) => {
    if (envelope instanceof WireError) return Outcome.failed(envelope);
    const mine = enriched.slice(next, next + envelope.articles.length);
    next += envelope.articles.length;
    return outcomeOf(envelope, mine, articlesTopic);
  });
}

/** One envelope in-process (unit tests): the same steps without a worker or a time limit. */
export async function enrichEnvelope(
  message: ConsumedMessage,
  enricher: Enricher,
  articlesTopic: string,
): Promise<MessageOutcome> {
  const [outcome] = await enrichEnvelopes([message], inProcessEnrich(enricher), articlesTopic);
  return outcome;
}

function outcomeOf(
  envelope: ParsedEnvelope,
  enriched: ItemOutcome<EnrichedArticle>[],
  articlesTopic: string,
): MessageOutcome {
  const outputs: OutboundMessage[] = [];
  const failures: { index: number; error: WireError }[] = [];
  enriched.forEach((result, i) => {
    if (result.kind === 'ok') {
      const details: ArticleDetails = {
        source: envelope.sourceDetails?.[i] ?? { format: 'text' },
        enrichment: result.value.details,
      };
      outputs.push(articleRecord(articlesTopic, result.value, details, envelope));
    } else {
      failures.push({ index: i, error: failureOf(result) });
    }
  });
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

function failureOf(result: Exclude<ItemOutcome<EnrichedArticle>, { kind: 'ok' }>): WireError {
  switch (result.kind) {
    case 'wire-error':
      return new WireError(result.code as ErrorCode, result.message);
    case 'timeout':
      return new WireError(
        ErrorCode.ENRICH_TIMEOUT,
        `Enriching an article ${overTimeLimit(result, 'ENRICH_TIME_LIMIT_MS')} and was stopped.`,
      );
    default:
      return new WireError(ErrorCode.INTERNAL_ERROR, `Unexpected error while enriching: ${result.message}`);
  }
}

/** The raw input was re-produced by `wiredesk replay` (its wire.raw headers travel in the envelope). */
export function isReplay(envelope: Pick<ParsedEnvelope, 'rawHeaders'>): boolean {
  return envelope.rawHeaders?.[WireHeader.replay] === 'true';
}

/** The articles.normalized record of one enriched article (the articles codec: key = uri, the article headers). */
export function articleRecord(
  topic: string,
  article: EnrichedArticle,
  details: ArticleDetails,
  envelope: ParsedEnvelope,
): OutboundMessage {
  return encodeArticleRecord(topic, {
    event: article.canceled ? 'canceled' : 'created',
    uri: article.uri,
    json: article.json,
    contentHash: article.contentHash,
    ingestId: envelope.meta.ingestId,
    source: envelope.meta.source,
    channel: envelope.meta.channel,
    receivedAt: envelope.meta.receivedAt,
    enrichment: JSON.stringify(details),
    replay: isReplay(envelope),
  });
}

import { ErrorCode, WireError, WireHeader, type WireMeta } from '@wiredesk/contracts';
import {
  Outcome,
  encodeHeaders,
  encodeParsedEnvelope,
  headersFromWireMeta,
  wireMetaFromHeaders,
  type ConsumedMessage,
  type MessageOutcome,
  type ParsedEnvelope,
} from '@wiredesk/messaging';
import { overTimeLimit, type ItemOutcome } from '@wiredesk/platform';
import { DEFAULT_MAX_ARTICLES_PER_DELIVERY, parseItem, type ParseItem, type ParsedArticles } from '@wiredesk/pipeline';

/** Parses items somewhere (the service: its worker pool with a time limit per item; tests: in-process). */
export type ParseItems = (items: ParseItem[]) => Promise<ItemOutcome<ParsedArticles>[]>;

/**
 * wire.raw messages → one wire.parsed envelope each (ninjs articles, not yet enriched, with the raw bytes), keyed by
 * ingest id. The parsing itself runs in `parse` (a worker pool): bad input (a WireError: empty, binary, malformed,
 * unknown format, too deep, no story, more than `maxArticles` stories), an input whose parse ran past its time limit (PARSE_TIMEOUT) or one that
 * broke the parser (INTERNAL_ERROR) → a dead letter with the raw bytes.
 */
export async function normalizeMessages(
  messages: ConsumedMessage[],
  parse: ParseItems,
  parsedTopic: string,
  options: NormalizeMessageOptions = {},
): Promise<MessageOutcome[]> {
  const metas = messages.map((m) => wireMetaFromHeaders(m.headers, m, m.timestamp));
  const outcomes = await parse(messages.map((m, i) => parseItemOf(m, metas[i], options)));
  return messages.map((m, i) => outcomeOf(m, metas[i], outcomes[i], parsedTopic));
}

export interface NormalizeMessageOptions {
  /** MAX_ARTICLES_PER_DELIVERY */
  maxArticles?: number;
  /** the archive's public address: pictures' renditions point at their raw copy there (ARCHIVE_PUBLIC_URL) */
  rawCopyBaseUrl?: string;
}

/** One message in-process (unit tests): the same steps without a worker or a time limit. */
export async function normalizeMessage(
  message: ConsumedMessage,
  parsedTopic: string,
  rawCopyBaseUrl?: string,
): Promise<MessageOutcome> {
  const [outcome] = await normalizeMessages([message], inProcessParse, parsedTopic, { rawCopyBaseUrl });
  return outcome;
}

export const inProcessParse: ParseItems = async (items) => {
  const outcomes: ItemOutcome<ParsedArticles>[] = [];
  for (const item of items) {
    try {
      outcomes.push({ kind: 'ok', value: await parseItem(item) });
    } catch (e) {
      if (e instanceof WireError) outcomes.push({ kind: 'wire-error', code: e.code, message: e.message });
      else outcomes.push({ kind: 'error', message: (e as Error).message });
    }
  }
  return outcomes;
};

function parseItemOf(message: ConsumedMessage, meta: WireMeta, options: NormalizeMessageOptions): ParseItem {
  const value = message.value ?? Buffer.alloc(0);
  const base = options.rawCopyBaseUrl;
  return {
    // a copy of its own: a Kafka value is a view into the fetch's buffer, which cloning would copy whole
    bytes: new Uint8Array(value),
    hints: { contentType: meta.contentType, filename: meta.filename, format: meta.format },
    meta: {
      ingestId: meta.ingestId,
      source: meta.source,
      receivedAt: meta.receivedAt,
      rawCopyUrl: base ? `${base}/v1/raw/${encodeURIComponent(meta.ingestId)}` : undefined,
    },
    maxArticles: options.maxArticles ?? DEFAULT_MAX_ARTICLES_PER_DELIVERY,
  };
}

function outcomeOf(
  message: ConsumedMessage,
  meta: WireMeta,
  parsed: ItemOutcome<ParsedArticles>,
  parsedTopic: string,
): MessageOutcome {
  if (parsed.kind === 'ok') {
    const envelope: ParsedEnvelope = {
      meta,
      origin: { topic: message.topic, partition: message.partition, offset: message.offset },
      raw: message.value ?? Buffer.alloc(0),
      rawHeaders: message.headers,
      articles: parsed.value.articles,
      sourceDetails: parsed.value.sourceDetails,
    };
    return Outcome.ok([
      {
        topic: parsedTopic,
        key: meta.ingestId,
        value: encodeParsedEnvelope(envelope),
        headers: encodeHeaders(headersFromWireMeta(meta)),
      },
    ]);
  }
  // the DLQ keeps the original headers; a message that came without an ingest id gets the one it was known by
  const headers = message.headers[WireHeader.ingestId]
    ? message.rawHeaders
    : { ...message.rawHeaders, [WireHeader.ingestId]: meta.ingestId };
  return Outcome.failed(failureOf(parsed), { headers });
}

function failureOf(parsed: Exclude<ItemOutcome<ParsedArticles>, { kind: 'ok' }>): Error {
  switch (parsed.kind) {
    case 'wire-error':
      return new WireError(parsed.code as ErrorCode, parsed.message);
    case 'timeout':
      return new WireError(
        ErrorCode.PARSE_TIMEOUT,
        `Parsing this input ${overTimeLimit(parsed, 'PARSE_TIME_LIMIT_MS')} and was stopped.`,
      );
    default:
      return new Error(parsed.message);
  }
}

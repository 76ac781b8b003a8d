import { ArticleHeader } from '@wiredesk/contracts';
import type { EnrichInput, Enricher, Enrichment } from '@wiredesk/enrich';
import { encodeParsedEnvelope, type ConsumedMessage } from '@wiredesk/messaging';
import { validateNinjs, type Ninjs } from '@wiredesk/ninjs';
import { enrichEnvelope, enrichEnvelopes, inProcessEnrich } from './enrich-envelope';

/** A small deterministic enricher standing in for the real one: the envelope handling is under test here. */
const fakeEnricher: Enricher = {
  enrich(input: EnrichInput): Enrichment {
    if (input.headline === 'explode') throw new Error('gazetteer broken');
    const text = input.paragraphs.join(' ');
    return {
      language: 'en',
      entities: [{ kind: 'organisation', name: 'NATO', rel: 'about', score: 0.9, surfaceForms: ['NATO'] }],
      subjects: [],
      keywords: ['cyber'],
      summary: input.paragraphs[0],
      captions: input.captions.map((c) => ({ ...c })),
      mentions: [],
      wordCount: text.split(/\s+/).filter(Boolean).length,
      charCount: text.length,
    };
  },
};

const article = (uri: string, headline: string, pubStatus: Ninjs['pubStatus'] = 'usable'): Ninjs => ({
  uri,
  type: 'text',
  version: '1',
  versionCreated: '2024-01-01T00:00:00Z',
  pubStatus,
  headlines: [{ role: 'main', value: headline }],
  bodies: [
    { role: 'main', contentType: 'text/plain', value: 'NATO said cyber defence matters.', wordCount: 5, charCount: 32 },
  ],
});

const raw = Buffer.from('BRUSSELS (AFP) - raw copy');
const meta = {
  ingestId: '11111111-2222-4333-8444-555555555555',
  source: 'afp-en',
  channel: 'http' as const,
  receivedAt: '2024-01-01T00:00:00.000Z',
};

function message(articles: unknown[], value?: Buffer, extraRawHeaders: Record<string, string> = {}): ConsumedMessage {
  return {
    topic: 'wire.parsed',
    partition: 0,
    offset: '5',
    key: Buffer.from(meta.ingestId),
    value:
      value ??
      encodeParsedEnvelope({
        meta,
        origin: { topic: 'wire.raw', partition: 3, offset: '99' },
        raw,
        rawHeaders: { 'wd-ingest-id': meta.ingestId, 'wd-source': 'afp-en', 'x-extra': 'kept', ...extraRawHeaders },
        articles,
        sourceDetails: articles.map(() => ({ format: 'text' })),
      } as never),
    headers: {},
    rawHeaders: {},
    timestamp: '0',
  };
}

describe('enrichEnvelope', () => {
  it('publishes each enriched article keyed by uri with the article headers', async () => {
    const outcome = await enrichEnvelope(message([article('urn:a', 'One')]), fakeEnricher, 'articles');
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.deadLetters).toEqual([]);
    const [record] = outcome.outputs;
    expect(record.key).toBe('urn:a');
    const published = JSON.parse(String(record.value)) as Ninjs;
    expect(validateNinjs(published).valid).toBe(true);
    expect(published.organisations?.[0].name).toBe('NATO');
    expect(record.headers).toMatchObject({
      'wd-event': 'created',
      'wd-ingest-id': meta.ingestId,
      'wd-source': 'afp-en',
      'wd-schema': 'ninjs/3.1',
      'wd-received-at': meta.receivedAt,
      'wd-channel': 'http',
    });
    expect(String(record.headers!['wd-content-hash'])).toMatch(/^[0-9a-f]{64}$/);
    const details = JSON.parse(String(record.headers![ArticleHeader.enrichment]));
    expect(details).toMatchObject({ source: { format: 'text' }, enrichment: { language: 'en', keywords: ['cyber'] } });
  });

  it('passes the replay mark of the raw input on to every article, and writes none otherwise', async () => {
    const replayed = await enrichEnvelope(
      message([article('urn:a', 'One'), article('urn:b', 'Two')], undefined, { 'wd-replay': 'true' }),
      fakeEnricher,
      'articles',
    );
    if (replayed.status !== 'done') throw new Error('expected done');
    expect(replayed.outputs.map((o) => o.headers?.['wd-replay'])).toEqual(['true', 'true']);

    const original = await enrichEnvelope(message([article('urn:a', 'One')]), fakeEnricher, 'articles');
    if (original.status !== 'done') throw new Error('expected done');
    expect(original.outputs[0].headers).not.toHaveProperty('wd-replay');
  });

  it('announces a kill as canceled', async () => {
    const outcome = await enrichEnvelope(message([article('urn:k', 'Killed', 'canceled')]), fakeEnricher, 'articles');
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.outputs[0].headers).toMatchObject({ 'wd-event': 'canceled' });
  });

  it('dead-letters the raw input of a failing article, with its original headers and position, and keeps the others', async () => {
    const outcome = await enrichEnvelope(
      message([article('urn:a', 'One'), article('urn:b', 'explode')]),
      fakeEnricher,
      'articles',
    );
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.outputs.map((o) => o.key)).toEqual(['urn:a']);
    const [dl] = outcome.deadLetters;
    expect(dl.code).toBe('ENRICH_FAILED');
    expect(dl.message).toContain('1 of 2 articles failed; article 2');
    expect(dl.value).toEqual(raw);
    expect(dl.origin).toEqual({ topic: 'wire.raw', partition: 3, offset: '99' });
    expect(dl.headers).toMatchObject({ 'x-extra': 'kept', 'wd-source': 'afp-en' });
  });

  it('dead-letters an article that would not validate as INVALID_NINJS', async () => {
    const broken = { ...article('urn:x', 'Bad'), notANinjsField: true };
    const outcome = await enrichEnvelope(message([broken]), fakeEnricher, 'articles');
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.outputs).toEqual([]);
    expect(outcome.deadLetters[0].code).toBe('INVALID_NINJS');
  });

  it('dead-letters an unreadable envelope as it is', async () => {
    const outcome = await enrichEnvelope(message([], Buffer.from('not json')), fakeEnricher, 'articles');
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.deadLetters[0]).toMatchObject({ code: 'INVALID_MESSAGE' });
    expect(outcome.deadLetters[0].value).toBeUndefined();
  });

  it('dead-letters the raw input of an article whose enrichment ran past its time limit as ENRICH_TIMEOUT', async () => {
    const [outcome] = await enrichEnvelopes(
      [message([article('urn:a', 'One'), article('urn:b', 'Two')])],
      async (items) => [
        ...(await inProcessEnrich(fakeEnricher)(items.slice(0, 1))),
        { kind: 'timeout', limitMs: 10000, attempts: 2 },
      ],
      'articles',
    );
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.outputs.map((o) => o.key)).toEqual(['urn:a']);
    expect(outcome.deadLetters[0]).toMatchObject({ code: 'ENRICH_TIMEOUT', value: raw });
  });
});

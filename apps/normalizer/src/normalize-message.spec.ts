import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeParsedEnvelope, type ConsumedMessage } from '@wiredesk/messaging';
import { inProcessParse, normalizeMessage, normalizeMessages } from './normalize-message';

const seed = readFileSync(join(__dirname, '../../../test/fixtures/seed/afp-us-nato-cyber.txt'));

function consumed(value: Buffer, headers: Record<string, string> = {}): ConsumedMessage {
  return {
    topic: 'wire.raw',
    partition: 2,
    offset: '17',
    key: null,
    value,
    headers,
    rawHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])),
    timestamp: '1700000000000',
  };
}

describe('normalizeMessage', () => {
  it('turns the seed into one wire.parsed envelope keyed by ingest id, raw bytes included', async () => {
    const outcome = await normalizeMessage(
      consumed(seed, {
        'wd-ingest-id': '0b6c1d7e-0000-4000-8000-000000000001',
        'wd-source': 'afp-en',
        'wd-channel': 'http',
      }),
      'wire.parsed',
    );
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.deadLetters).toEqual([]);
    const [record] = outcome.outputs;
    expect(record.topic).toBe('wire.parsed');
    expect(record.key).toBe('0b6c1d7e-0000-4000-8000-000000000001');
    const envelope = decodeParsedEnvelope(record.value as Buffer);
    expect(envelope.raw).toEqual(seed);
    expect(envelope.origin).toEqual({ topic: 'wire.raw', partition: 2, offset: '17' });
    expect(envelope.meta).toMatchObject({ source: 'afp-en', channel: 'http' });
    expect(envelope.articles).toHaveLength(1);
    expect(envelope.articles[0].headlines?.[0].value).toBe('US to let NATO use its cyber defence skills');
    expect(envelope.sourceDetails?.[0].format).toBe('text');
  });

  it('dead-letters binary junk with its bytes, keeping the headers and adding the assigned ingest id', async () => {
    const junk = Buffer.from([0x00, 0x01, 0xff, 0x00, 0x9c, 0x00, 0x00, 0x7f, 0x00, 0x10, 0x00, 0xfe]);
    const outcome = await normalizeMessage(consumed(junk, { 'x-producer': 'test' }), 'wire.parsed');
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.outputs).toEqual([]);
    const [dl] = outcome.deadLetters;
    expect(dl.code).toMatch(/^[A-Z_]+$/);
    expect(dl.headers).toMatchObject({ 'x-producer': Buffer.from('test') });
    expect(typeof dl.headers!['wd-ingest-id']).toBe('string');
  });

  it('dead-letters an input whose parse ran past its time limit as PARSE_TIMEOUT', async () => {
    const [outcome] = await normalizeMessages(
      [consumed(seed, { 'wd-ingest-id': 'slow-1' })],
      async () => [{ kind: 'timeout', limitMs: 10000, attempts: 2 }],
      'wire.parsed',
    );
    expect(outcome).toMatchObject({ status: 'done', outputs: [], deadLetters: [{ code: 'PARSE_TIMEOUT' }] });
  });

  it('dead-letters a delivery with more stories than the limit as TOO_MANY_ARTICLES', async () => {
    const items = [1, 2, 3, 4, 5].map(
      (i) =>
        `<item><title>Council approves budget line ${i}</title><guid>https://example.org/${i}</guid>` +
        `<description>The council approved budget line ${i} on Monday.</description></item>`,
    );
    const feed = Buffer.from(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items.join('')}</channel></rss>`,
    );
    const message = consumed(feed, { 'wd-ingest-id': 'feed-1', 'content-type': 'application/rss+xml' });
    const [over] = await normalizeMessages([message], inProcessParse, 'wire.parsed', { maxArticles: 3 });
    expect(over).toMatchObject({ status: 'done', outputs: [], deadLetters: [{ code: 'TOO_MANY_ARTICLES' }] });
    const [within] = await normalizeMessages([message], inProcessParse, 'wire.parsed', { maxArticles: 5 });
    expect(within).toMatchObject({ status: 'done', deadLetters: [] });
  });
});

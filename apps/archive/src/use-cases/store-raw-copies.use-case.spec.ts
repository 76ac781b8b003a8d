import type { ConsumedMessage } from '@wiredesk/messaging';
import { nameBasedUuid } from '@wiredesk/messaging';
import { toRawCopy } from './store-raw-copies.use-case';

const message = (headers: Record<string, string>, value: Buffer | null = Buffer.from('copy')): ConsumedMessage => ({
  topic: 'wire.raw',
  partition: 1,
  offset: '7',
  key: Buffer.from('item-9'),
  value,
  headers,
  rawHeaders: {},
  timestamp: String(Date.parse('2024-03-01T00:00:00Z')),
});

describe('toRawCopy', () => {
  it('keeps the bytes, every header and the ingest metadata', () => {
    const copy = toRawCopy(
      message({
        'wd-ingest-id': 'ing-1',
        'wd-source': 'afp-en',
        'wd-channel': 'folder',
        'content-type': 'text/plain; charset=utf-8',
        'wd-filename': 'story.txt',
        'wd-received-at': '2024-03-01T10:00:00Z',
        'x-custom.header': 'kept',
      }),
    );
    expect(copy).toMatchObject({
      ingestId: 'ing-1',
      bytes: Buffer.from('copy'),
      key: 'item-9',
      source: 'afp-en',
      channel: 'folder',
      contentType: 'text/plain; charset=utf-8',
      filename: 'story.txt',
      receivedAt: new Date('2024-03-01T10:00:00Z'),
      origin: { topic: 'wire.raw', partition: 1, offset: '7' },
    });
    expect(copy.headers).toContainEqual({ name: 'x-custom.header', value: 'kept' });
    expect(copy.ingestIdDerived).toBeUndefined();
  });

  it('derives the same ingest id as the normalizer when the producer sent none', () => {
    const copy = toRawCopy(message({}));
    expect(copy.ingestId).toBe(nameBasedUuid('kafka:wire.raw/1/7'));
    expect(copy.ingestIdDerived).toBe(true);
    expect(copy.channel).toBe('kafka');
    expect(copy.receivedAt).toEqual(new Date('2024-03-01T00:00:00Z'));
  });

  it('stores an empty value as an empty copy', () => {
    expect(toRawCopy(message({ 'wd-ingest-id': 'x' }, null)).bytes).toEqual(Buffer.alloc(0));
  });
});

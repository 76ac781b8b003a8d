import type { KafkaMessage } from 'kafkajs';
import { applyArticleMessage, type StoryView } from './article-consumer';

const message = (doc: Record<string, unknown>, headers: Record<string, string>): KafkaMessage =>
  ({
    key: Buffer.from(String(doc.uri)),
    value: Buffer.from(JSON.stringify(doc)),
    headers,
    offset: '0',
    timestamp: '0',
    attributes: 0,
  }) as KafkaMessage;

const version = (v: number, hash: string, extra: Record<string, unknown> = {}) =>
  message(
    { uri: 'urn:x', version: String(v), headlines: [{ role: 'main', value: `v${v}` }], ...extra },
    { 'wd-event': 'created', 'wd-content-hash': hash },
  );

describe('applyArticleMessage (example consumer)', () => {
  it('applies new and higher versions, ignores duplicates and lower versions', () => {
    const stories = new Map<string, StoryView>();
    expect(applyArticleMessage(stories, version(1, 'a'))).toBe('new');
    expect(applyArticleMessage(stories, version(1, 'a'))).toBe('ignored');
    expect(applyArticleMessage(stories, version(3, 'c'))).toBe('updated');
    expect(applyArticleMessage(stories, version(2, 'b'))).toBe('ignored');
    expect(applyArticleMessage(stories, version(4, 'c'))).toBe('ignored');
    expect(stories.get('urn:x')).toMatchObject({ version: 3, contentHash: 'c', headline: 'v3', pubStatus: 'usable' });
  });

  it('treats a kill as final and a repeated canceled event as a duplicate', () => {
    const stories = new Map<string, StoryView>();
    applyArticleMessage(stories, version(1, 'a'));
    const kill = message(
      { uri: 'urn:x', version: '2', pubStatus: 'canceled' },
      { 'wd-event': 'canceled', 'wd-content-hash': 'k' },
    );
    expect(applyArticleMessage(stories, kill)).toBe('canceled');
    expect(applyArticleMessage(stories, kill)).toBe('ignored');
    expect(applyArticleMessage(stories, version(5, 'e'))).toBe('ignored');
    expect(stories.get('urn:x')?.pubStatus).toBe('canceled');
  });

  it('survives a value it cannot read', () => {
    const stories = new Map<string, StoryView>();
    expect(applyArticleMessage(stories, { ...version(1, 'a'), value: Buffer.from('{') })).toBe('ignored');
  });
});

import { loadConfig } from '@wiredesk/platform';
import { wiredeskTopicSpecs } from './topics';

describe('wiredeskTopicSpecs', () => {
  it('creates the five topics with the configured partitions and replication', () => {
    const specs = wiredeskTopicSpecs(loadConfig({ TOPIC_PARTITIONS: '4', TOPIC_REPLICATION_FACTOR: '3' }));
    expect(specs.map((s) => s.topic)).toEqual([
      'wire.raw',
      'wire.parsed',
      'articles.normalized',
      'wire.dlq',
      'wire.idempotency',
    ]);
    expect(specs[4].configEntries).toContainEqual({ name: 'cleanup.policy', value: 'compact' });
    expect(specs.every((s) => s.numPartitions === 4 && s.replicationFactor === 3)).toBe(true);
    expect(specs[0].configEntries).toContainEqual({ name: 'min.insync.replicas', value: '2' });
  });

  it('lets records as large as the accepted body through, and keeps dead letters forever', () => {
    const specs = wiredeskTopicSpecs(loadConfig({ MAX_BODY_BYTES: String(10 * 1024 * 1024) }));
    const raw = specs[0].configEntries.find((e) => e.name === 'max.message.bytes');
    expect(Number(raw?.value)).toBeGreaterThan(10 * 1024 * 1024);
    expect(specs[3].configEntries).toContainEqual({ name: 'retention.ms', value: '-1' });
    expect(specs[0].configEntries).toContainEqual({ name: 'min.insync.replicas', value: '1' });
  });
});

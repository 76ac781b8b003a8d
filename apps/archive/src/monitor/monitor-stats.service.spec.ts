import { sumHighWatermarks } from './monitor-stats.service';

describe('sumHighWatermarks', () => {
  it('adds the high watermarks of every partition (kafkajs gives offsets as strings)', () => {
    const offsets = [
      { partition: 0, offset: '3', high: '3', low: '0' },
      { partition: 1, offset: '12', high: '12', low: '2' },
    ];
    expect(sumHighWatermarks(offsets)).toBe(15);
  });

  it('is 0 for an empty topic', () => {
    expect(sumHighWatermarks([{ high: '0' }, { high: '0' }])).toBe(0);
  });
});

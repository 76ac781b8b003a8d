import { CompressionTypes } from 'kafkajs';
import { producerCompression } from './kafka-producer.service';

describe('producerCompression', () => {
  it('defaults to gzip', () => {
    expect(producerCompression(undefined)).toBe(CompressionTypes.GZIP);
    expect(producerCompression('')).toBe(CompressionTypes.GZIP);
    expect(producerCompression('GZIP')).toBe(CompressionTypes.GZIP);
  });

  it('turns compression off with none', () => {
    expect(producerCompression('none')).toBe(CompressionTypes.None);
  });

  it('refuses a codec kafkajs does not ship', () => {
    expect(() => producerCompression('zstd')).toThrow(/gzip or none/);
  });
});

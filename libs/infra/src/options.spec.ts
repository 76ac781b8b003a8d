import { homedir } from 'node:os';
import { join } from 'node:path';
import { layout, resolveOptions } from './options';

describe('resolveOptions', () => {
  it('defaults: cache in ~/.cache/wiredesk, data inside it, the standard ports, nothing external', () => {
    const o = resolveOptions({ env: {} });
    expect(o.cacheDir).toBe(join(homedir(), '.cache', 'wiredesk'));
    expect(o.dataDir).toBe(join(homedir(), '.cache', 'wiredesk', 'data'));
    expect([o.kafkaPort, o.kafkaControllerPort, o.mongoPort]).toEqual([9092, 9093, 27017]);
    expect(o.externalKafkaBrokers).toBeUndefined();
    expect(o.externalMongoUrl).toBeUndefined();
    expect(o.attached).toBe(false);
  });

  it('reads WIREDESK_* variables and expands ~', () => {
    const o = resolveOptions({
      env: {
        WIREDESK_CACHE: '~/wd-cache',
        WIREDESK_DATA: '/srv/wd-data',
        WIREDESK_KAFKA_PORT: '19092',
        WIREDESK_KAFKA_CONTROLLER_PORT: '19093',
        WIREDESK_MONGO_PORT: '37017',
      },
    });
    expect(o.cacheDir).toBe(join(homedir(), 'wd-cache'));
    expect(o.dataDir).toBe('/srv/wd-data');
    expect([o.kafkaPort, o.kafkaControllerPort, o.mongoPort]).toEqual([19092, 19093, 37017]);
  });

  it('explicit options win over the environment', () => {
    const o = resolveOptions({ env: { WIREDESK_KAFKA_PORT: '19092' }, kafkaPort: 29092, cacheDir: '/c' });
    expect(o.kafkaPort).toBe(29092);
    expect(o.dataDir).toBe('/c/data');
  });

  it('KAFKA_BROKERS and MONGO_URL name external servers', () => {
    const o = resolveOptions({
      env: { KAFKA_BROKERS: ' k1:9092, k2:9092 ,', MONGO_URL: 'mongodb://db:27017/wiredesk' },
    });
    expect(o.externalKafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
    expect(o.externalMongoUrl).toBe('mongodb://db:27017/wiredesk');
  });

  it('rejects a port that is not one, naming the variable', () => {
    expect(() => resolveOptions({ env: { WIREDESK_MONGO_PORT: 'abc' } })).toThrow(/WIREDESK_MONGO_PORT/);
    expect(() => resolveOptions({ env: { WIREDESK_KAFKA_PORT: '70000' } })).toThrow(/WIREDESK_KAFKA_PORT/);
  });
});

describe('layout', () => {
  it('keeps provisioned servers in the cache and everything that changes in the data dir', () => {
    const L = layout({ cacheDir: '/c', dataDir: '/d' });
    expect(L.kafkaLibs).toBe('/c/kafka-3.9.2/libs');
    expect(L.ferretBinary).toBe('/c/ferretdb-1.24.2-wd1/bin/ferretdb');
    expect(L.kafkaDataDir).toBe('/d/kafka');
    expect(L.logsDir).toBe('/d/logs');
    expect(L.runDir).toBe('/d/run');
  });
});

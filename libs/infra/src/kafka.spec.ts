import { kafkaLog4jProperties, kafkaPom, kafkaServerProperties, newClusterId } from './kafka';

function parseProperties(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

describe('kafkaServerProperties', () => {
  const props = parseProperties(
    kafkaServerProperties({ host: '127.0.0.1', kafkaPort: 19092, kafkaControllerPort: 19093 }, '/d/kafka'),
  );

  it('is a single KRaft node, broker and controller, on the configured ports', () => {
    expect(props['process.roles']).toBe('broker,controller');
    expect(props['node.id']).toBe('1');
    expect(props['controller.quorum.voters']).toBe('1@127.0.0.1:19093');
    expect(props['listeners']).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(props['log.dirs']).toBe('/d/kafka');
  });

  it('fits one broker: internal topics unreplicated, no rebalance delay, no auto-created topics', () => {
    expect(props['offsets.topic.replication.factor']).toBe('1');
    expect(props['transaction.state.log.replication.factor']).toBe('1');
    expect(props['transaction.state.log.min.isr']).toBe('1');
    expect(props['group.initial.rebalance.delay.ms']).toBe('0');
    expect(props['auto.create.topics.enable']).toBe('false');
  });

  it('accepts messages as large as ingest accepts (50 MiB by default)', () => {
    expect(Number(props['message.max.bytes'])).toBeGreaterThan(50 * 1024 * 1024);
  });
});

describe('kafkaPom', () => {
  it('asks Maven for the Kafka 3.9.2 broker and the reload4j binding', () => {
    const pom = kafkaPom();
    expect(pom).toContain('<artifactId>kafka_2.13</artifactId>\n      <version>3.9.2</version>');
    expect(pom).toContain('<artifactId>slf4j-reload4j</artifactId>');
  });
});

describe('kafkaLog4jProperties', () => {
  it('logs WARN and above to stdout', () => {
    expect(parseProperties(kafkaLog4jProperties())['log4j.rootLogger']).toBe('WARN, stdout');
  });
});

describe('newClusterId', () => {
  it('is 16 random bytes in base64url (22 characters), never starting with "-"', () => {
    const ids = Array.from({ length: 200 }, newClusterId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

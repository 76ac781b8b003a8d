import { buildDeadLetter } from './wire-dlq.codec';
import type { ConsumedMessage } from '../outcomes';

const source: ConsumedMessage = {
  topic: 'wire.raw',
  partition: 3,
  offset: '42',
  key: Buffer.from('k'),
  value: Buffer.from([0, 1, 2, 255]),
  headers: { 'wd-ingest-id': 'id-1' },
  rawHeaders: { 'wd-ingest-id': Buffer.from('id-1'), 'x-custom': Buffer.from('kept') },
  timestamp: '0',
};

describe('buildDeadLetter', () => {
  it('keeps the raw bytes, key and original headers, and adds the error headers', () => {
    const r = buildDeadLetter('wire.dlq', 'normalize', { code: 'BINARY_INPUT', message: 'Binary.' }, source);
    expect(r.topic).toBe('wire.dlq');
    expect(r.value).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(r.key).toEqual(Buffer.from('k'));
    expect(r.headers).toEqual({
      'wd-ingest-id': Buffer.from('id-1'),
      'x-custom': Buffer.from('kept'),
      'wd-error-stage': 'normalize',
      'wd-error-code': 'BINARY_INPUT',
      'wd-error-message': 'Binary.',
      'wd-original-topic': 'wire.raw',
      'wd-original-partition': '3',
      'wd-original-offset': '42',
      'wd-attempts': '1',
    });
  });

  it('uses the overrides of an unwrapped envelope and replaces earlier error headers', () => {
    const r = buildDeadLetter(
      'wire.dlq',
      'enrich',
      {
        code: 'INVALID_NINJS',
        message: 'line one\nline two',
        value: Buffer.from('raw'),
        headers: { 'wd-error-code': 'OLD', 'wd-source': 'afp' },
        origin: { topic: 'wire.raw', partition: 0, offset: '7' },
        attempts: 3,
      },
      { ...source, topic: 'wire.parsed' },
    );
    expect(r.value).toEqual(Buffer.from('raw'));
    expect(r.headers).toMatchObject({
      'wd-source': 'afp',
      'wd-error-code': 'INVALID_NINJS',
      'wd-error-message': 'line one line two',
      'wd-original-topic': 'wire.raw',
      'wd-original-offset': '7',
      'wd-attempts': '3',
    });
  });

  it('counts on from the attempts of a replayed dead letter', () => {
    const replayed = { ...source, rawHeaders: { ...source.rawHeaders, 'wd-attempts': Buffer.from('2') } };
    const r = buildDeadLetter('wire.dlq', 'normalize', { code: 'BINARY_INPUT', message: 'Binary.' }, replayed);
    expect(r.headers?.['wd-attempts']).toBe('3');
  });
});

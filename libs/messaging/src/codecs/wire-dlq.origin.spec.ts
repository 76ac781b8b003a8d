import { buildDeadLetter } from './wire-dlq.codec';
import type { ConsumedMessage } from '../outcomes';

describe('buildDeadLetter without a consumed source', () => {
  it('has no original-position headers, null key and value, and only the error headers', () => {
    const dlq = buildDeadLetter('wire.dlq', 'ingest', { code: 'EMPTY_INPUT', message: 'Nothing\nsent.' });
    expect(dlq).toEqual({
      topic: 'wire.dlq',
      key: null,
      value: null,
      headers: {
        'wd-error-stage': 'ingest',
        'wd-error-code': 'EMPTY_INPUT',
        'wd-error-message': 'Nothing sent.',
        'wd-attempts': '1',
      },
    });
  });

  it('takes position, key and value from the spec when given, even null ones', () => {
    const source: ConsumedMessage = {
      topic: 'wire.raw',
      partition: 1,
      offset: '9',
      key: Buffer.from('k'),
      value: Buffer.from('v'),
      headers: {},
      rawHeaders: { 'x-producer': 'p' },
      timestamp: '1700000000000',
    };
    const dlq = buildDeadLetter(
      'wire.dlq',
      'store',
      {
        code: 'INVALID_MESSAGE',
        message: 'm',
        key: null,
        value: Buffer.from('raw'),
        origin: { topic: 'wire.parsed', partition: 0, offset: '3' },
        attempts: 4,
      },
      source,
    );
    expect(dlq.key).toBeNull();
    expect(dlq.value).toEqual(Buffer.from('raw'));
    expect(dlq.headers).toEqual({
      'x-producer': 'p',
      'wd-error-stage': 'store',
      'wd-error-code': 'INVALID_MESSAGE',
      'wd-error-message': 'm',
      'wd-original-topic': 'wire.parsed',
      'wd-original-partition': '0',
      'wd-original-offset': '3',
      'wd-attempts': '4',
    });
  });

  it('keeps a source without key or value as nulls', () => {
    const source = { topic: 't', partition: 0, offset: '1', key: null, value: null, headers: {} } as never;
    const dlq = buildDeadLetter('wire.dlq', 'normalize', { code: 'X', message: 'm' }, source);
    expect([dlq.key, dlq.value]).toEqual([null, null]);
    expect(dlq.headers).toMatchObject({ 'wd-original-topic': 't', 'wd-original-offset': '1' });
  });
});

import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { TransientError, isTransientError } from './transient';

describe('isTransientError', () => {
  it('recognises broker and network failures', () => {
    expect(isTransientError(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'))).toBe(true);
    expect(isTransientError(new TransientError('timed out'))).toBe(true);
    expect(isTransientError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('recognises store failures by name and label', () => {
    expect(isTransientError(Object.assign(new Error('no primary'), { name: 'MongoServerSelectionError' }))).toBe(true);
    const labelled = Object.assign(new Error('write failed'), {
      name: 'MongoServerError',
      hasErrorLabel: (l: string) => l === 'RetryableWriteError',
    });
    expect(isTransientError(labelled)).toBe(true);
  });

  it('looks through wrapped causes', () => {
    expect(isTransientError(new Error('outer', { cause: new KafkaJSConnectionError('inner') }))).toBe(true);
  });

  it('does not treat bad input or unknown bugs as transient', () => {
    expect(isTransientError(new WireError(ErrorCode.MALFORMED_XML, 'bad'))).toBe(false);
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientError(new KafkaJSNonRetriableError('nope'))).toBe(false);
    expect(
      isTransientError(
        new KafkaJSProtocolError(
          Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false }),
        ),
      ),
    ).toBe(false);
  });
});

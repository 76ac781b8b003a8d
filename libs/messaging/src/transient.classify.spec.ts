import { isTransientError } from './transient';

const kafkajs = (retriable: boolean, name = 'KafkaJSProtocolError') =>
  Object.assign(new Error('protocol'), { name, retriable });

describe('isTransientError classification', () => {
  it('retries kafkajs errors only when kafkajs marks them retriable', () => {
    expect(isTransientError(kafkajs(true))).toBe(true);
    expect(isTransientError(kafkajs(false))).toBe(false);
    // "retriable" alone, on an error that is not from kafkajs, says nothing
    expect(isTransientError(kafkajs(true, 'MyLibraryError'))).toBe(false);
    expect(isTransientError(kafkajs(true, 'ErrorKafkaJS'))).toBe(false);
    expect(isTransientError(Object.assign({ retriable: true }, {}))).toBe(false);
  });

  it('retries Mongo errors labelled transient, not others, and survives a label check that throws', () => {
    const labelled = (labels: string[]) => ({
      name: 'MongoServerError',
      hasErrorLabel: (l: string) => labels.includes(l),
    });
    expect(isTransientError(labelled(['TransientTransactionError']))).toBe(true);
    expect(isTransientError(labelled(['RetryableWriteError']))).toBe(true);
    expect(isTransientError(labelled(['NoWritesPerformed']))).toBe(false);
    const throwing = {
      hasErrorLabel: () => {
        throw new Error('not a MongoError');
      },
    };
    expect(isTransientError(throwing)).toBe(false);
  });

  it('does not take a non-string or unknown code as transient', () => {
    expect(isTransientError({ code: 'ENOENT' })).toBe(false);
    expect(isTransientError({ code: 11000 })).toBe(false);
    expect(isTransientError({ code: 'ETIMEDOUT' })).toBe(true);
  });

  it('is false for nothing, strings and numbers', () => {
    for (const value of [undefined, null, 0, '', 'ECONNREFUSED', 42]) expect(isTransientError(value)).toBe(false);
  });

  it('looks through originalError and up to four wrappings, no deeper', () => {
    const inner = { code: 'ECONNRESET' };
    expect(isTransientError({ originalError: inner })).toBe(true);
    const wrap = (e: unknown, times: number): unknown => (times === 0 ? e : wrap({ cause: e }, times - 1));
    expect(isTransientError(wrap(inner, 4))).toBe(true);
    expect(isTransientError(wrap(inner, 5))).toBe(false);
    expect(isTransientError(wrap({ originalError: inner }, 3))).toBe(true);
    expect(isTransientError(wrap({ originalError: inner }, 4))).toBe(false);
  });
});

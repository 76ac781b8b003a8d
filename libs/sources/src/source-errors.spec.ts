import { SourceError, classifySourceError, describeSourceError } from './source-errors';

const withCode = (message: string, code: string | number, cause?: unknown) =>
  Object.assign(new Error(message), { code, cause });

describe('classifySourceError', () => {
  it('reads the codes of sockets, TLS and fetch (through its cause)', () => {
    expect(classifySourceError(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe('unreachable');
    expect(
      classifySourceError(new TypeError('fetch failed', { cause: withCode('x', 'ERR_TLS_CERT_ALTNAME_INVALID') })),
    ).toBe('tls');
    expect(classifySourceError(withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls');
    expect(classifySourceError(Object.assign(new Error('aborted'), { name: 'TimeoutError' }))).toBe('timeout');
  });

  it('knows the protocols’ ways of refusing a login', () => {
    expect(classifySourceError(withCode('530 Login incorrect.', 530))).toBe('auth');
    expect(classifySourceError(new Error('All configured authentication methods failed'))).toBe('auth');
    expect(classifySourceError(Object.assign(new Error('Command failed'), { authenticationFailed: true }))).toBe(
      'auth',
    );
    expect(classifySourceError(withCode('550 Failed to change directory.', 550))).toBe('not-found');
  });

  it('keeps a kind given by the poller and joins the messages of the chain', () => {
    const e = new SourceError('parse', 'The feed no longer parses', new Error('Unclosed tag'));
    expect(describeSourceError(e)).toEqual({ kind: 'parse', message: 'The feed no longer parses: Unclosed tag' });
    expect(classifySourceError('??')).toBe('other');
  });
});

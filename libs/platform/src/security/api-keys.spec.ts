import { findApiKey, parseApiKeys, presentedApiKey } from './api-keys';

const WRITER = 'writer-key-0123456789';
const READER = 'reader-key-0123456789';

describe('parseApiKeys', () => {
  it('reads keys with their scopes and keeps only digests', () => {
    const keys = parseApiKeys(` ${WRITER}:write , ${READER}:read+metrics,admin-key-0123456789:read+write `);
    expect(keys.map((k) => k.scopes)).toEqual([['write'], ['read', 'metrics'], ['read', 'write']]);
    expect(keys[0].id).toMatch(/^key-[0-9a-f]{8}$/);
    expect(JSON.stringify(keys)).not.toContain(WRITER);
  });

  it('is empty when unset', () => {
    expect(parseApiKeys(undefined)).toEqual([]);
    expect(parseApiKeys('  ')).toEqual([]);
  });

  it('refuses short keys, unknown scopes and missing scopes without echoing the key', () => {
    expect(() => parseApiKeys('short:write')).toThrow(/at least 16/);
    expect(() => parseApiKeys(`${WRITER}:admin`)).toThrow(/unknown scope "admin"/);
    expect(() => parseApiKeys(WRITER)).toThrow(/<key>:<scopes>/);
    try {
      parseApiKeys(`${WRITER}:admin`);
    } catch (e) {
      expect((e as Error).message).not.toContain(WRITER);
    }
  });
});

describe('findApiKey', () => {
  const keys = parseApiKeys(`${WRITER}:write,${READER}:read`);

  it('finds the configured key, whatever its position', () => {
    expect(findApiKey(READER, keys)?.scopes).toEqual(['read']);
    expect(findApiKey(WRITER, keys)?.scopes).toEqual(['write']);
  });

  it('finds nothing for a wrong, longer, shorter or empty key', () => {
    for (const wrong of [`${READER}x`, READER.slice(0, -1), '', 'x'.repeat(10000)]) {
      expect(findApiKey(wrong, keys)).toBeUndefined();
    }
  });
});

describe('presentedApiKey', () => {
  it('reads a bearer token or X-API-Key', () => {
    expect(presentedApiKey({ authorization: `Bearer ${WRITER}` })).toBe(WRITER);
    expect(presentedApiKey({ authorization: `bearer   ${WRITER}` })).toBe(WRITER);
    expect(presentedApiKey({ 'x-api-key': ` ${READER} ` })).toBe(READER);
  });

  it('ignores other schemes and empty values', () => {
    expect(presentedApiKey({ authorization: 'Basic dXNlcjpwYXNz' })).toBeUndefined();
    expect(presentedApiKey({ 'x-api-key': '' })).toBeUndefined();
    expect(presentedApiKey({})).toBeUndefined();
  });
});

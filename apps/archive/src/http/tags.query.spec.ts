import { parseTagsQuery } from './tags.query';

describe('parseTagsQuery', () => {
  const now = new Date('2024-03-03T12:00:00Z');

  it('defaults to the last 24 hours and 20 tags', () => {
    expect(parseTagsQuery('people', {}, now)).toEqual({
      ok: true,
      value: { kind: 'people', since: new Date('2024-03-02T12:00:00Z'), until: now, limit: 20 },
    });
  });

  it('reads an explicit window and filters', () => {
    const result = parseTagsQuery(
      'subjects',
      { since: '2024-03-01', until: '2024-03-02', limit: '5', language: 'fr' },
      now,
    );
    expect(result).toMatchObject({ ok: true, value: { kind: 'subjects', limit: 5, language: 'fr' } });
  });

  it('rejects unknown kinds, inverted or huge windows, and non-string values', () => {
    const params = (kind: string, query: Record<string, unknown>) => {
      const r = parseTagsQuery(kind, query, now);
      return r.ok ? [] : r.errors.map((e) => e.parameter);
    };
    expect(params('animals', {})).toEqual(['kind']);
    expect(params('people', { since: '2024-03-04' })).toEqual(['since']);
    expect(params('people', { since: '2020-01-01' })).toEqual(['since']);
    expect(params('people', { limit: ['1', '2'] })).toEqual(['limit']);
    expect(params('people', { 'since[$gt]': '' })).toEqual(['since[$gt]']);
  });
});

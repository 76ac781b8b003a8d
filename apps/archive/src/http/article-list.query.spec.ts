import { encodeCursor } from './cursor';
import { parseListQuery } from './article-list.query';

const errorsOf = (query: Record<string, unknown>) => {
  const result = parseListQuery(query);
  return result.ok ? [] : result.errors.map((e) => e.parameter);
};

describe('parseListQuery', () => {
  it('defaults to the newest 20 stories', () => {
    const result = parseListQuery({});
    expect(result).toMatchObject({ ok: true, value: { filter: {}, order: 'newest', limit: 20 } });
  });

  it('reads every filter', () => {
    const result = parseListQuery({
      person: 'Jens Stoltenberg',
      organisation: 'NATO',
      place: 'http://cv.iptc.org/newscodes/iso3166-1a2/dk',
      subject: 'medtop:20000763',
      language: 'en-GB',
      source: 'afp-en',
      pubStatus: 'usable',
      since: '2024-03-01',
      until: '2024-03-02T12:00:00+01:00',
      limit: '50',
      fields: 'headlines,uri,versionCreated',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.filter).toEqual({
      person: 'Jens Stoltenberg',
      organisation: 'NATO',
      place: 'http://cv.iptc.org/newscodes/iso3166-1a2/dk',
      subject: 'medtop:20000763',
      language: 'en-GB',
      source: 'afp-en',
      pubStatus: 'usable',
      since: new Date('2024-03-01T00:00:00Z'),
      until: new Date('2024-03-02T11:00:00Z'),
    });
    expect(result.value.limit).toBe(50);
    expect(result.value.fields).toEqual(['headlines', 'uri', 'versionCreated']);
  });

  it('turns q into normalized words ranked by relevance unless sort=newest', () => {
    const ranked = parseListQuery({ q: 'NATO cyber-defences' });
    expect(ranked).toMatchObject({
      ok: true,
      value: { order: 'relevance', filter: { terms: ['nato', 'cyber', 'defence'] } },
    });
    expect(parseListQuery({ q: 'nato', sort: 'newest' })).toMatchObject({ ok: true, value: { order: 'newest' } });
  });

  it('rejects operator injection in every shape a query parser can produce', () => {
    expect(errorsOf({ person: { $ne: 'x' } })).toEqual(['person']);
    expect(errorsOf({ 'person[$ne]': 'x' })).toEqual(['person[$ne]']);
    expect(errorsOf({ person: ['a', 'b'] })).toEqual(['person']);
    expect(errorsOf({ $where: '1' })).toEqual(['$where']);
    expect(errorsOf({ fields: '$where' })).toEqual(['fields']);
  });

  it('rejects bad values with the parameter named', () => {
    expect(errorsOf({ limit: '0' })).toEqual(['limit']);
    expect(errorsOf({ limit: '101' })).toEqual(['limit']);
    expect(errorsOf({ limit: '1e2' })).toEqual(['limit']);
    expect(errorsOf({ since: 'yesterday' })).toEqual(['since']);
    expect(errorsOf({ since: '2024-03-01T10:00:00' })).toEqual(['since']);
    expect(errorsOf({ since: '2024-03-02', until: '2024-03-01' })).toEqual(['until']);
    expect(errorsOf({ pubStatus: 'deleted' })).toEqual(['pubStatus']);
    expect(errorsOf({ language: 'english!' })).toEqual(['language']);
    expect(errorsOf({ q: 'the of and' })).toEqual(['q']);
    expect(errorsOf({ sort: 'relevance' })).toEqual(['sort']);
    expect(errorsOf({ person: '' })).toEqual(['person']);
    expect(errorsOf({ person: 'a\u0000b' })).toEqual(['person']);
    expect(errorsOf({ fields: 'headlines,secret' })).toEqual(['fields']);
  });

  it('accepts a cursor of the same query and refuses one of another query or a forged one', () => {
    const first = parseListQuery({ person: 'nato' });
    if (!first.ok) throw new Error('unexpected');
    const cursor = encodeCursor(
      { order: 'newest', versionCreated: new Date('2024-03-01T00:00:00Z'), uri: 'urn:a' },
      first.value.fingerprint,
    );
    expect(parseListQuery({ person: 'nato', cursor, limit: '5' })).toMatchObject({
      ok: true,
      value: { after: { uri: 'urn:a', versionCreated: new Date('2024-03-01T00:00:00Z') } },
    });
    expect(errorsOf({ person: 'other', cursor })).toEqual(['cursor']);
    expect(errorsOf({ person: 'nato', cursor: 'bm90IGpzb24' })).toEqual(['cursor']);
    expect(errorsOf({ person: 'nato', cursor: '{"$gt":""}' })).toEqual(['cursor']);
  });
});

import { buildArticleFilter, compareRanked, ninjsProjection } from './article-query';

describe('buildArticleFilter', () => {
  it('matches everything without filters', () => {
    expect(buildArticleFilter({})).toEqual({});
  });

  it('turns each filter into an equality on its lowercased key field', () => {
    expect(buildArticleFilter({ person: ' Jens Stoltenberg ' })).toEqual({ personKeys: 'jens stoltenberg' });
    expect(buildArticleFilter({ subject: 'medtop:20000763', language: 'EN' })).toEqual({
      $and: [{ subjectKeys: 'medtop:20000763' }, { language: 'en' }],
    });
  });

  it('keeps operator-looking values as plain operands', () => {
    expect(buildArticleFilter({ person: '$ne' })).toEqual({ personKeys: '$ne' });
  });

  it('bounds versionCreated with since (inclusive) and until (exclusive) and needs every word', () => {
    const since = new Date('2024-01-01T00:00:00Z');
    const until = new Date('2024-02-01T00:00:00Z');
    expect(buildArticleFilter({ since, until, terms: ['nato', 'cyber'] })).toEqual({
      $and: [{ terms: { $all: ['nato', 'cyber'] } }, { versionCreated: { $gte: since, $lt: until } }],
    });
  });

  it('continues strictly after the page key, newest first', () => {
    const versionCreated = new Date('2024-01-01T00:00:00Z');
    expect(buildArticleFilter({}, { versionCreated, uri: 'urn:b' })).toEqual({
      $or: [{ versionCreated: { $lt: versionCreated } }, { versionCreated, uri: { $lt: 'urn:b' } }],
    });
  });
});

describe('ninjsProjection', () => {
  it('projects the whole document or the selected fields, always with the uri', () => {
    expect(ninjsProjection()).toEqual({ _id: 0, uri: 1, versionCreated: 1, ninjs: 1 });
    expect(ninjsProjection(['headlines'])).toEqual({
      _id: 0,
      uri: 1,
      versionCreated: 1,
      'ninjs.uri': 1,
      'ninjs.headlines': 1,
    });
  });
});

describe('compareRanked', () => {
  const t = (iso: string) => new Date(iso);
  it('orders by score, then newest, then uri descending', () => {
    const keys = [
      { score: 1, versionCreated: t('2024-01-02'), uri: 'a' },
      { score: 5, versionCreated: t('2024-01-01'), uri: 'a' },
      { score: 1, versionCreated: t('2024-01-02'), uri: 'b' },
      { score: 1, versionCreated: t('2024-01-03'), uri: 'a' },
    ];
    expect(keys.sort(compareRanked).map((k) => `${k.score}${k.versionCreated.getUTCDate()}${k.uri}`)).toEqual([
      '51a',
      '13a',
      '12b',
      '12a',
    ]);
  });
});

import { normalizeLanguage } from './finalize';

describe('normalizeLanguage', () => {
  it.each([
    ['swe', 'sv'],
    ['ger', 'de'],
    ['deu', 'de'],
    ['fre', 'fr'],
    ['nob', 'nb'],
    ['EN', 'en'],
    ['en_gb', 'en-GB'],
    ['fi-FI', 'fi-FI'],
  ])('%s → %s', (tag, expected) => {
    expect(normalizeLanguage(tag)).toBe(expected);
  });

  it('refuses what is no language tag', () => {
    expect(normalizeLanguage('1')).toBeUndefined();
    expect(normalizeLanguage('english please')).toBeUndefined();
  });
});

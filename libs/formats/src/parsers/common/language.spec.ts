import { emptyItem } from '../../model/wire-item';
import { finalizeItem, normalizeLanguage } from './finalize';

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

describe('bylines that name no writer', () => {
  it('keeps staff initials ("daa/mt/msr") out of the byline, in the editor note', () => {
    const item = emptyItem('nitf');
    item.headline = 'Lions at the zoo';
    item.byline = 'daa/mt/msr';
    finalizeItem(item);
    expect(item.byline).toBeUndefined();
    expect(item.edNote).toBe('Staff: daa/mt/msr');
  });
});

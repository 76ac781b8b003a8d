import { splitCaption } from './captions';

describe('splitCaption', () => {
  it.each([
    [
      '© AFP/File | Britain and Denmark have committed resources',
      { caption: 'Britain and Denmark have committed resources', credit: 'AFP/File' },
    ],
    [
      'Firefighters tackle the blaze in Athens (Photo by John Doe/AP)',
      { caption: 'Firefighters tackle the blaze in Athens', credit: 'AP', by: 'John Doe' },
    ],
    [
      'President Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)',
      { caption: 'President Biden speaks in the Rose Garden.', credit: 'AP', by: 'Evan Vucci' },
    ],
    [
      'A man walks past a damaged building in Kyiv. REUTERS/Marko Djurica',
      { caption: 'A man walks past a damaged building in Kyiv.', credit: 'Reuters', by: 'Marko Djurica' },
    ],
    [
      'Protesters gather in Paris. AFP PHOTO / JOHN DOE',
      { caption: 'Protesters gather in Paris.', credit: 'AFP', by: 'John Doe' },
    ],
    [
      'Supporters cheer the team. Photo: Jane Roe / AFP',
      { caption: 'Supporters cheer the team.', credit: 'AFP', by: 'Jane Roe' },
    ],
    ['The new bridge at dusk (Xinhua/Li Xin)', { caption: 'The new bridge at dusk', credit: 'Xinhua', by: 'Li Xin' }],
    ['Fans celebrate in Madrid [Getty Images]', { caption: 'Fans celebrate in Madrid', credit: 'Getty Images' }],
  ])('%s', (caption, expected) => {
    expect(splitCaption(caption)).toEqual(expected);
  });

  it('keeps a caption without a credit as it is, and credits the parser already found', () => {
    expect(splitCaption('Ministers arrive for the meeting in Brussels')).toEqual({
      caption: 'Ministers arrive for the meeting in Brussels',
    });
    expect(splitCaption('Ministers arrive © AFP', 'AFP/File', 'John Thys')).toEqual({
      caption: 'Ministers arrive',
      credit: 'AFP/File',
      by: 'John Thys',
    });
  });

  it('collapses blanks and keeps an over-long text unsplit', () => {
    expect(splitCaption(`Fans  wait\n\n in the rain ${' '.repeat(50_000)}(Photo by Jane Roe/AFP)`)).toEqual({
      caption: 'Fans wait in the rain',
      credit: 'AFP',
      by: 'Jane Roe',
    });
    const long = 'word '.repeat(1000).trim();
    expect(splitCaption(`${long} REUTERS/Marko Djurica`)).toEqual({ caption: `${long} REUTERS/Marko Djurica` });
  });

  it('returns nothing for an empty caption', () => {
    expect(splitCaption(undefined)).toEqual({});
    expect(splitCaption('  ')).toEqual({});
  });
});

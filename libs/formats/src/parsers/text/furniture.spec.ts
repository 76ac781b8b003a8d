import { parseByline } from './byline';
import { parseCaption, parseCreditLine } from './caption';
import { parseCopyright } from './copyright';
import { parseDateline, titleCasePlace } from './dateline';

describe('parseDateline', () => {
  it.each([
    ['BRUSSELS (AFP)\u00a0-\u00a0', { located: 'Brussels', agency: 'AFP', rest: '' }],
    ['LONDON, Jan 30 (Reuters) - Oil prices fell', { located: 'London', agency: 'Reuters', date: 'Jan 30' }],
    ['NEW YORK (AP) — The city', { located: 'New York', agency: 'AP' }],
    ['Tegucigalpa, Jan 2 (EFE).- El presidente', { located: 'Tegucigalpa', agency: 'EFE', date: 'Jan 2' }],
    ['Berlin (dpa) - Die Regierung', { located: 'Berlin', agency: 'dpa' }],
    ['PARIS, 3 janvier (AFP) - Le président', { located: 'Paris', agency: 'AFP', date: '3 janvier' }],
    ['WASHINGTON, Dec. 5, 2018 /PRNewswire/ -- Acme Corp', { located: 'Washington', agency: 'PRNewswire' }],
    ['RIO DE JANEIRO, 2 de enero (EFE) - Texto', { located: 'Rio de Janeiro', agency: 'EFE' }],
    ['SÃO PAULO (Reuters) - Texto', { located: 'São Paulo', agency: 'Reuters' }],
    [
      '(Reuters) — The New York State Attorney General',
      { agency: 'Reuters', rest: 'The New York State Attorney General' },
    ],
    ['MADRID — Rafael Nadal kept Spain alive', { located: 'Madrid', rest: 'Rafael Nadal kept Spain alive' }],
    ['BUFFALO, N.Y. — Hours before the game', { located: 'Buffalo, N.Y.' }],
    ['DUBAI, United Arab Emirates — Dubai said', { located: 'Dubai, United Arab Emirates' }],
  ])('%s', (text, expected) => {
    expect(parseDateline(text)).toMatchObject(expected);
  });

  it.each([
    'South Dakota Gov. Kristi Noem (R) is defending the campaign',
    'NISSAN SENTRA',
    'The show opens to the public on Friday - here is more',
    'AS - www.example.com',
  ])('is not fooled by %s', (text) => {
    expect(parseDateline(text)).toBeUndefined();
  });

  it('leaves out what the dateline does not say', () => {
    expect(parseDateline('(Reuters) — The New York State Attorney General')?.located).toBeUndefined();
    expect(parseDateline('MADRID — Rafael Nadal kept Spain alive')?.agency).toBeUndefined();
  });

  it('title-cases places printed in capitals, keeping abbreviations and region codes', () => {
    expect(titleCasePlace('WASHINGTON, DC')).toBe('Washington, DC');
    expect(titleCasePlace('LA PAZ')).toBe('La Paz');
    expect(titleCasePlace('SAINT-ÉTIENNE')).toBe('Saint-Étienne');
  });
});

describe('parseCaption and parseCreditLine', () => {
  it('credit first: "© AFP/File | caption"', () => {
    expect(parseCaption('© AFP/File | Britain and Denmark have already publicly committed resources')).toEqual({
      caption: 'Britain and Denmark have already publicly committed resources',
      credit: 'AFP/File',
    });
  });

  it.each([
    ['A man walks past. Credit...Doug Mills/The New York Times', 'Doug Mills/The New York Times', undefined],
    ['Police stand guard outside parliament. (AFP Photo/John Thys)', 'AFP Photo/John Thys', 'John Thys'],
    ['Police stand guard outside parliament. REUTERS/Yves Herman', 'REUTERS/Yves Herman', 'Yves Herman'],
    ['Protesters march in Hong Kong on Sunday (AFP)', 'AFP', undefined],
  ])('credit last: %s', (text, credit, by) => {
    const parsed = parseCaption(text);
    expect(parsed?.credit).toBe(credit);
    expect(parsed?.by).toBe(by);
  });

  it('leaves ordinary sentences alone', () => {
    expect(
      parseCaption("The name change is crucial to Macedonia's hopes of joining NATO -- a step Moscow opposes."),
    ).toBeUndefined();
  });

  it('recognises credits on their own line but not copyright lines', () => {
    expect(parseCreditLine('Photo: Damian Dovarganes, AP')).toBe('Damian Dovarganes, AP');
    expect(parseCreditLine('Image Credit: WeWork')).toBe('WeWork');
    expect(parseCreditLine('Natalie Naccache | Bloomberg | Getty Images')).toBeDefined();
    expect(parseCreditLine('© 2018 AFP')).toBeUndefined();
  });
});

describe('parseCopyright', () => {
  it.each([
    ['© 2018 AFP', '© 2018 AFP', 'AFP'],
    [
      'Copyright 2019 The Associated Press. All rights reserved.',
      'Copyright 2019 The Associated Press. All rights reserved.',
      'The Associated Press',
    ],
    ['(c) Reuters 2019', '(c) Reuters 2019', 'Reuters'],
    ['(c) Agencia EFE', '(c) Agencia EFE', 'Agencia EFE'],
  ])('%s', (text, notice, holder) => {
    expect(parseCopyright(text)).toMatchObject({ notice, holder });
  });

  it('ignores prose that merely mentions copyright', () => {
    expect(
      parseCopyright(
        'The court ruled that copyright in the photographs belonged to the agency, not to the photographer who took them.',
      ),
    ).toBeUndefined();
  });
});

describe('parseByline', () => {
  it.each([
    ['By John Smith', 'John Smith'],
    ['By JOHN SMITH, Associated Press', 'John Smith'],
    ['by Bryan DeArdo', 'Bryan DeArdo'],
    ['By Tess Bonn - 11/19/19 06:56 AM EST', 'Tess Bonn'],
    ['Von Anna Weber, dpa', 'Anna Weber'],
    ['Par Jean Dupont et Marie Curie', 'Jean Dupont et Marie Curie'],
  ])('%s', (text, by) => {
    expect(parseByline(text)?.by).toBe(by);
  });

  it('is not fooled by a sentence starting with "By"', () => {
    expect(parseByline('By the way, this is a sentence that starts with by.')).toBeUndefined();
  });
});

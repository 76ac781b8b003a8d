import { isAgencyStamp, monthNumber, readAgencyStamp, toIsoDateTime, unreadDateNote, zonedDateTime } from './dates';

const instant = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : iso);

describe('dates', () => {
  it('keeps ISO 8601 as written and reads a zoneless one in the zone the caller gives', () => {
    expect(toIsoDateTime('2024-01-30T10:15:00+01:00')).toBe('2024-01-30T10:15:00+01:00');
    expect(toIsoDateTime('20240130T101500Z')).toBe('2024-01-30T10:15:00Z');
    expect(toIsoDateTime('2024-01-30T10:15:00')).toBe('2024-01-30T10:15:00Z');
    expect(toIsoDateTime('2024-07-30T10:15:00', { zone: 'Europe/Oslo' })).toBe('2024-07-30T10:15:00+02:00');
    expect(toIsoDateTime('2024-01-30T10:15:00', { zone: 'Europe/Oslo' })).toBe('2024-01-30T10:15:00+01:00');
  });

  it.each([
    ['Tue, 30 Jan 2024 10:15:00 GMT', '2024-01-30T10:15:00.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Qui, 4 Out 2018 08:00:00 -0300', '2018-10-04T11:00:00.000Z'],
    ['Montag, 10. Dezember 2018, 11:37 Uhr MEZ', '2018-12-10T10:37:00.000Z'],
    ['mardi 3 février 2015 à 14h30 CET', '2015-02-03T13:30:00.000Z'],
    ['24 de septiembre de 2018 19:42', '2018-09-24T19:42:00.000Z'],
    ['lunedì 2 gennaio 2017', '2017-01-02T00:00:00.000Z'],
    ['3 maart 2020 09:00 +0100', '2020-03-03T08:00:00.000Z'],
    ['12 okt. 2021 kl 14:05', '2021-10-12T14:05:00.000Z'],
    ['Dec. 9, 2018 9:37 p.m. JST', '2018-12-09T12:37:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['Feb 9, 2016 11:23 pm EST', '2016-02-10T04:23:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(instant(toIsoDateTime(text))).toBe(expected);
  });

  it('keeps the offset of the zone the text names', () => {
    expect(toIsoDateTime('Seg, 24 Set 2018 19:42:40 -0300')).toBe('2018-09-24T19:42:40-03:00');
  });

  it('reads a time without zone in the zone the caller says the copy means', () => {
    expect(toIsoDateTime('9 December 2018 21:37', { zone: 'Asia/Tokyo' })).toBe('2018-12-09T21:37:00+09:00');
  });

  it.each([
    '',
    'now',
    'next Tuesday',
    '31 Feb 2020',
    'Seg, 99 Xyz 2018',
    'May the force be with you 2020',
    '2024-13-01',
  ])('gives undefined, never a guess, for %j', (text) => expect(toIsoDateTime(text)).toBeUndefined());

  it('reads agency transmission stamps in any month language', () => {
    expect(readAgencyStamp('101137 GMT Dez 18')).toBe('2018-12-10T11:37:00Z');
    expect(readAgencyStamp('212101 GMT Nov 18')).toBe('2018-11-21T21:01:00Z');
    expect(readAgencyStamp('211259 Nov 18')).toBe('2018-11-21T12:59:00Z');
    expect(readAgencyStamp('050930 MEZ Mär 19')).toBe('2019-03-05T09:30:00+01:00');
    expect(readAgencyStamp('211259 Nov 18', { zone: 'CET' })).toBe('2018-11-21T12:59:00+01:00');
    expect(readAgencyStamp('321259 Nov 18')).toBeUndefined();
    expect(isAgencyStamp('101137 GMT Dez 18')).toBe(true);
    expect(isAgencyStamp('dpa grj rmo')).toBe(false);
  });

  it('builds local times in IANA zones across daylight saving', () => {
    expect(zonedDateTime('America/New_York', 2016, 2, 9, 23, 23)).toBe('2016-02-09T23:23:00-05:00');
    expect(zonedDateTime('America/New_York', 2016, 7, 9, 23, 23)).toBe('2016-07-09T23:23:00-04:00');
    expect(zonedDateTime('Not/AZone', 2016, 7, 9)).toBeUndefined();
  });

  it('knows month names in many languages', () => {
    expect(['Dez', 'fevereiro', 'févr.', 'maerz', 'mei', 'augusti', 'Okt', 'dic'].map(monthNumber)).toEqual([
      12, 2, 2, 3, 5, 8, 10, 12,
    ]);
  });

  it('says what date it could not read', () => {
    expect(unreadDateNote('  Sometime\nlast week ')).toContain('"Sometime last week"');
  });
});

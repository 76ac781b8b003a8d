import { agencyZone } from './agency-zones';
import { toIsoDateTime } from './dates';
import { zoneOffset } from './local-time';

describe('zone-less local times', () => {
  it('knows the offset of a zone at a local time, daylight saving included', () => {
    expect(zoneOffset('Europe/Helsinki', 2013, 2, 16, 17, 36, 20)).toBe('+02:00');
    expect(zoneOffset('Europe/Helsinki', 2018, 4, 4, 4, 5, 16)).toBe('+03:00');
    expect(zoneOffset('America/New_York', 2020, 6, 6, 18, 10)).toBe('-04:00');
    expect(zoneOffset('Not/AZone', 2020, 1, 1)).toBeUndefined();
  });

  it('reads a time without an offset in the sender zone, and leaves explicit offsets alone', () => {
    expect(toIsoDateTime('2013-02-16T17:36:20', 'Europe/Helsinki')).toBe('2013-02-16T17:36:20+02:00');
    expect(toIsoDateTime('20190129T124550', 'Europe/Brussels')).toBe('2019-01-29T12:45:50+01:00');
    expect(toIsoDateTime('2018-04-19T16:41:12+03:00', 'Europe/Oslo')).toBe('2018-04-19T16:41:12+03:00');
    expect(toIsoDateTime('2013-02-16T17:36:20')).toBe('2013-02-16T17:36:20Z');
    // a date alone names no time of day: it stays a UTC date
    expect(toIsoDateTime('2013-02-16', 'Europe/Helsinki')).toBe('2013-02-16T00:00:00Z');
  });

  it('finds the zone of agencies that send local times from a provider name, qcode or id', () => {
    expect(agencyZone(undefined, 'STT')).toBe('Europe/Helsinki');
    expect(agencyZone('nprov:ntb')).toBe('Europe/Oslo');
    expect(agencyZone('urn:newsml:belga.be:20190129:1')).toBe('Europe/Brussels');
    expect(agencyZone('Reuters', 'AFP')).toBeUndefined();
  });
});

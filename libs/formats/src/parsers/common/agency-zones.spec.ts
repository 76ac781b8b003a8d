import { agencyZone } from './agency-zones';
import { toIsoDateTime } from './dates';

describe('zone-less local times', () => {
  it('reads a time without an offset in the sender zone, and leaves explicit offsets alone', () => {
    expect(toIsoDateTime('2013-02-16T17:36:20', { zone: 'Europe/Helsinki' })).toBe('2013-02-16T17:36:20+02:00');
    expect(toIsoDateTime('20190129T124550', { zone: 'Europe/Brussels' })).toBe('2019-01-29T12:45:50+01:00');
    expect(toIsoDateTime('2018-04-19T16:41:12+03:00', { zone: 'Europe/Oslo' })).toBe('2018-04-19T16:41:12+03:00');
    expect(toIsoDateTime('2013-02-16T17:36:20')).toBe('2013-02-16T17:36:20Z');
    // a date alone names no time of day: it stays a UTC date
    expect(toIsoDateTime('2013-02-16', { zone: 'Europe/Helsinki' })).toBe('2013-02-16T00:00:00Z');
  });

  it('finds the zone of agencies that send local times from a provider name, qcode or id', () => {
    expect(agencyZone(undefined, 'STT')).toBe('Europe/Helsinki');
    expect(agencyZone('nprov:ntb')).toBe('Europe/Oslo');
    expect(agencyZone('urn:newsml:belga.be:20190129:1')).toBe('Europe/Brussels');
    expect(agencyZone('Reuters', 'AFP')).toBeUndefined();
  });
});

import { isNinjsDateTime, isNinjsUri } from './formats';
import { validateNinjs } from './validate';

describe('isNinjsUri / isNinjsDateTime agree with the schema validator', () => {
  it.each([
    ['urn:wiredesk:0f3a', true],
    ['urn:newsml:afp.com:20181003:TX-PAR-FOO:1', true],
    ['http://cv.iptc.org/newscodes/mediatopic/20001361', true],
    ['renditions-example', false],
    ['AFP 123', false],
  ])('uri %s → %s', (uri, expected) => {
    expect(isNinjsUri(uri)).toBe(expected);
    expect(validateNinjs({ uri }).valid).toBe(expected);
  });

  it('gives the same answer when asked again, and checks long strings too', () => {
    for (const uri of [
      'urn:wiredesk:0f3a',
      'AFP 123',
      `http://example.com/${'a'.repeat(400)}`,
      `AFP ${'a'.repeat(400)}`,
    ]) {
      const first = isNinjsUri(uri);
      expect(isNinjsUri(uri)).toBe(first);
      expect(validateNinjs({ uri }).valid).toBe(first);
    }
    expect(isNinjsUri(`http://example.com/${'a'.repeat(400)}`)).toBe(true);
  });

  it.each([
    ['2018-10-03T10:15:00Z', true],
    ['2018-10-03T10:15:00.123+02:00', true],
    ['2018-10-03T10:15:00', false],
    ['2018-10-03', false],
    ['Wed, 03 Oct 2018 10:15:00 GMT', false],
  ])('date-time %s → %s', (versionCreated, expected) => {
    expect(isNinjsDateTime(versionCreated)).toBe(expected);
    expect(validateNinjs({ uri: 'urn:x:1', versionCreated }).valid).toBe(expected);
  });
});

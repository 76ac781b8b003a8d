import { ErrorCode, WireError } from '@wiredesk/contracts';
import { parseWire } from '../../parse';
import { declaredVersion } from './version';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof WireError ? e.code : String(e);
  }
  return undefined;
};

describe('declaredVersion', () => {
  it('reads whole numbers, and nothing as undefined', () => {
    expect(declaredVersion('3', 'v')).toBe(3);
    expect(declaredVersion(' +4 ', 'v')).toBe(4);
    expect(declaredVersion('2.0', 'v')).toBe(2);
    expect(declaredVersion(7, 'v')).toBe(7);
    expect(declaredVersion(undefined, 'v')).toBeUndefined();
    expect(declaredVersion('', 'v')).toBeUndefined();
    expect(declaredVersion('0', 'v')).toBeUndefined();
  });

  it('reads timestamp-like versions (Reuters numbers them in ten digits) up to the largest exact integer', () => {
    expect(declaredVersion('1345039779', 'v')).toBe(1345039779);
    expect(declaredVersion(String(Number.MAX_SAFE_INTEGER), 'v')).toBe(Number.MAX_SAFE_INTEGER);
    expect(codeOf(() => declaredVersion(String(Number.MAX_SAFE_INTEGER + 2), 'v'))).toBe(ErrorCode.INVALID_VERSION);
  });

  it.each(['-1', '12345678901234567890', 'two', '1.5', '1e3', 'NaN'])('refuses %j as INVALID_VERSION', (v) => {
    expect(codeOf(() => declaredVersion(v, 'version'))).toBe(ErrorCode.INVALID_VERSION);
  });
});

describe('an invalid version in the copy', () => {
  const ninjs = (version: unknown) =>
    Buffer.from(
      JSON.stringify({
        uri: 'urn:example:story-1',
        version,
        headline: 'Council approves budget',
        body_text: 'The council approved the budget on Monday.',
      }),
    );

  it('refuses a ninjs version of -1 or 20 digits instead of calling it version 1', () => {
    expect(codeOf(() => parseWire(ninjs('-1'), { format: 'ninjs' }))).toBe(ErrorCode.INVALID_VERSION);
    expect(codeOf(() => parseWire(ninjs('12345678901234567890'), { format: 'ninjs' }))).toBe(ErrorCode.INVALID_VERSION);
    expect(parseWire(ninjs('2'), { format: 'ninjs' }).items[0].version).toBe(2);
  });

  it('refuses a NewsML-G2 newsItem version of -1', () => {
    const g2 = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:g2-1" version="-1" standard="NewsML-G2" standardversion="2.33">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example"/><versionCreated>2024-04-01T10:00:00Z</versionCreated></itemMeta>
  <contentMeta><headline>Council approves budget</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>The council approved the budget on Monday.</p></body.content></body></nitf></inlineXML></contentSet>
</newsItem>`,
    );
    expect(codeOf(() => parseWire(g2, {}))).toBe(ErrorCode.INVALID_VERSION);
  });
});

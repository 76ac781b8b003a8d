import { ErrorCode } from '@wiredesk/contracts';
import { parseWire } from '../../parse';
import { describeNotNews } from './not-news';

const FIXTURES = `<?xml version="1.0" encoding="utf-8"?>
<Response Status_Code="OK" Status_Message="">
  <Fixtures Sport="Soccer">
    <Series ID="x-1" Name="Example Cup" Season="2024" />
    <Teams><Team ID="t-1" Name="Harbour FC" /><Team ID="t-2" Name="River United" /></Teams>
    <Rounds><Round No="1"><Matches>
      <Match Fixture_ID="1" Date="2024-03-01" TeamA_ID="t-1" TeamB_ID="t-2" TeamA_Score="2" TeamB_Score="1" />
      <Match Fixture_ID="2" Date="2024-03-08" TeamA_ID="t-2" TeamB_ID="t-1" TeamA_Score="" TeamB_Score="" />
    </Matches></Round></Rounds>
  </Fixtures>
</Response>`;

describe('deliveries that are no news item', () => {
  it('names a sports data feed for what it is', () => {
    expect(describeNotNews(FIXTURES)).toBe(
      'The XML is a sports data feed (Soccer fixtures of Example Cup 2024, 2 match records), records for a results service rather than a news story.',
    );
  });

  it('dead-letters it with NOT_NEWS rather than UNKNOWN_FORMAT', () => {
    expect(() => parseWire(Buffer.from(FIXTURES))).toThrow(expect.objectContaining({ code: ErrorCode.NOT_NEWS }));
  });

  it('names an API error response, and leaves other unknown XML alone', () => {
    expect(describeNotNews('<Response Status_Code="Unauthorized"><Message/></Response>')).toMatch(
      /status "Unauthorized"/,
    );
    expect(describeNotNews('<catalog><book/></catalog>')).toBeUndefined();
    expect(() => parseWire(Buffer.from('<catalog><book>x</book></catalog>'))).toThrow(
      expect.objectContaining({ code: ErrorCode.UNKNOWN_FORMAT }),
    );
  });
});

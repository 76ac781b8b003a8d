import { ErrorCode, isWireError } from '@wiredesk/contracts';
import { parseWire } from '../parse';

const POLL = `<results>
  <result><id>tag:example.invalid,0000:item_A1:101</id><guid>tag:example.invalid,0000:item_A1</guid><version>101</version></result>
  <result><id>tag:example.invalid,0000:item_B2:202</id><guid>tag:example.invalid,0000:item_B2</guid><version>202</version></result>
  <pollToken>QUJDREVGRw==</pollToken>
  <status code="10"/>
</results>`;

function errorOf(text: string) {
  try {
    parseWire(Buffer.from(text));
  } catch (e) {
    if (isWireError(e)) return e;
  }
  return undefined;
}

describe('well-formed input that is no news item', () => {
  it('is a NOT_NEWS dead letter that says what it holds', () => {
    const e = errorOf(POLL);
    expect(e?.code).toBe(ErrorCode.NOT_NEWS);
    expect(e?.message).toMatch(/<results> holds 2 <result> elements .*not a news item/);
  });

  it('stays UNKNOWN_FORMAT when the unknown markup holds prose a reader could want', () => {
    const e = errorOf(
      '<dispatch><item><text>The minister said on Monday that talks would resume next week.</text></item><item><text>More follows.</text></item></dispatch>',
    );
    expect(e?.code).toBe(ErrorCode.UNKNOWN_FORMAT);
  });
});

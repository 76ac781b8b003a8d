import { ErrorCode, WireError } from '@wiredesk/contracts';
import { parseWire } from '../../parse';
import { assertHtmlDepth, HTML_MAX_DEPTH } from './html-depth';

const nested = (levels: number) =>
  `<html><body><p>${'<b><i>'.repeat(levels / 2)}deep${'</i></b>'.repeat(levels / 2)}</p></body></html>`;

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof WireError ? e.code : String(e);
  }
  return undefined;
};

describe('assertHtmlDepth', () => {
  it('refuses HTML nested past the limit, and fast', () => {
    expect(codeOf(() => assertHtmlDepth(nested(200_000)))).toBe(ErrorCode.NESTING_TOO_DEEP);
  });

  it('lets pages with many unclosed optional-end elements through (implied end tags are counted)', () => {
    const sloppy = `<html><body>${'<p>para '.repeat(HTML_MAX_DEPTH * 2)}<ul>${'<li>item '.repeat(HTML_MAX_DEPTH * 2)}</ul></body></html>`;
    expect(codeOf(() => assertHtmlDepth(sloppy))).toBeUndefined();
    expect(codeOf(() => assertHtmlDepth(nested(HTML_MAX_DEPTH - 10)))).toBeUndefined();
  });

  it('makes a 600 KB page of nested <b><i> a NESTING_TOO_DEEP dead letter instead of a minute of parsing', () => {
    const page = Buffer.from(nested(100_000));
    expect(page.length).toBeGreaterThan(600_000);
    expect(codeOf(() => parseWire(page, { contentType: 'text/html' }))).toBe(ErrorCode.NESTING_TOO_DEEP);
  });
});

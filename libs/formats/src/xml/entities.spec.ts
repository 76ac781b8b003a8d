import { codePointToText, decodeEntities, escapeBareAmpersands } from './entities';

describe('XML entity decoding', () => {
  it('decodes XML, numeric and HTML named entities in one pass', () => {
    expect(decodeEntities('caf&eacute; &amp; bar &#8211; &#x2014; &nbsp;x')).toBe('café & bar \u2013 \u2014 \u00a0x');
    expect(decodeEntities('&amp;eacute;')).toBe('&eacute;');
    expect(decodeEntities('&apos;quoted&apos; &quot;too&quot; &lt;b&gt;')).toBe('\'quoted\' "too" <b>');
  });

  it('leaves unknown names and legacy forms without semicolon as written', () => {
    expect(decodeEntities('&nosuchentity; &copy2024')).toBe('&nosuchentity; &copy2024');
  });

  it('reads C1 references as Windows-1252 and drops references to nothing printable', () => {
    expect(codePointToText(150)).toBe('\u2013');
    expect(codePointToText(0x81)).toBe('');
    expect(decodeEntities('a&#0;b&#1;c&#xD800;d')).toBe('abcd');
  });

  it('escapes bare ampersands only', () => {
    expect(escapeBareAmpersands('AT&T &amp; ?a=1&b=2 &#38;')).toBe('AT&amp;T &amp; ?a=1&amp;b=2 &#38;');
  });
});

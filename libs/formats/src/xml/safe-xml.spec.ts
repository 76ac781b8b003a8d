import { ErrorCode, WireError } from '@wiredesk/contracts';
import { attr, child, descendants, text } from './dom';
import { decodeEntities } from './entities';
import { DEFAULT_XML_LIMITS, parseXml, parseXmlDocuments, rootElementName } from './safe-xml';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof WireError) return e.code;
    throw e;
  }
  return undefined;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
}

describe('decodeEntities', () => {
  it('decodes XML, numeric and HTML named entities in one pass', () => {
    expect(decodeEntities('Caf&eacute; &amp; &lt;b&gt; &#8217;&#x2019; &nbsp;&mdash;')).toBe('Café & <b> ’’ \u00a0—');
    expect(decodeEntities('&amp;eacute;')).toBe('&eacute;');
  });

  it('reads Windows-1252 numbers as their characters and drops references to nothing', () => {
    expect(decodeEntities('a&#150;b &#147;q&#148;')).toBe('a–b “q”');
    expect(decodeEntities('x&#0;&#xD800;&#1114112;y')).toBe('xy');
  });

  it('leaves unknown names as written', () => {
    expect(decodeEntities('&foo; &#;')).toBe('&foo; &#;');
  });
});

describe('parseXml', () => {
  it('parses elements, attributes, mixed content and CDATA', () => {
    const root = parseXml(
      '<?xml version="1.0"?><nitf xml:lang="fr"><p class="x">Caf&eacute;&nbsp;<em>noir</em> &amp; <![CDATA[<raw> &amp;]]></p></nitf>',
    );
    expect(root.local).toBe('nitf');
    expect(attr(root, 'lang')).toBe('fr');
    const p = child(root, 'p');
    expect(attr(p, 'class')).toBe('x');
    expect(text(p)).toBe('Café noir & <raw> &amp;');
  });

  it('keeps namespace prefixes and matches on local names', () => {
    const root = parseXml('<a:feed xmlns:a="urn:x"><a:entry><a:title>T</a:title></a:entry></a:feed>');
    expect(root.name).toBe('a:feed');
    expect(descendants(root, 'title').map((t) => text(t))).toEqual(['T']);
  });

  it('accepts a DOCTYPE that only references a DTD, and never fetches it', () => {
    const root = parseXml(
      '<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.2/nitf-3-2.dtd"><nitf><p>x</p></nitf>',
    );
    expect(text(root)).toBe('x');
  });

  it('escapes bare ampersands that agencies leave in text and URLs', () => {
    const root = parseXml('<item><title>AT&T buys Time Warner</title><link>http://x.com/?a=1&b=2</link></item>');
    expect(text(child(root, 'title'))).toBe('AT&T buys Time Warner');
    expect(text(child(root, 'link'))).toBe('http://x.com/?a=1&b=2');
  });

  it('removes control characters from text', () => {
    expect(text(parseXml('<a>x\u0001y\u0007</a>'))).toBe('xy');
  });

  it('reads several concatenated documents', () => {
    const roots = parseXmlDocuments(
      '<?xml version="1.0"?>\n<nitf><p>1</p></nitf>\n<?xml version="1.0"?>\n<nitf><p>2</p></nitf>\n',
    );
    expect(roots.map((r) => text(r))).toEqual(['1', '2']);
    expect(codeOf(() => parseXml('<a/><b/>'))).toBe(ErrorCode.MALFORMED_XML);
  });
});

describe('parseXml on bad input', () => {
  it('refuses internal entity declarations (billion laughs) with ENTITY_EXPANSION', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(codeOf(() => parseXml(bomb))).toBe(ErrorCode.ENTITY_EXPANSION);
  });

  it('ignores parameter entities in a DOCTYPE (Kyodo via Belga: %nitf;): never fetched, never expanded', () => {
    const kyodo =
      '<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20001006:NewsMLv1.0.dtd:1" "../DTD/NewsMLv1.0.dtd" [\n' +
      '  <!ENTITY % nitf SYSTEM "../nitf/dtd/nitf-3-0.dtd">\n  %nitf;\n]>\n<NewsML><p>kept &undeclared; as written</p></NewsML>';
    const root = parseXml(kyodo);
    expect(root.local).toBe('NewsML');
    expect(JSON.stringify(root)).toContain('kept &undeclared; as written');
  });

  it('counts every declaration even when a value holds "]>"', () => {
    const tricky = '<!DOCTYPE x [<!ENTITY a "]>"><!ENTITY b "&a;&a;">]><x>&b;</x>';
    expect(() => parseXml(tricky)).toThrow('declares 2 entities');
  });

  it('refuses a stray entity declaration before the root with ENTITY_EXPANSION', () => {
    expect(codeOf(() => parseXml('<!ENTITY x "y"><x>&x;</x>'))).toBe(ErrorCode.ENTITY_EXPANSION);
  });

  it('refuses external entities with EXTERNAL_ENTITY', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
    expect(codeOf(() => parseXml(xxe))).toBe(ErrorCode.EXTERNAL_ENTITY);
    const general = '<!DOCTYPE foo [<!ENTITY p PUBLIC "-//X//EN" "http://evil.example/x.dtd">]><foo>&p;</foo>';
    expect(codeOf(() => parseXml(general))).toBe(ErrorCode.EXTERNAL_ENTITY);
  });

  it('refuses deep nesting with NESTING_TOO_DEEP', () => {
    const deep = '<a>'.repeat(5000) + '</a>'.repeat(5000);
    expect(codeOf(() => parseXml(deep))).toBe(ErrorCode.NESTING_TOO_DEEP);
    expect(codeOf(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100)))).toBeUndefined();
  });

  it('allows exactly maxDepth levels and refuses one more', () => {
    const nest = (levels: number) => '<a>'.repeat(levels) + '</a>'.repeat(levels);
    const limits = { ...DEFAULT_XML_LIMITS, maxDepth: 3 };
    expect(codeOf(() => parseXml(nest(3), limits))).toBeUndefined();
    expect(codeOf(() => parseXml(nest(4), limits))).toBe(ErrorCode.NESTING_TOO_DEEP);
    expect(codeOf(() => parseXml(nest(DEFAULT_XML_LIMITS.maxDepth)))).toBeUndefined();
    expect(codeOf(() => parseXml(nest(DEFAULT_XML_LIMITS.maxDepth + 1)))).toBe(ErrorCode.NESTING_TOO_DEEP);
  });

  it('reports truncated and malformed XML as MALFORMED_XML with a sentence a person can act on', () => {
    expect(codeOf(() => parseXml('<nitf><body><p>text'))).toBe(ErrorCode.MALFORMED_XML);
    expect(messageOf(() => parseXml('<nitf><body><p>text</p>'))).toMatch(/truncated/);
    expect(messageOf(() => parseXml('<a>\n<b></a>'))).toMatch(/line 2/);
    expect(codeOf(() => parseXml(''))).toBe(ErrorCode.MALFORMED_XML);
    expect(codeOf(() => parseXml('just text'))).toBe(ErrorCode.MALFORMED_XML);
    expect(codeOf(() => parseXml('<a><!-- never closed'))).toBe(ErrorCode.MALFORMED_XML);
    expect(codeOf(() => parseXml('<a>x</a>trailing junk'))).toBe(ErrorCode.MALFORMED_XML);
  });
});

describe('rootElementName', () => {
  it('skips the declaration, comments and DOCTYPE', () => {
    expect(rootElementName('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE nitf SYSTEM "x.dtd">\n<nitf>')).toBe(
      'nitf',
    );
    expect(rootElementName('<!DOCTYPE x [<!ELEMENT x ANY>]><rss version="2.0">')).toBe('rss');
    expect(rootElementName('hello <nitf>')).toBeUndefined();
  });
});

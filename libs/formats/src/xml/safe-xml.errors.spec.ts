import { ErrorCode, WireError } from '@wiredesk/contracts';
import { DEFAULT_XML_LIMITS, localName, parseXml, parseXmlDocuments, rootElementName, XmlElement } from './safe-xml';

/** The error a person reads in the dead letter: its stable code and its exact sentence. */
function refusal(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof WireError) return { code: e.code, message: e.message };
    throw e;
  }
  return undefined;
}

const malformed = (message: string) => ({ code: ErrorCode.MALFORMED_XML, message });

describe('parseXml error sentences name the place to look', () => {
  it('names the line of an unclosed comment, CDATA section and processing instruction', () => {
    expect(refusal(() => parseXml('<a>\n\n<!-- never closed'))).toEqual(
      malformed('The XML ends inside a comment opened at line 3.'),
    );
    expect(refusal(() => parseXml('<a>\n<![CDATA[ never closed'))).toEqual(
      malformed('The XML ends inside a CDATA section opened at line 2.'),
    );
    expect(refusal(() => parseXml('\n<?xml version="1.0"'))).toEqual(
      malformed('The XML ends inside a processing instruction opened at line 2.'),
    );
  });

  it('names the line of an unfinished DOCTYPE', () => {
    expect(refusal(() => parseXml('<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf.dtd"'))).toEqual(
      malformed('The XML ends inside its DOCTYPE declaration (line 2).'),
    );
    // a ">" inside a quoted system id does not end the DOCTYPE
    expect(refusal(() => parseXml("\n\n<!DOCTYPE nitf SYSTEM 'a>b.dtd'"))).toEqual(
      malformed('The XML ends inside its DOCTYPE declaration (line 3).'),
    );
    expect(refusal(() => parseXml('<!DOCTYPE nitf SYSTEM "a>b.dtd"'))).toEqual(
      malformed('The XML ends inside its DOCTYPE declaration (line 1).'),
    );
    expect(refusal(() => parseXml('\n<!DOCTYPE nitf [ <!ELEMENT nitf ANY>\n<nitf/>'))).toEqual(
      malformed("The XML's DOCTYPE internal subset is never closed (line 2)."),
    );
  });

  it('names the element a truncated document leaves open', () => {
    expect(refusal(() => parseXml('<nitf><body><p>text</p>'))).toEqual(
      malformed('The XML ends before element <body> is closed: the document is truncated or malformed.'),
    );
  });

  it('gives line and column of a mismatched tag, counted in the document as sent', () => {
    // the column the parser reports is moved back past the wrapper it never saw; the "(opened in ...)" detail is the
    // parser's own text and still counts the wrapper on line 1
    expect(refusal(() => parseXml('<a><b></a>'))?.message).toMatch(
      /^The XML is malformed at line 1, column 7: expected closing tag 'b' \(opened in line 1, col \d+\) instead of closing tag 'a'\.$/,
    );
    expect(refusal(() => parseXml('<a>\n<b></a>'))).toEqual(
      malformed(
        "The XML is malformed at line 2, column 4: expected closing tag 'b' (opened in line 2, col 1) instead of closing tag 'a'.",
      ),
    );
  });

  it('refuses empty documents, bare text, stray text and missing roots with their own sentence', () => {
    expect(refusal(() => parseXml(''))).toEqual(malformed('The XML document is empty.'));
    expect(refusal(() => parseXml('\uFEFF \n\t'))).toEqual(malformed('The XML document is empty.'));
    expect(refusal(() => parseXml('<?xml version="1.0"?><!-- only a comment -->'))).toEqual(
      malformed('The XML holds no element.'),
    );
    expect(refusal(() => parseXml('<a>x</a>trailing junk'))?.code).toBe(ErrorCode.MALFORMED_XML);
    expect(refusal(() => parseXml('<a/><b/>'))).toEqual(
      malformed('The XML has 2 root elements where one was expected.'),
    );
  });

  it('counts entity declarations in the sentence, one or several', () => {
    expect(refusal(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'))).toEqual({
      code: ErrorCode.ENTITY_EXPANSION,
      message: 'The XML declares 1 entity in its DOCTYPE, which Wiredesk refuses to expand.',
    });
    expect(refusal(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">\n<!ENTITY z "&x;&x;">]><a>&z;</a>'))).toEqual({
      code: ErrorCode.ENTITY_EXPANSION,
      message: 'The XML declares 2 entities in its DOCTYPE, which Wiredesk refuses to expand.',
    });
    expect(refusal(() => parseXml('<a/><!ENTITY x "y">'))).toEqual({
      code: ErrorCode.ENTITY_EXPANSION,
      message: 'The XML declares an entity outside any DOCTYPE.',
    });
  });

  it('refuses an external entity even when an internal one comes first', () => {
    expect(
      refusal(() => parseXml('<!DOCTYPE a [<!ENTITY x "y"><!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>')),
    ).toEqual({
      code: ErrorCode.EXTERNAL_ENTITY,
      message: 'The XML declares an external entity (SYSTEM or PUBLIC), which Wiredesk never resolves or fetches.',
    });
  });

  it('accepts an internal subset without entities and with space before its closing ">"', () => {
    const root = parseXml('<!DOCTYPE a [ <!ELEMENT a ANY> ]\n >\n<a>ok</a>');
    expect(root.children).toEqual(['ok']);
  });
});

describe('parseXml limits, exactly at the boundary', () => {
  it('accepts maxLength characters and refuses one more with TOO_LARGE', () => {
    const doc = '<a>xyz</a>'; // 10 characters
    expect(parseXml(doc, { ...DEFAULT_XML_LIMITS, maxLength: 10 }).name).toBe('a');
    expect(refusal(() => parseXml(doc, { ...DEFAULT_XML_LIMITS, maxLength: 9 }))).toEqual({
      code: ErrorCode.TOO_LARGE,
      message: 'The XML is larger than 9 characters.',
    });
  });

  it('names the limit and the line where nesting went too deep', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxDepth: 2 };
    expect(refusal(() => parseXml('<a>\n<b>\n<c></c></b></a>', limits))).toEqual({
      code: ErrorCode.NESTING_TOO_DEEP,
      message: 'The XML nests elements more than 2 levels deep (line 3).',
    });
  });

  it('counts depth back down at closing tags, so many siblings never add up', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxDepth: 2 };
    const siblings = `<a>${'<b>x</b>'.repeat(10)}</a>`;
    expect(parseXml(siblings, limits).children).toHaveLength(10);
  });

  it('does not count self-closing tags, comments, CDATA, declarations or end tags as nesting', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxDepth: 1 };
    const doc = '<?xml version="1.0"?><a><br/><img src="x>y" /><!-- <b><c> --><![CDATA[<b><c>]]><?pi <b><c>?></a>';
    const root = parseXml(doc, limits);
    expect(root.children.filter((c) => typeof c !== 'string').map((c) => (c as XmlElement).name)).toEqual([
      'br',
      'img',
    ]);
    expect((root.children[1] as XmlElement).attrs.src).toBe('x>y');
    // the processing instruction is blanked to spaces of the same length, so positions after it stay true
    expect(root.children[2]).toBe('<b><c>' + ' '.repeat('<?pi <b><c>?>'.length));
  });

  it('counts a tag whose quoted attribute holds "/>" as opening', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxDepth: 1 };
    expect(refusal(() => parseXml("<a><b t='/>'><c/></b></a>", limits))?.code).toBe(ErrorCode.NESTING_TOO_DEEP);
  });
});

describe('parseXml content', () => {
  it('keeps comments out of text, CDATA verbatim and decodes entities in text and attributes', () => {
    const root = parseXml('<a t="&amp;&lt;&eacute;">x &amp; y<!-- c & d --><![CDATA[a & b &amp;]]>z</a>');
    expect(root.attrs.t).toBe('&<é');
    expect(root.children).toEqual(['x & ya & b &amp;z']);
  });

  it('escapes a bare ampersand between a comment and the next tag', () => {
    expect(parseXml('<a><!-- c -->AT&T</a>').children).toEqual(['AT&T']);
    expect(parseXml('<a><![CDATA[x]]>R&D</a>').children).toEqual(['xR&D']);
  });

  it('removes control characters from CDATA and attributes', () => {
    const root = parseXml('<a t="x\u0001y"><![CDATA[p\u0007q]]></a>');
    expect(root.attrs.t).toBe('xy');
    expect(root.children).toEqual(['pq']);
  });

  it('splits names into prefix and local part', () => {
    const root = parseXml('<x:a xmlns:x="urn:x"><b/><x:c/></x:a>');
    expect([root.name, root.local]).toEqual(['x:a', 'a']);
    const kids = root.children as XmlElement[];
    expect(kids.map((k) => [k.name, k.local])).toEqual([
      ['b', 'b'],
      ['x:c', 'c'],
    ]);
  });

  it('reads several documents, each with its declaration and DOCTYPE, and reports a BOM-led one', () => {
    const docs = parseXmlDocuments(
      '\uFEFF<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "a.dtd">\n<a>1</a>\n<?xml version="1.0"?>\n<!DOCTYPE b>\n<b>2</b>\n',
    );
    expect(docs.map((d) => [d.name, d.children])).toEqual([
      ['a', ['1']],
      ['b', ['2']],
    ]);
  });

  it('accepts attributes without value', () => {
    expect(parseXml('<input disabled/>').attrs).toEqual({ disabled: 'true' });
  });
});

describe('DOCTYPE internal subsets', () => {
  it('steps over "]>" inside quoted values and comments of the subset', () => {
    expect(parseXml('<!DOCTYPE a [ <!ELEMENT a ANY> <!-- not the end ]> --> ]>\n<a>ok</a>').children).toEqual(['ok']);
    expect(
      parseXml(`<!DOCTYPE a [ <!ATTLIST a t CDATA "x]>y"> <!ATTLIST a u CDATA 'p]>q'> ]><a>ok</a>`).children,
    ).toEqual(['ok']);
    expect(refusal(() => parseXml('<!DOCTYPE a [ <!-- never closed ]><a/>'))).toEqual(
      malformed("The XML's DOCTYPE internal subset is never closed (line 1)."),
    );
    expect(refusal(() => parseXml('<!DOCTYPE a [ ] x><a/>'))).toEqual(
      malformed("The XML's DOCTYPE internal subset is never closed (line 1)."),
    );
  });

  it('refuses an entity declared after a comment that holds "]>"', () => {
    expect(refusal(() => parseXml('<!DOCTYPE a [ <!-- ]> --> <!ENTITY x "y"> ]><a/>'))?.code).toBe(
      ErrorCode.ENTITY_EXPANSION,
    );
  });

  it('counts an unterminated entity declaration at the end of the subset too', () => {
    expect(refusal(() => parseXml('<!DOCTYPE a [<!ENTITY x "y"><!ENTITY z "w"]><a/>'))?.message).toBe(
      'The XML declares 2 entities in its DOCTYPE, which Wiredesk refuses to expand.',
    );
  });

  it('reads the DOCTYPE keyword in any case and an ENTITY only at a tag start', () => {
    expect(parseXml('<!doctype html><html/>').name).toBe('html');
    expect(refusal(() => parseXml('<a/><!entity x "y">'))?.code).toBe(ErrorCode.ENTITY_EXPANSION);
  });
});

describe('malformed tags and stray text', () => {
  it('lets the validator name a tag left open by the next one or by the end', () => {
    expect(refusal(() => parseXml('<a><b</a>'))?.code).toBe(ErrorCode.MALFORMED_XML);
    expect(refusal(() => parseXml('<a><b'))?.code).toBe(ErrorCode.MALFORMED_XML);
    expect(refusal(() => parseXml('<a t="x'))?.code).toBe(ErrorCode.MALFORMED_XML);
  });

  it('names text outside the root element', () => {
    expect(refusal(() => parseXmlDocuments('<a/>stray'))).toEqual(
      malformed('The XML has text outside its root element.'),
    );
    expect(refusal(() => parseXml('stray<a/>'))?.code).toBe(ErrorCode.MALFORMED_XML);
  });

  it('strips a byte-order mark only at the start', () => {
    expect(parseXml('\uFEFF<a>x</a>').children).toEqual(['x']);
    expect(parseXml('<a>\uFEFFx</a>').children).toEqual(['\uFEFFx']);
  });

  it('keeps text next to an element and an end tag in one piece each', () => {
    const root = parseXml('<p>one <b>two</b> three</p>');
    expect(root.children).toEqual(['one ', { name: 'b', local: 'b', attrs: {}, children: ['two'] }, ' three']);
    expect(parseXml('<p>a<![CDATA[b]]>c<![CDATA[]]>d</p>').children).toEqual(['abcd']);
  });
});

describe('names', () => {
  it('localName drops the prefix only', () => {
    expect(localName('xhtml:p')).toBe('p');
    expect(localName('p')).toBe('p');
    expect(localName(':p')).toBe('p');
  });

  it('rootElementName keeps a prefix', () => {
    expect(rootElementName('<?xml version="1.0"?><ns:feed xmlns:ns="urn:x">')).toBe('ns:feed');
  });
});

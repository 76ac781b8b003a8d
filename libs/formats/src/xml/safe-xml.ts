import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { decodeEntities, escapeBareAmpersands } from './entities';
import { sniffXmlRoot } from '../detect/sniff-content';

/**
 * The one way Wiredesk reads XML. fast-xml-parser does the parsing; before it runs, a linear scan of our own
 * refuses what must never be parsed: DOCTYPEs declaring entities (billion laughs, external entities: never expanded,
 * never fetched) and nesting deep enough to hurt. DTD references are ignored, not fetched. Entities are decoded here,
 * in one pass, including the HTML named entities agencies put in XML. Several concatenated documents are allowed.
 */

export interface XmlElement {
  /** qualified name as written, e.g. "nitf", "xhtml:p" */
  name: string;
  /** name without its namespace prefix */
  local: string;
  /** attributes by qualified name; values decoded */
  attrs: Record<string, string>;
  children: XmlNode[];
}
/** A text node is a plain string (entities decoded, controls removed, whitespace as written). */
export type XmlNode = XmlElement | string;

export interface XmlLimits {
  /** deepest element nesting accepted */
  maxDepth: number;
  /** longest input accepted, in characters */
  maxLength: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 200, maxLength: 64 * 1024 * 1024 };

const WRAPPER = 'wiredesk-xml-root';
const WRAPPER_OPEN = `<${WRAPPER}>`;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
  // prepare() has already refused anything deeper than the caller's maxDepth with NESTING_TOO_DEEP; the parser's own
  // default (100) would turn documents between 101 and maxDepth levels into MALFORMED_XML
  maxNestedTags: Number.MAX_SAFE_INTEGER,
});

function malformed(message: string): WireError {
  return new WireError(ErrorCode.MALFORMED_XML, message);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Same length, same line breaks, nothing else: keeps the positions in error messages true. */
function blank(segment: string): string {
  return segment.replace(/[^\n]/g, ' ');
}

/** Finds the end of a DOCTYPE and refuses entity declarations inside it. Returns the index after its closing ">". */
function checkDoctype(text: string, start: number): number {
  let i = start + 9;
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '>') break;
  }
  if (i >= text.length) throw malformed(`The XML ends inside its DOCTYPE declaration (line ${lineOf(text, start)}).`);
  if (text[i] === '>') return i + 1;
  const end = internalSubsetEnd(text, i + 1);
  if (!end) throw malformed(`The XML's DOCTYPE internal subset is never closed (line ${lineOf(text, start)}).`);
  const subset = text.slice(i + 1, end.index);
  // Parameter entities (`<!ENTITY % nitf SYSTEM "nitf.dtd"> %nitf;`) only pull DTD text into the DTD, and the DTD is
  // never read: they are ignored, neither fetched nor expanded, and no reason to refuse the document.
  const declarations = subset.match(/<!ENTITY(?!\s+%)[^>]*>?/gi);
  if (declarations) {
    if (declarations.some((d) => /\b(SYSTEM|PUBLIC)\b/.test(d))) {
      throw new WireError(
        ErrorCode.EXTERNAL_ENTITY,
        'The XML declares an external entity (SYSTEM or PUBLIC), which Wiredesk never resolves or fetches.',
      );
    }
    throw new WireError(
      ErrorCode.ENTITY_EXPANSION,
      `The XML declares ${declarations.length} entit${declarations.length === 1 ? 'y' : 'ies'} in its DOCTYPE, which Wiredesk refuses to expand.`,
    );
  }
  return end.after;
}

/** Where a DOCTYPE's internal subset ends ("]" then ">"), stepping over quoted values and comments that may hold "]>". */
function internalSubsetEnd(text: string, from: number): { index: number; after: number } | undefined {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return undefined;
      i = close + 2;
    } else if (c === ']') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === '>') return { index: i, after: j + 1 };
    }
  }
  return undefined;
}

/**
 * One linear pass over the markup: refuses dangerous DOCTYPEs and deep nesting, blanks out XML declarations and
 * DOCTYPEs (so several documents can be read as one), and escapes bare ampersands outside comments and CDATA.
 */
function prepare(text: string, limits: XmlLimits): string {
  const out: string[] = [];
  const n = text.length;
  let copied = 0;
  let i = 0;
  let depth = 0;
  const copyUpTo = (end: number, transform: (s: string) => string) => {
    if (end > copied) out.push(transform(text.slice(copied, end)));
    copied = end;
  };
  const skipTo = (marker: string, from: number, what: string): number => {
    const end = text.indexOf(marker, from);
    if (end < 0) throw malformed(`The XML ends inside ${what} opened at line ${lineOf(text, from)}.`);
    return end + marker.length;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      copyUpTo(lt, escapeBareAmpersands);
      i = skipTo('-->', lt + 4, 'a comment');
      copyUpTo(i, (s) => s);
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      copyUpTo(lt, escapeBareAmpersands);
      i = skipTo(']]>', lt + 9, 'a CDATA section');
      copyUpTo(i, (s) => s);
      continue;
    }
    if (text.startsWith('<?', lt)) {
      copyUpTo(lt, escapeBareAmpersands);
      i = skipTo('?>', lt + 2, 'a processing instruction');
      copyUpTo(i, blank);
      continue;
    }
    if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
      copyUpTo(lt, escapeBareAmpersands);
      i = checkDoctype(text, lt);
      copyUpTo(i, blank);
      continue;
    }
    if (/^<!ENTITY/i.test(text.slice(lt, lt + 8))) {
      throw new WireError(ErrorCode.ENTITY_EXPANSION, 'The XML declares an entity outside any DOCTYPE.');
    }
    if (text[lt + 1] === '/') {
      depth = Math.max(0, depth - 1);
      i = lt + 2;
      continue;
    }
    // a start tag: find its end, stepping over quoted attribute values
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>' || c === '<') break;
    }
    if (j >= n || text[j] === '<') {
      i = j; // malformed tag: the validator names it
      continue;
    }
    if (text[j - 1] !== '/' && /[A-Za-z_:\u00c0-\uffff]/.test(text[lt + 1] ?? '')) {
      depth++;
      if (depth > limits.maxDepth) {
        throw new WireError(
          ErrorCode.NESTING_TOO_DEEP,
          `The XML nests elements more than ${limits.maxDepth} levels deep (line ${lineOf(text, lt)}).`,
        );
      }
    }
    i = j + 1;
  }
  copyUpTo(n, escapeBareAmpersands);
  return out.join('');
}

function describeValidationError(err: { msg: string; line: number; col: number }): string {
  const col = err.line === 1 ? Math.max(1, err.col - WRAPPER_OPEN.length) : err.col;
  const truncated = new RegExp(`^Expected closing tag '([^']+)'.*instead of closing tag '${WRAPPER}'`).exec(err.msg);
  if (truncated)
    return `The XML ends before element <${truncated[1]}> is closed: the document is truncated or malformed.`;
  if (err.msg.includes(WRAPPER)) return `The XML is truncated or malformed near line ${err.line}, column ${col}.`;
  const detail = err.msg.replace(/\.$/, '');
  return `The XML is malformed at line ${err.line}, column ${col}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}.`;
}

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function cleanText(raw: unknown): string {
  return decodeEntities(String(raw ?? '')).replace(CONTROL_CHARS, '');
}

type FxpNode = Record<string, unknown>;

function convert(nodes: unknown): XmlNode[] {
  const out: XmlNode[] = [];
  if (!Array.isArray(nodes)) return out;
  const pushText = (s: string) => {
    if (s === '') return;
    const last = out[out.length - 1];
    if (typeof last === 'string') out[out.length - 1] = last + s;
    else out.push(s);
  };
  for (const node of nodes as FxpNode[]) {
    if (!node || typeof node !== 'object') continue;
    if (Object.prototype.hasOwnProperty.call(node, '#text')) {
      pushText(cleanText(node['#text']));
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(node, '#cdata')) {
      const parts = node['#cdata'];
      if (Array.isArray(parts)) {
        for (const p of parts as FxpNode[]) pushText(String(p?.['#text'] ?? '').replace(CONTROL_CHARS, ''));
      }
      continue;
    }
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name) continue;
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    const rawAttrs = node[':@'];
    if (rawAttrs && typeof rawAttrs === 'object') {
      for (const [k, v] of Object.entries(rawAttrs as Record<string, unknown>)) attrs[k] = cleanText(v);
    }
    const colon = name.indexOf(':');
    out.push({ name, local: colon >= 0 ? name.slice(colon + 1) : name, attrs, children: convert(node[name]) });
  }
  return out;
}

/**
 * Parses one or more concatenated XML documents and returns their root elements in order.
 * Throws WireError: MALFORMED_XML, ENTITY_EXPANSION, EXTERNAL_ENTITY, NESTING_TOO_DEEP, TOO_LARGE.
 */
export function parseXmlDocuments(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement[] {
  if (text.length > limits.maxLength) {
    throw new WireError(ErrorCode.TOO_LARGE, `The XML is larger than ${limits.maxLength} characters.`);
  }
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw malformed('The XML document is empty.');
  const prepared = prepare(source, limits);
  const wrapped = `${WRAPPER_OPEN}${prepared}</${WRAPPER}>`;
  const verdict = XMLValidator.validate(wrapped, { allowBooleanAttributes: true });
  if (verdict !== true) throw malformed(describeValidationError(verdict.err));
  let parsed: unknown;
  try {
    parsed = parser.parse(wrapped);
  } catch (e) {
    throw malformed(`The XML could not be parsed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const top = convert(parsed);
  const wrapper = top.find((n): n is XmlElement => typeof n !== 'string' && n.name === WRAPPER);
  if (!wrapper) throw malformed('The XML holds no element.');
  const roots: XmlElement[] = [];
  for (const node of wrapper.children) {
    if (typeof node === 'string') {
      if (node.trim() !== '') throw malformed('The XML has text outside its root element.');
    } else roots.push(node);
  }
  if (roots.length === 0) throw malformed('The XML holds no element.');
  return roots;
}

/** Parses a document that must have exactly one root element. */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const roots = parseXmlDocuments(text, limits);
  if (roots.length > 1) throw malformed(`The XML has ${roots.length} root elements where one was expected.`);
  return roots[0];
}

/**
 * The qualified name of the first element, looking at the opening characters only (for format sniffing): skips the
 * BOM, XML declaration, comments, processing instructions and DOCTYPE. Undefined when the text does not start as XML.
 */
export function rootElementName(text: string): string | undefined {
  const root = sniffXmlRoot(text);
  if (!root) return undefined;
  return root.prefix ? `${root.prefix}:${root.name}` : root.name;
}

/** The local part of a qualified name. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

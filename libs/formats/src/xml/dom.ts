import { clean } from '../parsers/common/text';
import type { XmlElement, XmlNode } from './safe-xml';

/**
 * Read-only queries over the trees parseXml returns. Names are matched on the local name (namespace prefixes vary
 * between agencies), case-sensitively. Walks are iterative, so no input can exhaust the stack.
 */

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

export function elementChildren(el: XmlElement | undefined): XmlElement[] {
  return el ? el.children.filter(isElement) : [];
}

/** First child element with one of the local names. */
export function child(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (isElement(c) && names.includes(c.local)) return c;
  return undefined;
}

/** All child elements with one of the local names, in document order. */
export function childrenNamed(el: XmlElement | undefined, ...names: string[]): XmlElement[] {
  return elementChildren(el).filter((c) => names.includes(c.local));
}

/** Follows a path of local names through first matches: path(root, 'itemMeta', 'pubStatus'). */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = el;
  for (const n of names) current = child(current, n);
  return current;
}

/** Descendant elements (not the element itself) in document order, optionally only those with one of the names. */
export function descendants(el: XmlElement | undefined, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) return out;
  const stack: XmlElement[] = elementChildren(el).reverse();
  while (stack.length) {
    const e = stack.pop() as XmlElement;
    if (names.length === 0 || names.includes(e.local)) out.push(e);
    const kids = elementChildren(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** First descendant with one of the names, in document order. */
export function descendant(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  if (!el) return undefined;
  const stack: XmlElement[] = elementChildren(el).reverse();
  while (stack.length) {
    const e = stack.pop() as XmlElement;
    if (names.includes(e.local)) return e;
    const kids = elementChildren(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return undefined;
}

/** An attribute by qualified name, else by local name ("lang" finds "xml:lang"). */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  if (Object.prototype.hasOwnProperty.call(el.attrs, name)) return el.attrs[name];
  for (const k of Object.keys(el.attrs)) {
    const colon = k.indexOf(':');
    if (colon >= 0 && k.slice(colon + 1) === name && !k.startsWith('xmlns')) return el.attrs[k];
  }
  return undefined;
}

/** A trimmed, non-empty attribute value or undefined. */
export function attrText(el: XmlElement | undefined, name: string): string | undefined {
  return clean(attr(el, name));
}

/**
 * All text inside the element, as written. With separate, element boundaries count as spaces (for metadata such
 * as <byline><person>A</person><byttl>B</byttl></byline>); without, inline markup joins words ("<em>x</em>y").
 */
export function rawText(el: XmlElement | undefined, separate = false): string {
  if (!el) return '';
  const parts: string[] = [];
  const stack: (XmlNode | null)[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop();
    if (n === null) {
      if (separate) parts.push(' ');
      continue;
    }
    if (n === undefined) continue;
    if (typeof n === 'string') {
      parts.push(n);
      continue;
    }
    if (separate) parts.push(' ');
    stack.push(null);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return parts.join('');
}

/** The element's text with whitespace normalised; undefined when empty. */
export function text(el: XmlElement | undefined, separate = false): string | undefined {
  if (!el) return undefined;
  const s = clean(rawText(el, separate));
  return s && separate ? s.replace(/\s+([,;.])/g, '$1') : s;
}

/** Text of the first child with one of the names. */
export function childText(el: XmlElement | undefined, ...names: string[]): string | undefined {
  return text(child(el, ...names));
}

/** The language an element declares, looking up its xml:lang. */
export function langOf(el: XmlElement | undefined): string | undefined {
  return attrText(el, 'xml:lang') ?? attrText(el, 'lang');
}

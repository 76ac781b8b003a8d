import { parseHTML } from 'linkedom';
import { assertHtmlDepth } from '../common/html-depth';

/**
 * The slice of the DOM the HTML parser uses. linkedom implements it; declaring it here keeps the library free of the
 * browser "dom" lib types and makes plain what the parser relies on.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  children: ArrayLike<DomElement>;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  parentElement: DomElement | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Throws NESTING_TOO_DEEP (common/html-depth.ts) for a page nested past the limit, before building its DOM. */
export function parseDocument(html: string): DomDocument {
  assertHtmlDepth(html);
  // linkedom needs a document element to hang a fragment on; a bare fragment is wrapped in a body.
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as unknown as { document: DomDocument };
  return document;
}

export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // an unsupported selector must not fail the page
  }
}

export function first(root: DomDocument | DomElement, selector: string): DomElement | undefined {
  try {
    return root.querySelector(selector) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Text of a node with whitespace collapsed. */
export function textOf(node: DomNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Depth of the element tree under root, counted without recursion; stops counting past limit. Walks the siblings
 * links rather than building a list of children per element.
 */
export function treeDepth(root: DomElement, limit: number): number {
  let max = 0;
  let depth = 1;
  let el: DomElement | null = root;
  while (el) {
    if (depth > max) max = depth;
    if (max > limit) return max;
    const child: DomElement | null = el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      continue;
    }
    // up until there is a next sibling, never above root
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return max;
}

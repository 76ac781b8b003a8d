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

/** How much walking a reader that visits each element's subtree once per ancestor would do (see readerWork). */
export interface ReaderWork {
  elements: number;
  /** the deepest element, root = 1 */
  depth: number;
  /** sum over elements of their depth: the elements visited when every element's subtree is walked once */
  elementDepths: number;
  /** sum over text characters of their depth: the characters copied when every element's text is read once */
  textDepths: number;
}

/**
 * What a reader costs that asks every element for its text or its descendants (Readability on linkedom does: each
 * `textContent` and `getElementsByTagName` walks the whole subtree), measured in one walk of the tree: such a reader
 * is linear in the page's size times its depth, so a page nested 200 levels costs 200 times its size. Counted
 * without recursion, along the sibling links; stops counting once `limits` is passed (only that it was passed
 * matters then).
 */
export function readerWork(root: DomElement, limits?: Partial<ReaderWork>): ReaderWork {
  const work: ReaderWork = { elements: 0, depth: 0, elementDepths: 0, textDepths: 0 };
  const over = () =>
    limits !== undefined &&
    (work.elements > (limits.elements ?? Infinity) ||
      work.depth > (limits.depth ?? Infinity) ||
      work.elementDepths > (limits.elementDepths ?? Infinity) ||
      work.textDepths > (limits.textDepths ?? Infinity));
  let depth = 1;
  let el: DomElement | null = root;
  while (el) {
    work.elements++;
    work.elementDepths += depth;
    if (depth > work.depth) work.depth = depth;
    const children = el.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType === TEXT_NODE) work.textDepths += (child.textContent?.length ?? 0) * depth;
    }
    if (over()) return work;
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
  return work;
}

import { parseDocument } from 'htmlparser2';
import type { BodyBlock } from '../../model/wire-item';
import type { XmlElement } from '../../xml/safe-xml';
import { xmlToBlocks } from './blocks';
import { normalizeSpace } from './text';

/**
 * HTML fragments inside structured formats (RSS description and content:encoded, Atom content, ninjs body_html) to
 * body blocks. htmlparser2 parses the HTML (forgiving, like a browser, and it decodes every HTML entity); its DOM is
 * copied into the same element tree the XML parsers use, so one block builder serves every format.
 * (linkedom would do the same, but its css-select dependency is ESM-only and cannot be required under jest.)
 */

interface DomNode {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const MAX_DEPTH = 200;

function textContent(node: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [node];
  while (stack.length) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') parts.push(n.data ?? '');
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return parts.join('');
}

function toTree(root: DomNode): XmlElement {
  const top: XmlElement = {
    name: 'body',
    local: 'body',
    attrs: Object.create(null) as Record<string, string>,
    children: [],
  };
  const stack: { node: DomNode; into: XmlElement; depth: number }[] = [];
  const pushChildren = (node: DomNode, into: XmlElement, depth: number) => {
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], into, depth });
  };
  pushChildren(root, top, 0);
  // children are pushed last-first, so popping visits them in document order; appending keeps that order
  while (stack.length) {
    const { node, into, depth } = stack.pop() as { node: DomNode; into: XmlElement; depth: number };
    if (node.type === 'text') {
      into.children.push(node.data ?? '');
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = (node.name ?? 'span').toLowerCase();
      if (depth >= MAX_DEPTH) {
        into.children.push(textContent(node));
        continue;
      }
      const attrs = Object.create(null) as Record<string, string>;
      for (const [k, v] of Object.entries(node.attribs ?? {})) attrs[k] = v;
      const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      const el: XmlElement = { name, local, attrs, children: [] };
      into.children.push(el);
      pushChildren(node, el, depth + 1);
    } else if (node.type === 'cdata' || node.type === 'root') {
      pushChildren(node, into, depth);
    }
  }
  return top;
}

/**
 * Parses an HTML fragment into an element tree (a <body> holding the fragment). Levels past MAX_DEPTH are kept as
 * their text (htmlparser2's own DOM stays linear on deep fragments; only whole pages go through linkedom, whose
 * cost grows with the square of the depth, and have a depth limit: html-depth.ts).
 */
export function htmlToTree(html: string): XmlElement {
  return toTree(parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as DomNode);
}

/** Body blocks from an HTML fragment. */
export function htmlToBlocks(html: string): BodyBlock[] {
  if (!/[<&]/.test(html)) return normalizeSpace(html) ? [{ kind: 'p', text: normalizeSpace(html) }] : [];
  return xmlToBlocks(htmlToTree(html));
}

/** One line of text from an HTML fragment (for titles, captions and summaries that carry markup or entities). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normalizeSpace(html);
  return normalizeSpace(
    htmlToBlocks(html)
      .map((b) => b.text)
      .join(' '),
  );
}

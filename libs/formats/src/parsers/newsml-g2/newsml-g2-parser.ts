import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { child, elementChildren } from '../../xml/dom';
import { localName, parseXmlDocuments, rootElementName, type XmlElement } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import { IPTC_SCHEMES } from '../common/subjects';
import type { ParseInput, WireParser } from '../parser';
import { hasContent, inlineSchemes, newsItemToItem, packageItemToItem } from './newsml-g2';

const G2_ROOTS = new Set(['newsItem', 'packageItem', 'newsMessage']);
const ITEM_NAMES = new Set(['newsItem', 'packageItem']);

/** The newsItem and packageItem elements a document carries, in order: the root itself or a message's itemSet. */
function itemElements(root: XmlElement): XmlElement[] {
  if (ITEM_NAMES.has(root.local)) return [root];
  if (root.local === 'newsMessage')
    return elementChildren(child(root, 'itemSet')).filter((e) => ITEM_NAMES.has(e.local));
  // a home-made wrapper around G2 items
  return elementChildren(root).filter((e) => ITEM_NAMES.has(e.local));
}

/** Members of a package learn which package holds them. */
function linkPackages(items: WireItem[]): void {
  const byId = new Map(items.filter((i) => i.sourceId).map((i) => [i.sourceId as string, i]));
  for (const pkg of items) {
    if (!pkg.packageItemIds || !pkg.sourceId) continue;
    for (const id of pkg.packageItemIds) byId.get(id)?.links.push({ rel: 'package', href: pkg.sourceId });
  }
}

/** NewsML-G2: newsItem, packageItem, or a newsMessage with many of them. Concept and planning items are skipped. */
export const newsmlG2Parser: WireParser = {
  format: 'newsml-g2',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (!root || !G2_ROOTS.has(localName(root))) return 0;
    return input.text.slice(0, 8192).includes('iptc.org/std/nar/') ? 0.97 : 0.85;
  },
  parse(input: ParseInput): WireItem[] {
    const roots = parseXmlDocuments(input.text);
    const items: WireItem[] = [];
    for (const root of roots) {
      const schemes = inlineSchemes(
        root.local === 'newsMessage' ? (child(root, 'header') ?? root) : root,
        IPTC_SCHEMES,
      );
      for (const el of itemElements(root)) {
        const item = el.local === 'packageItem' ? packageItemToItem(el, schemes) : newsItemToItem(el, schemes);
        if (hasContent(item)) items.push(item);
      }
    }
    if (items.length === 0) {
      const what = roots.map((r) => `<${r.local}>`).join(', ');
      throw new WireError(
        ErrorCode.NO_CONTENT,
        `The NewsML-G2 document (${what}) holds no news item with a headline, text or media.`,
      );
    }
    linkPackages(items);
    return items.map((i) => finalizeItem(i, { xhtml: i.type === 'text' || i.type === undefined }));
  },
};

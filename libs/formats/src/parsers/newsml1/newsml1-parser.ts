import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { child, childrenNamed, descendants } from '../../xml/dom';
import { localName, parseXmlDocuments, rootElementName } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { newsItemToItems, providerIdOf } from './newsml1';

/** NewsML 1.x: every NewsItem of a NewsML document (or a bare NewsItem) gives one item. */
export const newsml1Parser: WireParser = {
  format: 'newsml-1',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (!root) return 0;
    const name = localName(root);
    if (name === 'NewsML') return 0.95;
    return name === 'NewsItem' ? 0.8 : 0;
  },
  parse(input: ParseInput): WireItem[] {
    const roots = parseXmlDocuments(input.text);
    const items: WireItem[] = [];
    for (const root of roots) {
      const envelope = child(root, 'NewsEnvelope');
      const newsItems = root.local === 'NewsItem' ? [root] : childrenNamed(root, 'NewsItem');
      const found = newsItems.length ? newsItems : descendants(root, 'NewsItem');
      for (const newsItem of found) {
        for (const item of newsItemToItems(newsItem, envelope)) {
          finalizeItem(item, { xhtml: item.body.length > 0 });
          item.agency ??= providerIdOf(newsItem);
          items.push(item);
        }
      }
    }
    if (items.length === 0) {
      throw new WireError(
        ErrorCode.NO_CONTENT,
        'The NewsML 1 document holds no NewsItem with a headline, text or media.',
      );
    }
    return items;
  },
};

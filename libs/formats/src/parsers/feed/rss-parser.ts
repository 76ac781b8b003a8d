import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { child, childrenNamed } from '../../xml/dom';
import { localName, parseXmlDocuments, rootElementName } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { rssDefaults, rssItemToItem } from './feed';

/** RSS 2.0 (and RSS 0.9x / 1.0 RDF): one item per <item>. */
export const rssParser: WireParser = {
  format: 'rss',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (!root) return 0;
    if (localName(root) === 'rss') return 0.95;
    return localName(root) === 'RDF' && input.text.slice(0, 4096).includes('purl.org/rss') ? 0.9 : 0;
  },
  parse(input: ParseInput): WireItem[] {
    const items: WireItem[] = [];
    for (const root of parseXmlDocuments(input.text)) {
      const channel = child(root, 'channel');
      const defaults = rssDefaults(channel, root);
      // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it
      for (const el of [...childrenNamed(channel, 'item'), ...childrenNamed(root, 'item')]) {
        items.push(finalizeItem(rssItemToItem(el, defaults), { xhtml: true }));
      }
    }
    if (items.length === 0) throw new WireError(ErrorCode.NO_CONTENT, 'The RSS feed has no items.');
    return items;
  },
};

import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { childrenNamed } from '../../xml/dom';
import { localName, parseXmlDocuments, rootElementName } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { atomEntryToItem } from './feed';

/** Atom 1.0: one item per <entry>, in a <feed> or alone. */
export const atomParser: WireParser = {
  format: 'atom',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (!root) return 0;
    const atomNs = input.text.slice(0, 4096).includes('www.w3.org/2005/Atom');
    if (localName(root) === 'feed') return atomNs ? 0.95 : 0.7;
    return localName(root) === 'entry' && atomNs ? 0.9 : 0;
  },
  parse(input: ParseInput): WireItem[] {
    const items: WireItem[] = [];
    for (const root of parseXmlDocuments(input.text)) {
      const entries = root.local === 'entry' ? [root] : childrenNamed(root, 'entry');
      const feed = root.local === 'feed' ? root : undefined;
      for (const entry of entries) items.push(finalizeItem(atomEntryToItem(entry, feed), { xhtml: true }));
    }
    if (items.length === 0) throw new WireError(ErrorCode.NO_CONTENT, 'The Atom feed has no entries.');
    return items;
  },
};

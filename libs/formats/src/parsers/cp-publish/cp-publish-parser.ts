import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { child } from '../../xml/dom';
import { localName, parseXmlDocuments, rootElementName } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { publishToItem } from './cp-publish';

/** The Canadian Press "Publish" export: a <Publish> root with a <ContentItem> and a <PublishID>. */
export const cpPublishParser: WireParser = {
  format: 'cp-publish',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (!root || localName(root) !== 'Publish') return 0;
    const head = input.text.slice(0, 4096);
    return head.includes('<ContentItem') && head.includes('<PublishID>') ? 0.9 : 0.4;
  },
  parse(input: ParseInput): WireItem[] {
    const items: WireItem[] = [];
    for (const root of parseXmlDocuments(input.text)) {
      if (root.local !== 'Publish' || !child(root, 'ContentItem')) continue;
      const item = publishToItem(root);
      if (item) items.push(finalizeItem(item, { xhtml: item.type === 'text' }));
    }
    if (items.length === 0) throw new WireError(ErrorCode.NO_CONTENT, 'The Publish document holds no ContentItem.');
    return items;
  },
};

import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { localName, parseXmlDocuments, rootElementName } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { rbNewsElements, rbNewsToItem } from './ritzau';

/** Ritzau's XML news service: <RBNews>, or <XMLNewsQueuedResponse> with a list of them. */
export const ritzauParser: WireParser = {
  format: 'ritzau',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (!root) return 0;
    const name = localName(root);
    if (name === 'RBNews') return 0.9;
    if (name === 'XMLNewsQueuedResponse') return input.text.slice(0, 4096).includes('RBNews') ? 0.9 : 0.5;
    return 0;
  },
  parse(input: ParseInput): WireItem[] {
    const items: WireItem[] = [];
    for (const root of parseXmlDocuments(input.text)) {
      for (const news of rbNewsElements(root)) items.push(finalizeItem(rbNewsToItem(news), { xhtml: true }));
    }
    if (items.length === 0) throw new WireError(ErrorCode.NO_CONTENT, 'The Ritzau document holds no RBNews item.');
    return items;
  },
};

import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { descendants } from '../../xml/dom';
import { localName, parseXmlDocuments, rootElementName } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { nitfToItem } from './nitf';

/** NITF 3.x: one item per <nitf> document; several concatenated documents give several items. */
export const nitfParser: WireParser = {
  format: 'nitf',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (root && localName(root) === 'nitf') return 0.95;
    return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+nitf\b/i.test(input.text.slice(0, 4096))
      ? 0.9
      : 0;
  },
  parse(input: ParseInput): WireItem[] {
    const roots = parseXmlDocuments(input.text);
    const nitfs = roots.flatMap((r) => (r.local === 'nitf' ? [r] : descendants(r, 'nitf')));
    if (nitfs.length === 0) {
      throw new WireError(ErrorCode.UNKNOWN_FORMAT, `The XML is not NITF: its root element is <${roots[0].name}>.`);
    }
    return nitfs.map((n) => finalizeItem(nitfToItem(n), { xhtml: true }));
  },
};

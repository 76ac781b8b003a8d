import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { finalizeItem } from '../common/finalize';
import { splitTelexMessages } from '../common/telex';
import type { ParseInput, WireParser } from '../parser';
import { iptc7901MessageToItem, sniffIptc7901 } from './iptc7901';

/** IPTC 7901: one item per SOH … ETX message; a stream of several messages gives several items. */
export const iptc7901Parser: WireParser = {
  format: 'iptc7901',
  sniff: (input: ParseInput) => sniffIptc7901(input.text),
  parse(input: ParseInput): WireItem[] {
    const items = splitTelexMessages(input.text, 1)
      .map(iptc7901MessageToItem)
      .filter((i): i is WireItem => i !== undefined)
      .map((i) => finalizeItem(i));
    if (items.length === 0) {
      throw new WireError(ErrorCode.NO_CONTENT, 'The IPTC 7901 stream holds no message with a headline or text.');
    }
    return items;
  },
};

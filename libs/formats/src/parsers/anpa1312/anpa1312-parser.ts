import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { finalizeItem } from '../common/finalize';
import { splitTelexMessages } from '../common/telex';
import type { ParseInput, WireParser } from '../parser';
import { anpaMessageToItem, sniffAnpa } from './anpa1312';

/** ANPA 1312: one item per SOH … ETX message; a stream of several messages gives several items. */
export const anpa1312Parser: WireParser = {
  format: 'anpa1312',
  sniff: (input: ParseInput) => sniffAnpa(input.text),
  parse(input: ParseInput): WireItem[] {
    const items = splitTelexMessages(input.text, 2)
      .map(anpaMessageToItem)
      .filter((i): i is WireItem => i !== undefined)
      .map((i) => finalizeItem(i))
      .map((i) => {
        // the ^ summary line of a writethru usually repeats the lead paragraph word for word
        if (i.abstract && i.abstract === i.body[0]?.text) delete i.abstract;
        return i;
      });
    if (items.length === 0) {
      throw new WireError(ErrorCode.NO_CONTENT, 'The ANPA 1312 stream holds no message with a headline or text.');
    }
    return items;
  },
};

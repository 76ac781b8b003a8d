import { headlineFromLead } from '../common/notices';
import type { ParseInput, WireParser } from '../parser';
import { parseTextStory } from './story';

export const textParser: WireParser = {
  format: 'text',
  // Plain text is what everything else is not: a low, constant confidence so any real format wins.
  sniff: () => 0.1,
  parse: (input: ParseInput) => {
    const item = parseTextStory(input.text);
    // a flash sent as one line of text: that line is its headline too
    if (item.body.length === 1) headlineFromLead(item);
    return [item];
  },
};

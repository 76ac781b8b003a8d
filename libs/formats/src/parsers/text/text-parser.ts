import type { ParseInput, WireParser } from '../parser';
import { parseTextStory } from './story';

export const textParser: WireParser = {
  format: 'text',
  // Plain text is what everything else is not: a low, constant confidence so any real format wins.
  sniff: () => 0.1,
  parse: (input: ParseInput) => [parseTextStory(input.text)],
};

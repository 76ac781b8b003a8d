import type { WireParser } from './parser';
import { textParser } from './text/text-parser';
import { htmlParser } from './html/html-parser';

/**
 * Every format parser Wiredesk knows. Detection asks each one to sniff the input; parsing goes to the named one.
 * To add a format: import its parser and add one entry. The plain-text parser is the fallback and stays last.
 */
export const PARSERS: WireParser[] = [htmlParser, textParser];

export function parserFor(format: string): WireParser | undefined {
  return PARSERS.find((p) => p.format === format);
}

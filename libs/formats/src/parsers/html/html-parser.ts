import type { ParseInput, WireParser } from '../parser';
import { parseHtmlArticle, sniffHtml } from './article';

export const htmlParser: WireParser = {
  format: 'html',
  sniff: (input: ParseInput) => sniffHtml(input.text),
  parse: (input: ParseInput) => [parseHtmlArticle(input.text, input.filename)],
};

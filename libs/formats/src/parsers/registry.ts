import type { WireParser } from './parser';
import { textParser } from './text/text-parser';
import { htmlParser } from './html/html-parser';
import { nitfParser } from './nitf/nitf-parser';
import { newsmlG2Parser } from './newsml-g2/newsml-g2-parser';
import { newsml1Parser } from './newsml1/newsml1-parser';
import { anpa1312Parser } from './anpa1312/anpa1312-parser';
import { iptc7901Parser } from './iptc7901/iptc7901-parser';
import { ninjsParser } from './ninjs/ninjs-parser';
import { rssParser } from './feed/rss-parser';
import { atomParser } from './feed/atom-parser';
import { cpPublishParser } from './cp-publish/cp-publish-parser';
import { ritzauParser } from './ritzau/ritzau-parser';
import { emailParser } from './email/email-parser';
import { imageParser } from './image/image-parser';

/**
 * Every format parser Wiredesk knows. Detection asks each one to sniff the input; parsing goes to the named one.
 * To add a format: import its parser and add one entry. The plain-text parser is the fallback and stays last.
 */
export const PARSERS: WireParser[] = [
  nitfParser,
  newsmlG2Parser,
  newsml1Parser,
  anpa1312Parser,
  iptc7901Parser,
  ninjsParser,
  rssParser,
  atomParser,
  cpPublishParser,
  ritzauParser,
  emailParser,
  imageParser,
  htmlParser,
  textParser,
];

export function parserFor(format: string): WireParser | undefined {
  return PARSERS.find((p) => p.format === format);
}

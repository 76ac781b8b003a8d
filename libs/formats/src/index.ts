/** @wiredesk/formats: raw wire bytes in, one story model out, whatever the format or charset. */
export {
  parseWire,
  parseWireAsync,
  cleanItem,
  cleanLine,
  DEFAULT_MAX_BYTES,
  type ParseHints,
  type ParseResult,
} from './parse';
export { blocksToXhtml, escapeXml } from './parsers/common/xhtml';
export * from './model/wire-item';
export type { ParseInput, WireParser } from './parsers/parser';
export { PARSERS, parserFor } from './parsers/registry';
export { decodeBytes, canonicalCharset, repairMojibake, type DecodeHints, type DecodedText } from './decode';
export { detectFormat, formatFromName, sniffXmlRoot, type DetectHints, type Detection, type XmlRoot } from './detect';
export { contentTypeForFile } from './detect';

/** Agency furniture readers, for parsers that find bylines, datelines and credits inside body text. */
export { parseDateline, titleCasePlace, type Dateline } from './parsers/text/dateline';
export { parseByline, type Byline } from './parsers/text/byline';
export { parseCaption, parseCreditLine, type Caption } from './parsers/text/caption';
export { parseCopyright, type Copyright } from './parsers/text/copyright';

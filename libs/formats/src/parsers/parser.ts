import type { WireFormat, WireItem } from '../model/wire-item';

/** What a parser is given: the decoded text and the hints around it. */
export interface ParseInput {
  /** the input decoded to a JS string (charset already resolved, BOM removed) */
  text: string;
  /** the original bytes, for parsers that must look at them (e.g. declared XML encodings) */
  bytes: Buffer;
  contentType?: string;
  filename?: string;
}

export interface WireParser {
  format: WireFormat;
  /** a confidence 0..1 that this text is this format; cheap, looks at the opening bytes only */
  sniff(input: ParseInput): number;
  /** one input may hold several items (NewsML message, RSS feed, ANPA stream). Throws WireError on bad input. */
  parse(input: ParseInput): WireItem[];
  /**
   * Formats read through asynchronous libraries (MIME, picture metadata) parse here instead; `parse` then throws.
   * Only parseWireAsync calls it.
   */
  parseAsync?(input: ParseInput): Promise<WireItem[]>;
}

import { ErrorCode, WireError } from '@wiredesk/contracts';
import { decodeBytes } from './decode/decode';
import { detectFormat } from './detect/detect';
import type { BodyBlock, WireFormat, WireItem, WirePicture } from './model/wire-item';
import { formatFromName } from './detect/hints';
import { useDeliveryReader } from './parsers/email/email-parser';
import { sniffEmail } from './parsers/email/email-sniff';
import { sniffImage } from './parsers/image/image-kind';
import type { ParseInput, WireParser } from './parsers/parser';
import { parserFor } from './parsers/registry';

export interface ParseHints {
  /** the transport's content type, possibly with a charset */
  contentType?: string;
  filename?: string;
  /** explicit format override (wd-format, --format) */
  format?: WireFormat | string;
  /** inputs larger than this are refused with TOO_LARGE (default DEFAULT_MAX_BYTES) */
  maxBytes?: number;
}

export interface ParseResult {
  format: WireFormat;
  /** the charset the bytes were decoded with */
  charset: string;
  items: WireItem[];
}

/** 20 MiB: far above any single story or feed, low enough that parsing stays bounded. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Pictures and e-mail may be larger, up to what a Kafka message holds (64 MiB): only their metadata is parsed. */
export const MEDIA_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Raw wire bytes to story items: size check, charset decoding, format detection, parsing, and a final clean-up every
 * format shares (no non-breaking spaces, control characters or empty blocks reach an article). Throws WireError.
 */
export function parseWire(bytes: Buffer, hints: ParseHints = {}): ParseResult {
  const { input, format, charset, parser } = prepare(bytes, hints);
  if (parser.parseAsync) {
    throw new WireError(ErrorCode.INTERNAL_ERROR, `The ${format} input is read by parseWireAsync, not parseWire.`);
  }
  return finish(format, charset, parser.parse(input));
}

/**
 * parseWire for every delivery, pictures and e-mail included (their libraries read asynchronously). What the
 * normalizer and `wiredesk normalize` run; the other formats are parsed exactly as parseWire parses them.
 */
export async function parseWireAsync(bytes: Buffer, hints: ParseHints = {}): Promise<ParseResult> {
  const { input, format, charset, parser } = prepare(bytes, hints);
  const items = parser.parseAsync ? await parser.parseAsync(input) : parser.parse(input);
  return finish(format, charset, items);
}

// an e-mail's attachments are deliveries of their own: read them the same way
useDeliveryReader(async (bytes, hints) => (await parseWireAsync(bytes, hints)).items);

interface Prepared {
  input: ParseInput;
  format: WireFormat;
  charset: string;
  parser: WireParser;
}

function prepare(bytes: Buffer, hints: ParseHints): Prepared {
  if (!bytes || bytes.length === 0) throw new WireError(ErrorCode.EMPTY_INPUT, 'The input is empty.');
  const maxBytes = hints.maxBytes ?? DEFAULT_MAX_BYTES;
  // photos and mail with photos are large by nature; reading them costs little beyond their headers
  const isMedia = () => sniffImage(bytes) !== undefined || sniffEmail(bytes.toString('latin1', 0, 16384)) > 0;
  if (bytes.length > maxBytes && !(bytes.length <= Math.max(maxBytes, MEDIA_MAX_BYTES) && isMedia())) {
    throw new WireError(
      ErrorCode.TOO_LARGE,
      `The input is ${bytes.length} bytes, more than the limit of ${maxBytes} bytes.`,
    );
  }
  // A picture is bytes, not text: it skips charset decoding (which would refuse it as binary).
  const override = hints.format !== undefined && hints.format !== '' ? formatFromName(String(hints.format)) : undefined;
  if (override === 'image' || (override === undefined && sniffImage(bytes))) {
    const input: ParseInput = { text: '', bytes, contentType: hints.contentType, filename: hints.filename };
    return { input, format: 'image', charset: 'binary', parser: parserFor('image') as WireParser };
  }
  const decoded = decodeBytes(bytes, { contentType: hints.contentType });
  if (decoded.text.trim() === '') {
    throw new WireError(ErrorCode.EMPTY_INPUT, 'The input holds only whitespace.');
  }
  const input: ParseInput = {
    text: decoded.text,
    bytes,
    contentType: hints.contentType,
    filename: hints.filename,
  };
  const { format } = detectFormat(input, hints);
  const parser = parserFor(format);
  if (!parser) {
    throw new WireError(ErrorCode.UNKNOWN_FORMAT, `The input is ${format}, which this build of Wiredesk cannot parse.`);
  }
  return { input, format, charset: decoded.charset, parser };
}

function finish(format: WireFormat, charset: string, parsed: WireItem[]): ParseResult {
  const items = parsed.map(cleanItem).filter(hasContent);
  if (items.length === 0) {
    throw new WireError(ErrorCode.NO_CONTENT, `The ${format} input holds no story: no headline, body or picture.`);
  }
  return { format, charset, items };
}

/** Spaces that must not survive into an article: no-break, narrow no-break, figure and the other fixed widths. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Invisible characters that only break matching and word counts. */
const INVISIBLES = /[\u200b\u2060\ufeff\u00ad]/g;
/** Control characters (the wire framing included) except tab and newline. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Anything cleanLine changes besides trimming: invisibles, controls, odd spaces, other whitespace than one space. */
const NEEDS_CLEANING =
  /[\u200b\u2060\ufeff\u00ad\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|[^\S ]|\s\s/;

/** One line of text: odd spaces made plain, invisibles and controls dropped, whitespace collapsed. */
export function cleanLine(text: string): string {
  // Most fields are clean already: one scan instead of four replacements.
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text.replace(INVISIBLES, '').replace(CONTROLS, ' ').replace(ODD_SPACES, ' ').replace(/\s+/g, ' ').trim();
}

/** Multi-line text (pre, tables): same clean-up per line, line structure kept. */
function cleanLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) =>
      l
        .replace(INVISIBLES, '')
        .replace(CONTROLS, ' ')
        .replace(ODD_SPACES, ' ')
        .replace(/[ \t]+$/g, ''),
    )
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function cleanOptional(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const cleaned = cleanLine(text);
  return cleaned === '' ? undefined : cleaned;
}

function cleanBlock(block: BodyBlock): BodyBlock {
  const keepLines = block.kind === 'pre' || block.kind === 'table';
  const text = keepLines ? cleanLines(block.text) : cleanLine(block.text);
  const cleaned: BodyBlock = { ...block, text };
  if (block.rows) cleaned.rows = block.rows.map((row) => row.map(cleanLine));
  return cleaned;
}

function cleanPicture(p: WirePicture): WirePicture {
  return {
    ...p,
    caption: cleanOptional(p.caption),
    credit: cleanOptional(p.credit),
    by: cleanOptional(p.by),
    altText: cleanOptional(p.altText),
    copyrightNotice: cleanOptional(p.copyrightNotice),
    name: cleanOptional(p.name),
  };
}

const SINGLE_LINE_FIELDS = [
  'headline',
  'subheadline',
  'slugline',
  'byline',
  'located',
  'dateline',
  'agency',
  'edNote',
  'abstract',
  'section',
  'copyrightHolder',
  'copyrightNotice',
  'usageTerms',
] as const;

function withoutUndefined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] === undefined) delete obj[key];
  return obj;
}

export function cleanItem(item: WireItem): WireItem {
  const cleaned: WireItem = { ...item };
  for (const field of SINGLE_LINE_FIELDS) cleaned[field] = cleanOptional(item[field]);
  cleaned.body = (item.body ?? []).map(cleanBlock).filter((b) => b.text !== '' || (b.rows?.length ?? 0) > 0);
  cleaned.pictures = (item.pictures ?? []).map((p) => withoutUndefined(cleanPicture(p)));
  cleaned.keywords = [...new Set((item.keywords ?? []).map(cleanLine).filter(Boolean))];
  cleaned.subjects = item.subjects ?? [];
  cleaned.genres = [...new Set((item.genres ?? []).map(cleanLine).filter(Boolean))];
  cleaned.links = item.links ?? [];
  return withoutUndefined(cleaned);
}

function hasContent(item: WireItem): boolean {
  // A kill notice may carry only a headline; a picture item only its picture.
  return Boolean(item.headline) || item.body.length > 0 || item.pictures.length > 0 || item.pubStatus === 'canceled';
}

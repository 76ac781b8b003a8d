import { ErrorCode, WireError } from '@wiredesk/contracts';
import { WIRE_FORMATS, type WireFormat } from '../model/wire-item';
import type { ParseInput } from '../parsers/parser';
import { describeNotNews } from '../parsers/not-news/not-news';
import { PARSERS } from '../parsers/registry';
import { formatFromContentType, formatFromFilename, formatFromName } from './hints';
import { formatFromXmlRoot, sniffControlFramed, sniffNinjsJson, sniffXmlRoot } from './sniff-content';

export interface DetectHints {
  contentType?: string;
  filename?: string;
  /** explicit override (wd-format, --format): wins over everything */
  format?: WireFormat | string;
}

export interface Detection {
  format: WireFormat;
  confidence: number;
  /** what decided: the override, the content, or a hint that broke a tie */
  by: 'override' | 'content' | 'hint';
  /** every format with a score, best first, for diagnostics */
  scores: { format: WireFormat; score: number }[];
}

/** A transport hint can lift a format its content already supports a little; it never invents one. */
const HINT_BONUS = 0.15;
const MIN_CONFIDENCE = 0.05;
/** The least confidence with which a format other than plain text can take the input. */
const MIN_CLAIM = 0.3;

/** Scores from the content alone: the structural sniffers here, and every registered parser's own sniff. */
function contentScores(input: ParseInput): Map<WireFormat, number> {
  const scores = new Map<WireFormat, number>();
  const raise = (format: WireFormat, score: number) => scores.set(format, Math.max(scores.get(format) ?? 0, score));
  const root = sniffXmlRoot(input.text);
  const byRoot = root && formatFromXmlRoot(root);
  if (byRoot) raise(byRoot.format, byRoot.confidence);
  const ninjs = sniffNinjsJson(input.text);
  if (ninjs > 0) raise('ninjs', ninjs);
  const framed = sniffControlFramed(input.text);
  if (framed) raise(framed.format, framed.confidence);
  for (const parser of PARSERS) {
    let score = 0;
    try {
      score = parser.sniff(input);
    } catch {
      score = 0; // a sniffer must never decide by crashing
    }
    if (Number.isFinite(score) && score > 0) raise(parser.format, Math.min(1, score));
  }
  return scores;
}

/** Markup or JSON that plain-text copy never starts with, so that text is never the answer for it. */
function looksStructured(text: string): 'xml' | 'json' | undefined {
  const start = text.trimStart();
  if (start.startsWith('<?xml')) return 'xml';
  const root = start.startsWith('<') ? sniffXmlRoot(start) : undefined;
  if (root) {
    // "<Photo: AFP> Caption…" opens like markup but never closes: that is text
    const qualified = root.prefix ? `${root.prefix}:${root.name}` : root.name;
    if (start.includes(`</${qualified}`) || new RegExp(`^<${qualified}[^>]*/>`).test(start)) return 'xml';
  }
  if (start.startsWith('{')) return 'json';
  if (start.startsWith('[')) {
    try {
      JSON.parse(start);
      return 'json';
    } catch {
      return undefined; // "[UPDATE 1] ..." is text
    }
  }
  return undefined;
}

/**
 * What format the input is. An explicit override wins (and must name a known format); otherwise the content decides,
 * with the content type and file name lifting formats the content already supports. Markup or JSON that no parser
 * recognises is UNKNOWN_FORMAT rather than being read as plain text.
 */
export function detectFormat(input: ParseInput, hints: DetectHints = {}): Detection {
  if (hints.format !== undefined && hints.format !== '') {
    const format = formatFromName(String(hints.format));
    if (!format) {
      throw new WireError(
        ErrorCode.UNKNOWN_FORMAT,
        `Unknown format "${hints.format}"; expected one of ${WIRE_FORMATS.join(', ')}.`,
      );
    }
    return { format, confidence: 1, by: 'override', scores: [{ format, score: 1 }] };
  }
  const scores = contentScores(input);
  const hinted = [
    formatFromContentType(hints.contentType ?? input.contentType),
    formatFromFilename(hints.filename ?? input.filename),
  ];
  const boosted = new Map(scores);
  for (const format of hinted) {
    const base = format && scores.get(format);
    if (format && base && base >= MIN_CONFIDENCE) boosted.set(format, base + HINT_BONUS);
  }
  // A weak claim ("it starts with a brace") is not enough to read copy as a structured format: plain text then wins,
  // and markup or JSON nobody claims firmly is unknown.
  for (const [format, score] of boosted) if (format !== 'text' && score < MIN_CLAIM) boosted.delete(format);
  const ranked = [...boosted.entries()].map(([format, score]) => ({ format, score })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const structured = looksStructured(input.text);
  if (!best || best.score < MIN_CONFIDENCE || (best.format === 'text' && structured)) {
    const what = structured === 'xml' ? 'XML or markup' : structured === 'json' ? 'JSON' : 'input';
    const root = structured === 'xml' ? sniffXmlRoot(input.text) : undefined;
    const notNews = root ? describeNotNews(input.text) : undefined;
    if (notNews) throw new WireError(ErrorCode.NOT_NEWS, notNews);
    throw new WireError(
      ErrorCode.UNKNOWN_FORMAT,
      root
        ? `The ${what} has root element <${root.name}>, which is no wire format Wiredesk reads.`
        : `The ${what} is in no wire format Wiredesk recognises.`,
    );
  }
  const byContent = (scores.get(best.format) ?? 0) >= Math.max(...[...scores.values()]);
  return {
    format: best.format,
    confidence: Math.min(1, best.score),
    by: byContent ? 'content' : 'hint',
    scores: ranked,
  };
}

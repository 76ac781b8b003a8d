/**
 * Values from stored copy (a producer's `wd-source`, a dropped file's name) on their way into response headers.
 * Node refuses a header value with a character outside Latin-1 or a control character by throwing, so every such
 * value is encoded here, at the edge, and a response never fails on what a producer sent.
 */

/** Visible ASCII and space, without `%` (which would make the encoding ambiguous): passes unchanged. */
const PLAIN_HEADER_TEXT = /^[\x20-\x24\x26-\x7e]*$/;

/**
 * A header value for free text: unchanged when it is printable ASCII without `%`, else every other character as
 * UTF-8 percent-escapes (RFC 3986 style; `decodeURIComponent` gives the original back). Leading and trailing spaces
 * are escaped too, since HTTP trims them.
 */
export function headerText(value: string): string {
  if (PLAIN_HEADER_TEXT.test(value) && value.trim() === value) return value;
  let out = '';
  const chars = [...value];
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    const edgeSpace = ch === ' ' && (i === 0 || i === chars.length - 1);
    const plain = code >= 0x20 && code <= 0x7e && ch !== '%' && !edgeSpace;
    out += plain ? ch : percentEncode(ch);
  });
  return out;
}

/** RFC 8187 attr-char: what a `filename*` value may hold unescaped. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function percentEncode(ch: string): string {
  // a lone surrogate cannot be UTF-8 encoded: Buffer writes U+FFFD for it
  const bytes = Buffer.from(ch, 'utf8');
  return [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** The base name of a stored filename, cleaned to `[\w.-]` for the plain `filename` parameter. */
function asciiFilename(base: string): string {
  return base.replace(/[^\w.-]+/g, '_').slice(0, 128);
}

/**
 * `attachment` with the file's name: `filename="…"` (ASCII, cleaned, for every client) and, when the name has
 * characters the ASCII form lost, also `filename*=UTF-8''…` (RFC 8187, RFC 6266 §4.3), which clients that know it
 * prefer. Path parts are dropped.
 */
export function attachmentDisposition(filename: string | undefined, fallback: string): string {
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  const ascii = asciiFilename(base);
  let value = `attachment; filename="${ascii.replace(/^_+$/, '') || fallback}"`;
  const printable = base.replace(/[\x00-\x1f\x7f]/g, '').trim();
  if (/[^\x00-\x7f]/.test(printable)) {
    const extended = [...printable.slice(0, 256)].map((ch) => (ATTR_CHAR.test(ch) ? ch : percentEncode(ch))).join('');
    value += `; filename*=UTF-8''${extended}`;
  }
  return value;
}

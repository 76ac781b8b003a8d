/** Small string helpers every structured parser shares. */

/** Spaces of every width (NBSP, thin, figure, ideographic...) become plain spaces. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters and soft hyphens carry nothing readable. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** C0/C1 controls other than tab, newline and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Anything normalizeSpace changes besides trimming: zero-width, controls, odd spaces, whitespace but one space. */
const NEEDS_NORMALIZING =
  /[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|[^\S ]|\s\s/;

/** One line of clean text: odd spaces normalised, controls removed, runs of whitespace collapsed, trimmed. */
export function normalizeSpace(text: string): string {
  // Most values are clean already: one scan instead of four replacements.
  if (!NEEDS_NORMALIZING.test(text)) return text.trim();
  return text.replace(ZERO_WIDTH, '').replace(CONTROL, ' ').replace(ODD_SPACE, ' ').replace(/\s+/g, ' ').trim();
}

/** Like normalizeSpace, but keeps line breaks (for preformatted text and agate). */
export function normalizeLines(text: string): string {
  return trimNewlines(
    text
      .replace(/\r\n?/g, '\n')
      .replace(ZERO_WIDTH, '')
      .replace(CONTROL, ' ')
      .replace(ODD_SPACE, ' ')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n'),
  );
}

/** normalizeSpace, with undefined for empty results, so optional fields stay absent. */
export function clean(text: string | undefined | null): string | undefined {
  if (text === undefined || text === null) return undefined;
  const s = normalizeSpace(String(text));
  return s === '' ? undefined : s;
}

/** An integer inside [min, max], or undefined. */
export function boundedInt(value: unknown, min: number, max: number): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number.parseInt(String(value).trim(), 10);
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < min || n > max) return undefined;
  return n;
}

/** Keeps the first occurrence of each value (compared case-insensitively), dropping empties. */
export function uniqueStrings(values: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const c = clean(v);
    if (!c) continue;
    const key = c.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** "NEW YORK" → "New York", "GROSSETO, Italy" → "Grosseto, Italy"; names already in mixed case stay as written. */
export function placeCase(name: string): string {
  return name.replace(/[\p{L}][\p{L}\p{M}'’.-]*/gu, (word) => {
    if (word !== word.toUpperCase() || word.length < 2) return word;
    return word
      .toLowerCase()
      .replace(/(^|[-'’.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
      .replace(/^(Mc)(\p{L})/u, (_m, mc: string, ch: string) => mc + ch.toUpperCase());
  });
}

/** Strips a leading "By", "Von", "Par", "Por", "Di", "Door", "Av" from a byline. */
export function stripByPrefix(byline: string): string {
  return byline.replace(/^\s*(?:by|von|par|por|di|door|av|af|från|от|przez)[:\s]+/i, '').trim();
}

/**
 * Editorial signals a take key or editor's note spells out: "1st Ld-Writethru" → writethru, "CORRECTS" →
 * correction, "UPDATES" / "REFILE" / "LEAD" → update.
 */
export function signalsFromText(value: string | undefined): string[] {
  if (!value) return [];
  // take keys and notes are short; the start is enough and keeps the patterns cheap
  value = value.slice(0, 500);
  const signals: string[] = [];
  if (/writethru|write-thru|write thru/i.test(value)) signals.push('writethru');
  if (/\bcorrect(?:s|ion|ed|ing)?\b|\bkorrektur|\bberichtigung|\bcorrige|\brectifica/i.test(value))
    signals.push('correction');
  if (/\bupdates?\b|\b(?:\d+(?:st|nd|rd|th)\s*)?(?:ld|lead)\b|\brefile\b|\bzusammenfassung\b|\bactualis/i.test(value))
    signals.push('update');
  return signals;
}

/**
 * Removes trailing characters while the test holds. Linear: a regular expression such as /[\s.]+$/ backtracks
 * quadratically over a long run of those characters that does not reach the end.
 */
export function trimEndWhile(value: string, test: (ch: string) => boolean): string {
  let end = value.length;
  while (end > 0 && test(value[end - 1])) end--;
  return value.slice(0, end);
}

const isSpace = (ch: string) => /\s/.test(ch);

/** Trailing whitespace and any of the given marks: trimEndOf("By X =", "=<") → "By X". */
export function trimEndOf(value: string, marks: string): string {
  return trimEndWhile(value, (ch) => isSpace(ch) || marks.includes(ch));
}

/** Leading and trailing newlines removed, in linear time. */
export function trimNewlines(value: string): string {
  let start = 0;
  while (start < value.length && value[start] === '\n') start++;
  return trimEndWhile(value.slice(start), (ch) => ch === '\n');
}

/** Bylines: "By John Smith", "By JOHN SMITH, Associated Press", "by Bryan DeArdo", "Par Jean Dupont", "Von Anna Weber". */

export interface Byline {
  /** the name(s), e.g. "John Smith" or "Jane Doe and John Roe" */
  by: string;
  /** what followed the names: agency, role, date */
  rest?: string;
}

const INTRO = /^(?:by|par|von|por|di|door|av|af|de)\s+/iu;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*|(?:van|von|de|da|der|den|del|la|le|di|du|bin|al|ibn|y)\b)`;
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s${NAME_WORD}){0,4}`;
const NAMES = new RegExp(String.raw`^(${NAME}(?:(?:\s*,\s*|\s+(?:and|und|et|y|e|&)\s+)${NAME}){0,4})`, 'u');

/** The byline in a short block, or undefined. */
export function parseByline(block: string): Byline | undefined {
  const text = block.trim();
  if (text.length > 160 || !INTRO.test(text)) return undefined;
  const afterIntro = text.replace(INTRO, '');
  const m = NAMES.exec(afterIntro);
  if (!m) return undefined;
  let by = m[1].trim();
  // "By JOHN SMITH, Associated Press": a trailing comma part that is an organisation, not a second person
  const rest = afterIntro
    .slice(m[0].length)
    .replace(/^[\s,|–—-]+/, '')
    .trim();
  const parts = by.split(/\s*,\s*/);
  if (
    parts.length > 1 &&
    /\b(?:Press|News|Times|Post|Journal|Agency|Reuters|AFP|Staff|Writer|Correspondent|Editor|Reporter)\b/.test(
      parts[parts.length - 1],
    )
  ) {
    by = parts.slice(0, -1).join(', ');
    return { by: normaliseName(by), rest: [parts[parts.length - 1], rest].filter(Boolean).join(', ') };
  }
  return { by: normaliseName(by), rest: rest || undefined };
}

/** "JOHN SMITH" → "John Smith"; names already in mixed case stay as written. */
function normaliseName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase())
    .replace(/\bAnd\b/g, 'and');
}

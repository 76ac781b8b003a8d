/**
 * WordPress-style shortcodes left in copy by CMS exports and feeds: "[dropcap]T[/dropcap]he", "[caption id=…]…
 * [/caption]", "[gallery ids=…]". A paired shortcode gives way to what it wraps; a media shortcode standing alone is
 * dropped. Only lower-case names count, and a name must be closed or known, so "[UPDATE 1]", "[1]" or "[sic]" in
 * running text stay as written.
 */
const KNOWN_ALONE = new Set(['gallery', 'audio', 'video', 'playlist', 'embed', 'dropcap', 'pullquote', 'caption']);
const TAG = /\[(\/?)([a-z][a-z0-9_-]{1,30})(?:\s[^\]\n]{0,300})?\]/g;

export function stripShortcodes(text: string): string {
  if (!text.includes('[')) return text;
  const closed = new Set<string>();
  for (const m of text.matchAll(TAG)) if (m[1] === '/') closed.add(m[2]);
  if (closed.size === 0 && ![...text.matchAll(TAG)].some((m) => KNOWN_ALONE.has(m[2]))) return text;
  return text.replace(TAG, (tag, _slash: string, name: string) =>
    closed.has(name) || KNOWN_ALONE.has(name) ? '' : tag,
  );
}

/**
 * ANPA 1312 special characters: in agate and text, a few ASCII positions stand for typographic characters the 7-bit
 * wire could not carry. "{" is ½ ("67{" is sixty-seven and a half, "{ mile"). Read only where it follows a figure or
 * stands alone, so a brace in running text stays a brace. Other positions of the set are left as sent: without the
 * sender's table they cannot be read safely.
 */
const HALF_AFTER_FIGURE = /(\d)\{/g;
const HALF_ALONE = /(^|\s)\{(?=\s|$|[,.;)])/g;

export function readAnpaCharacters(line: string): string {
  if (!line.includes('{')) return line;
  return line.replace(HALF_AFTER_FIGURE, '$1½').replace(HALF_ALONE, '$1½');
}

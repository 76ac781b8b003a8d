/**
 * Integer hashing for the recogniser's features: words and affixes are hashed from their characters in place (no
 * substring, no concatenation), then combined with a template number into a bucket of the weight table.
 */

/** FNV-1a over s[from, to), 32 bits. */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export const hashString = (s: string): number => hashRange(s, 0, s.length);

/** Murmur3's finaliser: spreads the bits of a combined key. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** One feature: a template number and up to two integer values (one mixing round: this runs ~25 times a token). */
export function feature(template: number, a: number, b = 0): number {
  return fmix((a + Math.imul(b, 0x27d4eb2f) + Math.imul(template + 1, 0x9e3779b1)) | 0);
}

import * as iconv from 'iconv-lite';

/**
 * Repairs text that was UTF-8, got decoded as windows-1252 (or latin1) and was encoded to UTF-8 again: "Ã©" for "é",
 * "â€™" for "’". Each suspicious run is mapped back to the bytes it came from and re-read as UTF-8; it is replaced
 * only when those bytes are valid UTF-8 that is shorter, i.e. when the run is clearly double-encoded. Ordinary accented
 * text ("né", "Straße") is never valid UTF-8 this way and stays as it is.
 */

/** char → byte for windows-1252 as iconv-lite decodes it, plus C1 controls and latin1 for the latin1 variant. */
const CHAR_TO_BYTE: Map<string, number> = (() => {
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    map.set(String.fromCharCode(b), b); // latin1 reading (C1 controls for 0x80-0x9F)
  }
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = iconv.decode(Buffer.from([b]), 'windows-1252');
    if (ch !== '\ufffd') map.set(ch, b); // windows-1252 reading wins where it differs
  }
  return map;
})();

const MOJIBAKE_RUN = (() => {
  const chars = [...CHAR_TO_BYTE.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return new RegExp(`[${chars}]{2,}`, 'g');
})();

/** A lead byte of a multi-byte UTF-8 sequence read as windows-1252, followed by a continuation byte. */
const MOJIBAKE_HINT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function redecodeRun(run: string): string {
  const bytes = Buffer.from([...run].map((c) => CHAR_TO_BYTE.get(c) ?? 0));
  // A run can hold valid sequences next to plain accented letters: decode greedily, keeping what does not decode.
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const len = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
    if (len > 1 && i + len <= bytes.length) {
      try {
        out += STRICT_UTF8.decode(bytes.subarray(i, i + len));
        i += len;
        continue;
      } catch {
        // not a sequence: keep the character as it was
      }
    }
    out += run[i]; // runs hold BMP characters that each stand for one byte, so byte i is character i
    i++;
  }
  return out;
}

export function hasMojibake(text: string): boolean {
  return MOJIBAKE_HINT.test(text);
}

/** Undo double encoding (up to twice, for triple-encoded copy). Returns the text unchanged when nothing is clear. */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  let current = text;
  let repaired = false;
  for (let pass = 0; pass < 2 && hasMojibake(current); pass++) {
    const next = current.replace(MOJIBAKE_RUN, (run) => (MOJIBAKE_HINT.test(run) ? redecodeRun(run) : run));
    if (next === current) break;
    current = next;
    repaired = true;
  }
  return { text: current, repaired };
}

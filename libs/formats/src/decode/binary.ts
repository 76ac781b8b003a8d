/**
 * Telling binary junk from text. Wire formats legitimately carry some control characters: IPTC 7901 and ANPA 1312
 * frame each message with SOH/STX/ETX/EOT, ANPA starts with SYN SYN, and both use BEL, VT, FF, RS, US, DC1-DC4 and ESC
 * for urgency bells, tab stops and typesetting codes. Those are allowed; NULs and the rest are not.
 */
const WIRE_CONTROLS = [
  0x01, 0x02, 0x03, 0x04, 0x07, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x11, 0x12, 0x13, 0x14, 0x16, 0x1b, 0x1e, 0x1f,
];

/** 1 for every byte value that no text format uses (NUL counted apart): a table, as every byte of the sample is looked up. */
const JUNK_BYTE = (() => {
  const table = new Uint8Array(256);
  for (let b = 1; b < 0x20; b++) table[b] = 1;
  for (const b of WIRE_CONTROLS) table[b] = 0;
  table[0x7f] = 1;
  return table;
})();

/** Magic numbers of common binary files that sometimes get posted as "copy". */
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'bzip2', bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'RIFF', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'OLE', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

export function binaryMagic(bytes: Buffer): string | undefined {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.name;
}

/** Share of bytes in the sample that no text format uses: NULs and the control characters wire copy never carries. */
export function junkControlRatio(bytes: Buffer, sampleSize = 65536): { nul: number; junk: number; ratio: number } {
  const n = Math.min(bytes.length, sampleSize);
  let nul = 0;
  let junk = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else junk += JUNK_BYTE[b];
  }
  return { nul, junk, ratio: n === 0 ? 0 : (nul + junk) / n };
}

/**
 * UTF-16 without a byte order mark: text in Latin scripts then has a NUL in every other byte. Returns the byte order
 * when one half of the byte pairs is mostly NUL and the other half almost never.
 */
export function guessBomlessUtf16(bytes: Buffer, sampleSize = 4096): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, sampleSize) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return 'utf-16be';
  return undefined;
}

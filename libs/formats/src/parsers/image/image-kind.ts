import { ErrorCode, WireError } from '@wiredesk/contracts';

export type ImageKind = 'jpeg' | 'png' | 'tiff' | 'webp';

export const IMAGE_MIME_TYPES: Record<ImageKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
};

const startsWith = (bytes: Buffer, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** The picture format the opening bytes announce (magic numbers), or undefined for anything else. */
export function sniffImage(bytes: Buffer): ImageKind | undefined {
  if (bytes.length < 4) return undefined;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

export interface ImageSize {
  width?: number;
  height?: number;
}

function malformed(kind: ImageKind, why: string): WireError {
  return new WireError(ErrorCode.MALFORMED_IMAGE, `The ${kind.toUpperCase()} picture cannot be read: ${why}.`);
}

/**
 * Checks that the picture's own structure is there (a JPEG frame header, a PNG header chunk, a TIFF first directory,
 * a WebP image chunk) and reads its size from it. A picture cut short or damaged before its image data is
 * MALFORMED_IMAGE; the metadata blocks are read elsewhere.
 */
export function readImageStructure(bytes: Buffer, kind: ImageKind): ImageSize {
  switch (kind) {
    case 'jpeg':
      return jpegSize(bytes);
    case 'png':
      if (bytes.length < 33 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw malformed(kind, 'no IHDR header');
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    case 'tiff':
      return tiffCheck(bytes);
    case 'webp':
      return webpSize(bytes);
  }
}

/** JPEG: walk the marker segments up to the first start-of-frame (SOF0-SOF15 except DHT, JPG and DAC). */
function jpegSize(bytes: Buffer): ImageSize {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) throw malformed('jpeg', `no marker at byte ${i}`);
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > bytes.length) break;
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    if (marker === 0xda || length < 2) break; // scan data before any frame header
    i += 2 + length;
  }
  throw malformed('jpeg', 'it ends before its frame header');
}

function tiffCheck(bytes: Buffer): ImageSize {
  const ifd = tiffFirstIfd(bytes);
  if (!ifd) throw malformed('tiff', 'its first image directory is missing or cut short');
  const width = ifd.entries.get(256);
  const height = ifd.entries.get(257);
  return {
    width: width ? ifd.readValue(width)?.[0] : undefined,
    height: height ? ifd.readValue(height)?.[0] : undefined,
  };
}

interface TiffEntry {
  type: number;
  count: number;
  /** where the value is: inside the entry when it fits in 4 bytes, else at the offset the entry gives */
  valueAt: number;
}

const TIFF_TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 7: 1, 9: 4, 13: 4, 16: 8 };

/** The first image directory of a TIFF file: its tags, and a reader for short and long values. */
export function tiffFirstIfd(bytes: Buffer):
  | {
      entries: Map<number, TiffEntry>;
      readValue(e: TiffEntry): number[] | undefined;
      bytesOf(e: TiffEntry): Buffer | undefined;
    }
  | undefined {
  if (bytes.length < 8) return undefined;
  const le = bytes[0] === 0x49;
  const u16 = (at: number) => (le ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const offset = u32(4);
  if (offset < 8 || offset + 2 > bytes.length) return undefined;
  const count = u16(offset);
  if (offset + 2 + count * 12 > bytes.length) return undefined;
  const entries = new Map<number, TiffEntry>();
  for (let n = 0; n < count; n++) {
    const at = offset + 2 + n * 12;
    const type = u16(at + 2);
    const values = u32(at + 4);
    const size = (TIFF_TYPE_SIZES[type] ?? 1) * values;
    entries.set(u16(at), { type, count: values, valueAt: size <= 4 ? at + 8 : u32(at + 8) });
  }
  const bytesOf = (e: TiffEntry) => {
    const size = (TIFF_TYPE_SIZES[e.type] ?? 1) * e.count;
    return e.valueAt + size <= bytes.length ? bytes.subarray(e.valueAt, e.valueAt + size) : undefined;
  };
  const readValue = (e: TiffEntry) => {
    if (e.type !== 3 && e.type !== 4) return undefined;
    if (!bytesOf(e)) return undefined;
    const out: number[] = [];
    for (let k = 0; k < Math.min(e.count, 16); k++)
      out.push(e.type === 3 ? u16(e.valueAt + 2 * k) : u32(e.valueAt + 4 * k));
    return out;
  };
  return { entries, readValue, bytesOf };
}

/** The chunks of a RIFF/WebP file: fourcc and payload. */
export function webpChunks(bytes: Buffer): { id: string; data: Buffer }[] {
  const chunks: { id: string; data: Buffer }[] = [];
  let i = 12;
  while (i + 8 <= bytes.length) {
    const id = bytes.toString('latin1', i, i + 4);
    const size = bytes.readUInt32LE(i + 4);
    if (i + 8 + size > bytes.length) break;
    chunks.push({ id, data: bytes.subarray(i + 8, i + 8 + size) });
    i += 8 + size + (size & 1);
  }
  return chunks;
}

function webpSize(bytes: Buffer): ImageSize {
  const chunks = webpChunks(bytes);
  const vp8x = chunks.find((c) => c.id === 'VP8X');
  const image = chunks.find((c) => c.id === 'VP8 ' || c.id === 'VP8L');
  if (!image) throw malformed('webp', 'it holds no image chunk');
  if (vp8x && vp8x.data.length >= 10) {
    return { width: 1 + vp8x.data.readUIntLE(4, 3), height: 1 + vp8x.data.readUIntLE(7, 3) };
  }
  if (image.id === 'VP8 ' && image.data.length >= 10) {
    return { width: image.data.readUInt16LE(6) & 0x3fff, height: image.data.readUInt16LE(8) & 0x3fff };
  }
  if (image.id === 'VP8L' && image.data.length >= 5) {
    const bits = image.data.readUInt32LE(1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return {};
}

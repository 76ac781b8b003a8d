import type { ImageKind } from './image-kind';
import { tiffFirstIfd, webpChunks } from './image-kind';

/**
 * exifr reads metadata from JPEG, TIFF and PNG, but not from WebP, and it fails on the IPTC IIM block of a TIFF. For
 * those, the blocks are lifted out of the file and handed to exifr in the container it reads best: a JPEG made only
 * of metadata segments (APP1 EXIF, APP1 XMP, APP13 Photoshop/IIM). No pixels are decoded or copied.
 */
export interface MetadataBlocks {
  /** a TIFF structure (EXIF) */
  exif?: Buffer;
  /** an XMP packet */
  xmp?: Buffer;
  /** IPTC IIM datasets */
  iim?: Buffer;
}

const TIFF_TAG_IPTC = 33723;
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const PHOTOSHOP_HEADER = Buffer.from('Photoshop 3.0\0', 'latin1');
const MAX_SEGMENT = 65533;

/** The blocks exifr would not find itself in this picture, or undefined when exifr reads the file as it is. */
export function blocksExifrMisses(bytes: Buffer, kind: ImageKind): MetadataBlocks | undefined {
  if (kind === 'webp') {
    const chunks = webpChunks(bytes);
    const exif = chunks.find((c) => c.id === 'EXIF')?.data;
    return {
      exif: exif && exif.subarray(0, 6).equals(EXIF_HEADER) ? exif.subarray(6) : exif,
      xmp: chunks.find((c) => c.id === 'XMP ')?.data,
    };
  }
  if (kind === 'tiff') {
    const ifd = tiffFirstIfd(bytes);
    const entry = ifd?.entries.get(TIFF_TAG_IPTC);
    const iim = entry && ifd?.bytesOf(entry);
    return iim ? { iim } : undefined;
  }
  return undefined;
}

function segment(marker: number, header: Buffer, data: Buffer): Buffer | undefined {
  const length = 2 + header.length + data.length;
  if (length > MAX_SEGMENT) return undefined;
  const head = Buffer.from([0xff, marker, length >> 8, length & 0xff]);
  return Buffer.concat([head, header, data]);
}

/** A Photoshop image resource block 0x0404 (IPTC-NAA) holding the IIM datasets. */
function photoshopIim(iim: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const pad = iim.length % 2 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0x00, 0x00]), size, iim, pad]);
}

/** A JPEG of metadata segments only, for exifr. */
export function metadataOnlyJpeg(blocks: MetadataBlocks): Buffer {
  const parts: (Buffer | undefined)[] = [Buffer.from([0xff, 0xd8])];
  if (blocks.exif) parts.push(segment(0xe1, EXIF_HEADER, blocks.exif));
  if (blocks.xmp) parts.push(segment(0xe1, XMP_HEADER, blocks.xmp));
  if (blocks.iim) parts.push(segment(0xed, PHOTOSHOP_HEADER, photoshopIim(blocks.iim)));
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts.filter((p): p is Buffer => p !== undefined));
}

import { createHash } from 'node:crypto';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { RAW_COPY_HREF, emptyItem, type WireItem, type WirePicture } from '../../model/wire-item';
import type { ParseInput, WireParser } from '../parser';
import { IMAGE_MIME_TYPES, readImageStructure, sniffImage } from './image-kind';
import { readPictureMetadata, type PictureMetadata } from './picture-metadata';

/** A picture and what its metadata says beyond the picture association itself (for a picture item). */
export interface ReadPicture {
  picture: WirePicture;
  metadata: PictureMetadata;
}

/**
 * A JPEG, PNG, TIFF or WebP as a picture: caption, credit, photographer, rights from its embedded metadata, and one
 * rendition pointing at the stored raw copy of the delivery (`part` names the picture inside a larger delivery, e.g.
 * an e-mail attachment). Throws MALFORMED_IMAGE when the bytes are no readable picture.
 */
export async function readPicture(bytes: Buffer, part?: string): Promise<ReadPicture> {
  const kind = sniffImage(bytes);
  if (!kind) throw new WireError(ErrorCode.MALFORMED_IMAGE, 'The input is no JPEG, PNG, TIFF or WebP picture.');
  const size = readImageStructure(bytes, kind);
  const metadata = await readPictureMetadata(bytes, kind);
  const rendition = {
    href: part ? `${RAW_COPY_HREF}#part=${encodeURIComponent(part)}` : RAW_COPY_HREF,
    mimetype: IMAGE_MIME_TYPES[kind],
    width: size.width ?? metadata.width,
    height: size.height ?? metadata.height,
  };
  const picture: WirePicture = {
    type: 'picture',
    name: part,
    caption: metadata.caption,
    credit: metadata.credit,
    by: metadata.by,
    copyrightNotice: metadata.copyrightNotice,
    altText: metadata.headline,
    renditions: [rendition],
  };
  return { picture, metadata };
}

/** The ednote lines a picture's metadata asks for: instructions, and a date that could not be placed in time. */
function pictureNotes(metadata: PictureMetadata): string | undefined {
  const notes = [];
  if (metadata.instructions) notes.push(metadata.instructions);
  if (metadata.createdWithoutZone) notes.push(`Taken ${metadata.createdWithoutZone} (no time zone given).`);
  if (!metadata.headline && !metadata.caption && !metadata.credit)
    notes.push('The picture carries no caption or credit.');
  return notes.length ? notes.join(' ') : undefined;
}

/** One picture delivery → one picture item. */
export async function pictureItem(bytes: Buffer): Promise<WireItem> {
  const { picture, metadata } = await readPicture(bytes);
  const item = emptyItem('image');
  item.type = 'picture';
  // the picture's own bytes are its identity: the same picture sent twice is one item
  item.sourceId = `urn:wiredesk:picture:${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
  item.headline = metadata.headline;
  item.byline = metadata.by;
  item.located =
    metadata.city && metadata.country ? `${metadata.city}, ${metadata.country}` : (metadata.city ?? metadata.country);
  item.firstCreated = metadata.created;
  item.contentCreated = metadata.created;
  item.copyrightNotice = metadata.copyrightNotice;
  item.keywords = metadata.keywords;
  item.language = metadata.language;
  item.edNote = pictureNotes(metadata);
  item.pictures = [{ ...picture, altText: undefined }];
  return item;
}

export const imageParser: WireParser = {
  format: 'image',
  sniff: (input: ParseInput) => (sniffImage(input.bytes) ? 1 : 0),
  parse: () => {
    throw new WireError(ErrorCode.INTERNAL_ERROR, 'Pictures are read by parseWireAsync.');
  },
  parseAsync: async (input: ParseInput) => [await pictureItem(input.bytes)],
};

import { isUtf8 } from 'node:buffer';
import { parse as readExif } from 'exifr';
import { toIsoDateTime } from '../common/dates';
import type { ImageKind } from './image-kind';
import { blocksExifrMisses, metadataOnlyJpeg } from './metadata-blocks';

/** What a picture's embedded IPTC IIM, XMP and EXIF blocks say about it, merged. */
export interface PictureMetadata {
  headline?: string;
  /** the title or object name, when different from the headline */
  title?: string;
  caption?: string;
  credit?: string;
  /** the photographer */
  by?: string;
  copyrightNotice?: string;
  keywords: string[];
  city?: string;
  country?: string;
  /** when the picture was taken, with its zone; undefined when the picture gives no zone */
  created?: string;
  /** the date as the picture gives it, kept when it has no zone (never read as UTC) */
  createdWithoutZone?: string;
  instructions?: string;
  /** the language of the caption when XMP names one */
  language?: string;
  width?: number;
  height?: number;
}

type Block = Record<string, unknown>;

const EXIFR_OPTIONS = {
  tiff: true,
  ifd0: true,
  exif: true,
  gps: false,
  ifd1: false,
  interop: false,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: true,
  makerNote: false,
  userComment: false,
  mergeOutput: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
  silentErrors: true,
  chunked: false,
} as const;

/** exifr's answer for a picture, never throwing: a picture without readable metadata is still a picture. */
async function readBlocks(bytes: Buffer, kind: ImageKind): Promise<Record<string, Block>> {
  const read = async (input: Buffer, options: object) => {
    try {
      return ((await readExif(input, options)) ?? {}) as Record<string, Block>;
    } catch {
      return {};
    }
  };
  const missed = blocksExifrMisses(bytes, kind);
  if (kind === 'webp') return missed ? read(metadataOnlyJpeg(missed), EXIFR_OPTIONS) : {};
  const own = await read(bytes, kind === 'tiff' ? { ...EXIFR_OPTIONS, iptc: false } : EXIFR_OPTIONS);
  if (missed?.iim) Object.assign(own, await read(metadataOnlyJpeg({ iim: missed.iim }), EXIFR_OPTIONS));
  return own;
}

/**
 * IIM text is bytes in a charset record 1:90 names (UTF-8 today, Latin-1 in older files); exifr reads it as Latin-1.
 * Latin-1 text whose bytes are valid UTF-8 with some non-ASCII was UTF-8.
 */
function iimText(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : value;
}

/** A text value of any block: strings, XMP language alternatives ({lang, value}) and single-item lists. */
function text(value: unknown, iim = false): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return text(value[0], iim);
  if (typeof value === 'object') return text((value as { value?: unknown }).value, iim);
  const s = String(value).replace(/\0+$/, '').trim();
  if (!s) return undefined;
  return iim ? iimText(s) : s;
}

function list(value: unknown, iim = false): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((v) => text(v, iim)).filter((v): v is string => Boolean(v));
}

function first(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v !== '');
}

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** The moment the picture was taken: XMP, then IIM date + time, then EXIF with its offset tag. */
function dateTaken(xmp: Block, iim: Block, exif: Block): { created?: string; withoutZone?: string } {
  const candidates: string[] = [];
  const xmpDate = text(xmp.DateCreated);
  if (xmpDate) candidates.push(xmpDate.replace(/^(\d{4}):(\d{2}):(\d{2})/, '$1-$2-$3'));
  const iimDate = text(iim.DateCreated);
  const iimTime = text(iim.TimeCreated);
  if (iimDate && /^\d{8}$/.test(iimDate)) {
    const d = `${iimDate.slice(0, 4)}-${iimDate.slice(4, 6)}-${iimDate.slice(6, 8)}`;
    const t = iimTime && /^(\d{2})(\d{2})(\d{2})([+-]\d{4})?$/.exec(iimTime);
    candidates.push(t ? `${d}T${t[1]}:${t[2]}:${t[3]}${t[4] ?? ''}` : d);
  }
  const exifDate = text(exif.DateTimeOriginal) ?? text(exif.CreateDate);
  if (exifDate) {
    const iso = exifDate.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');
    candidates.push(`${iso}${text(exif.OffsetTimeOriginal) ?? text(exif.OffsetTime) ?? ''}`);
  }
  for (const candidate of candidates) {
    if (HAS_ZONE.test(candidate)) {
      const created = toIsoDateTime(candidate);
      if (created) return { created };
    }
  }
  return { withoutZone: candidates[0] };
}

/** Everything the picture says about itself. XMP wins over IIM, IIM over EXIF (IPTC's guidance for readers). */
export async function readPictureMetadata(bytes: Buffer, kind: ImageKind): Promise<PictureMetadata> {
  const blocks = await readBlocks(bytes, kind);
  const iim = blocks.iptc ?? {};
  const dc = blocks.dc ?? {};
  const ps = blocks.photoshop ?? {};
  const core = blocks.Iptc4xmpCore ?? {};
  const ifd0 = blocks.ifd0 ?? {};
  const exif = blocks.exif ?? {};
  const ihdr = blocks.ihdr ?? {};
  const title = first(text(dc.title), text(iim.ObjectName, true));
  const headline = first(text(ps.Headline), text(iim.Headline, true), title);
  const description = dc.description as { lang?: string } | undefined;
  const lang = typeof description === 'object' && description?.lang;
  const { created, withoutZone } = dateTaken(ps, iim, exif);
  const num = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
  return {
    headline,
    title: title !== headline ? title : undefined,
    caption: first(text(dc.description), text(iim.Caption, true), text(ifd0.ImageDescription)),
    credit: first(text(ps.Credit), text(iim.Credit, true), text(iim.Source, true)),
    by: first(
      list(dc.creator).join(', ') || undefined,
      list(iim.Byline, true).join(', ') || undefined,
      text(ifd0.Artist),
    ),
    copyrightNotice: first(text(dc.rights), text(iim.CopyrightNotice, true), text(ifd0.Copyright)),
    keywords: [...new Set([...list(dc.subject), ...list(iim.Keywords, true)])],
    city: first(text(ps.City), text(iim.City, true)),
    country: first(text(ps.Country), text(iim.Country, true), text(core.CountryCode), text(iim.CountryCode, true)),
    created,
    createdWithoutZone: created ? undefined : withoutZone,
    instructions: first(text(ps.Instructions), text(iim.SpecialInstructions, true)),
    language: lang && lang !== 'x-default' ? lang : undefined,
    width: num(ifd0.ImageWidth) ?? num(ihdr.ImageWidth) ?? num(exif.ExifImageWidth),
    height: num(ifd0.ImageHeight) ?? num(ihdr.ImageHeight) ?? num(exif.ExifImageHeight),
  };
}

/**
 * The one story model every format parser produces. It says what the copy says, in the source's terms, cleaned of
 * markup and encoding damage. Turning it into ninjs (identity, versions, enrichment) happens later, in libs/ninjs and
 * libs/pipeline, so every format ends in the same article.
 */
export type WireFormat =
  | 'text'
  | 'html'
  | 'nitf'
  | 'newsml-g2'
  | 'newsml-1'
  | 'iptc7901'
  | 'anpa1312'
  | 'ninjs'
  | 'rss'
  | 'atom'
  | 'cp-publish'
  | 'ritzau'
  | 'email'
  | 'image';

export const WIRE_FORMATS: readonly WireFormat[] = [
  'text',
  'html',
  'nitf',
  'newsml-g2',
  'newsml-1',
  'iptc7901',
  'anpa1312',
  'ninjs',
  'rss',
  'atom',
  'cp-publish',
  'ritzau',
  'email',
  'image',
];

/**
 * A rendition href standing for "the stored raw copy of this delivery" (parsers do not know the ingest id). The
 * pipeline resolves it to the archive's raw-copy URL; a fragment (`#part=name`) names the part of the delivery.
 */
export const RAW_COPY_HREF = 'urn:wiredesk:raw-copy';

export type PubStatus = 'usable' | 'withheld' | 'canceled';

/** A block of body text. Paragraphs are plain text; headings and list items keep their kind for the XHTML body. */
export interface BodyBlock {
  kind: 'p' | 'h' | 'li' | 'pre' | 'blockquote' | 'table';
  text: string;
  /** for tables: rows of cells, kept so agate stays readable */
  rows?: string[][];
}

export interface WirePicture {
  uri?: string;
  name?: string;
  /** the caption without its credit */
  caption?: string;
  /** the credit line, e.g. "AFP/File" */
  credit?: string;
  /** the photographer, when the credit names one */
  by?: string;
  altText?: string;
  copyrightNotice?: string;
  renditions?: { href: string; mimetype?: string; width?: number; height?: number }[];
  type?: 'picture' | 'video' | 'audio' | 'graphic';
}

export interface WireSubject {
  /** full URI or qcode as the source gives it, e.g. "medtop:20000763", "subj:11000000", "http://cv.iptc.org/..." */
  code: string;
  name?: string;
  /** the code as a full URI, when its scheme is known (medtop: → http://cv.iptc.org/newscodes/mediatopic/...) */
  uri?: string;
}

export interface WireLink {
  /** "previous-version" | "corrects" | "package-item" | "related" | ... */
  rel: string;
  href: string;
  title?: string;
}

export interface WireItem {
  format: WireFormat;
  /** the source's own item id, without any version suffix (NewsML-G2 guid, NITF doc-id, ninjs uri) */
  sourceId?: string;
  version?: number;
  pubStatus?: PubStatus;
  /** editorial signals: "update", "correction", "kill", "writethru" */
  signals?: string[];
  /** take key or similar e.g. "1st Ld-Writethru" */
  edNote?: string;
  headline?: string;
  subheadline?: string;
  slugline?: string;
  byline?: string;
  /** place named by the dateline, e.g. "Brussels" */
  located?: string;
  /** the dateline as printed, e.g. "BRUSSELS (AFP) -" */
  dateline?: string;
  /** the agency or provider, e.g. "AFP" */
  agency?: string;
  /** BCP 47 when the source says */
  language?: string;
  firstCreated?: string;
  versionCreated?: string;
  contentCreated?: string;
  embargoedUntil?: string;
  urgency?: number;
  body: BodyBlock[];
  /** the source's own XHTML body, sanitized, when it had markup */
  bodyXhtml?: string;
  abstract?: string;
  pictures: WirePicture[];
  keywords: string[];
  subjects: WireSubject[];
  genres: string[];
  section?: string;
  copyrightHolder?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  altIds?: { role: string; value: string }[];
  links: WireLink[];
  /** for a package: ids of the items it groups */
  packageItemIds?: string[];
  type?: 'text' | 'picture' | 'video' | 'audio' | 'graphic' | 'composite';
  /** source word count when the header gives one: kept only to report disagreement, never copied */
  declaredWordCount?: number;
}

export function emptyItem(format: WireFormat): WireItem {
  return { format, body: [], pictures: [], keywords: [], subjects: [], genres: [], links: [] };
}

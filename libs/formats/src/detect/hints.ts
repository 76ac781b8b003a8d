import { WIRE_FORMATS, type WireFormat } from '../model/wire-item';

/** Names people and systems use for each format, in `wd-format`, `--format` and `X-Wire-Format`. */
const FORMAT_ALIASES: Record<string, WireFormat> = {
  text: 'text',
  txt: 'text',
  plain: 'text',
  'text/plain': 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  'text/html': 'html',
  nitf: 'nitf',
  'newsml-g2': 'newsml-g2',
  newsmlg2: 'newsml-g2',
  g2: 'newsml-g2',
  newsml2: 'newsml-g2',
  'newsml-2': 'newsml-g2',
  'newsml-1': 'newsml-1',
  newsml1: 'newsml-1',
  'newsml-1.2': 'newsml-1',
  newsml12: 'newsml-1',
  newsml: 'newsml-1',
  iptc7901: 'iptc7901',
  'iptc-7901': 'iptc7901',
  '7901': 'iptc7901',
  anpa1312: 'anpa1312',
  'anpa-1312': 'anpa1312',
  anpa: 'anpa1312',
  ninjs: 'ninjs',
  json: 'ninjs',
  rss: 'rss',
  rss2: 'rss',
  'rss-2.0': 'rss',
  atom: 'atom',
  'cp-publish': 'cp-publish',
  cp: 'cp-publish',
  ritzau: 'ritzau',
  email: 'email',
  'e-mail': 'email',
  eml: 'email',
  mime: 'email',
  rfc822: 'email',
  'message/rfc822': 'email',
  image: 'image',
  picture: 'image',
  photo: 'image',
};

/** The format an explicit override names, or undefined when it names none. */
export function formatFromName(name: string | undefined): WireFormat | undefined {
  if (!name) return undefined;
  const key = name.trim().toLowerCase();
  if ((WIRE_FORMATS as readonly string[]).includes(key)) return key as WireFormat;
  return FORMAT_ALIASES[key];
}

/** The format a MIME type suggests. Generic XML types suggest nothing: the root element decides. */
export function formatFromContentType(contentType: string | undefined): WireFormat | undefined {
  if (!contentType) return undefined;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain') return 'text';
  if (type === 'application/rss+xml') return 'rss';
  if (type === 'application/atom+xml') return 'atom';
  if (type === 'application/nitf+xml' || type.includes('nitf')) return 'nitf';
  if (type.startsWith('application/vnd.iptc.g2') || type.includes('newsml-g2') || type.includes('newsmlg2')) {
    return 'newsml-g2';
  }
  if (type.includes('newsml')) return 'newsml-1';
  if (type.includes('ninjs') || type === 'application/json') return 'ninjs';
  if (type.includes('anpa')) return 'anpa1312';
  if (type.includes('7901')) return 'iptc7901';
  if (type === 'message/rfc822' || type === 'application/mbox') return 'email';
  if (type.startsWith('image/')) return 'image';
  return undefined;
}

const EXTENSIONS: Record<string, WireFormat> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  nitf: 'nitf',
  g2: 'newsml-g2',
  newsml: 'newsml-1',
  json: 'ninjs',
  ninjs: 'ninjs',
  rss: 'rss',
  atom: 'atom',
  anpa: 'anpa1312',
  '7901': 'iptc7901',
  ipt: 'iptc7901',
  eml: 'email',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  tif: 'image',
  tiff: 'image',
  webp: 'image',
};

/** The format a file name suggests, from its extension. */
export function formatFromFilename(filename: string | undefined): WireFormat | undefined {
  if (!filename) return undefined;
  const base = filename.split(/[\\/]/).pop() ?? '';
  const m = /\.([A-Za-z0-9]+)$/.exec(base);
  return m ? EXTENSIONS[m[1].toLowerCase()] : undefined;
}

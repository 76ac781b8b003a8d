/**
 * Content-Type by file extension, for the tools that deliver files (ingest CLI, `wiredesk up`, benchmarks). Ingest
 * detects the format from the bytes anyway; the type only helps with the charset and with plain HTTP clients.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.nitf': 'application/xml',
  '.g2': 'application/xml',
  '.newsml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.ninjs': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.ndjson': 'application/x-ndjson',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.anpa': 'text/plain',
  '.anpa1312': 'text/plain',
  '.iptc': 'text/plain',
  '.ipt': 'text/plain',
  '.7901': 'text/plain',
  '.eml': 'message/rfc822',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

export function contentTypeForFile(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[name.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

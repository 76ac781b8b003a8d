import { canonicalCharset } from './charset-names';

/** Where a declared charset came from, strongest claim first. */
export type DeclarationSource = 'content-type' | 'xml' | 'html-meta';

export interface CharsetDeclaration {
  source: DeclarationSource;
  /** the label as written */
  label: string;
  /** canonical name, undefined when the label names nothing iconv-lite knows */
  charset?: string;
}

/** The charset parameter of a MIME content type, e.g. `text/plain; charset="ISO-8859-1"`. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2];
}

/** The encoding pseudo-attribute of an XML declaration at the very start of the document. */
export function charsetFromXmlDeclaration(head: string): string | undefined {
  const m = /^\s*<\?xml\s[^?>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m?.[1];
}

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the head of an HTML page. */
export function charsetFromHtmlMeta(head: string): string | undefined {
  const direct = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (direct) return direct[1];
  return undefined;
}

/**
 * Every charset the input claims. The bytes are read as ASCII for this: all the labels we look for are ASCII, and
 * ASCII-compatible encodings keep them readable whatever the real charset.
 */
export function findDeclarations(bytes: Buffer, contentType?: string): CharsetDeclaration[] {
  const found: CharsetDeclaration[] = [];
  const add = (source: DeclarationSource, label: string | undefined) => {
    if (label) found.push({ source, label, charset: canonicalCharset(label) });
  };
  add('content-type', charsetFromContentType(contentType));
  const head = bytes.subarray(0, 4096).toString('latin1');
  add('xml', charsetFromXmlDeclaration(head));
  if (/<(html|head|meta)[\s>]/i.test(head)) add('html-meta', charsetFromHtmlMeta(head));
  return found;
}

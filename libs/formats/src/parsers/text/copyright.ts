/** Copyright lines: "© 2018 AFP", "Copyright 2019 The Associated Press. All rights reserved.", "(c) Reuters 2019". */

export interface Copyright {
  /** the notice as printed, e.g. "© 2018 AFP" */
  notice: string;
  /** who holds it, e.g. "AFP" */
  holder?: string;
  year?: string;
}

const COPYRIGHT = /^(?:copyright\s*(?:©|\(c\)|ⓒ|Ⓒ)?|©|\(c\)|ⓒ|Ⓒ)\s*(.{0,120})$/iu;
const RESERVED =
  /\s*[.,;]?\s*(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|reservados todos los derechos)\.?\s*$/iu;

/** A block that is only a copyright line (perhaps followed by the usual reproduction notice), or undefined. */
/** How every match of COPYRIGHT starts: a line that does not start so is no copyright line, whatever follows. */
const COPYRIGHT_START = /^(?:copyright|©|\(c\)|ⓒ|Ⓒ)/iu;

export function parseCopyright(block: string): Copyright | undefined {
  const text = block.trim();
  if (text.length > 600) return undefined;
  // the line below is a prefix of the text: test its start first, before looking for "all rights reserved"
  if (!COPYRIGHT_START.test(text)) return undefined;
  const reserved = /^(.*?\ball rights reserved\b\.?)/iu.exec(text);
  // "Copyright 2019 The Associated Press. All rights reserved. This material may not be published…"
  const line = reserved ? reserved[1] : text;
  if (line.length > 140) return undefined;
  const m = COPYRIGHT.exec(line);
  if (!m) return undefined;
  let rest = m[1].replace(RESERVED, '').trim();
  const year = /\b(1[89]\d\d|2\d{3})(?:\s*[-–]\s*(?:1[89]\d\d|2\d{3}))?\b/.exec(rest);
  rest = rest
    .replace(/\b(?:1[89]\d\d|2\d{3})(?:\s*[-–]\s*(?:1[89]\d\d|2\d{3}))?\b/g, '')
    .replace(/^[\s,.©-]+|[\s,.-]+$/g, '')
    .trim();
  // "dpa-infocom, dpa:190312-99-123456/2": an item id after the holder is not part of the name
  rest = rest.replace(/\s*[,;]\s*\S*\d\S*$/u, '').trim();
  if (rest.split(/\s+/).length > 8) return undefined;
  return { notice: line, holder: rest || undefined, year: year?.[1] };
}

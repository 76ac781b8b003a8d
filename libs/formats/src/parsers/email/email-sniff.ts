/** Header fields nearly every e-mail carries, and only e-mail: their presence in the opening block decides. */
const MAIL_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'date',
  'subject',
  'mime-version',
  'received',
  'message-id',
  'return-path',
  'delivered-to',
  'content-type',
  'content-transfer-encoding',
  'reply-to',
  'dkim-signature',
  'x-mailer',
  'in-reply-to',
  'references',
]);
/** Of those, the ones that show a message rather than any "Name: value" list. */
const DECISIVE = new Set(['from', 'date', 'mime-version', 'received', 'message-id', 'return-path', 'delivered-to']);

const FIELD = /^([!-9;-~]+):[ \t]?(.*)$/;
const HEAD_CHARS = 16384;

/** An mbox "From " separator line before the headers, and blank or space-only lines: not part of the message. */
export function messageStart(text: string): number {
  let i = 0;
  const blank = /[ \t]*\r?\n/y;
  for (blank.lastIndex = 0; i < 4096 && blank.exec(text); blank.lastIndex = i) i = blank.lastIndex;
  if (text.startsWith('From ', i)) {
    const eol = text.indexOf('\n', i);
    if (eol > 0) i = eol + 1;
  }
  return i;
}

/**
 * How sure the opening text is an RFC 5322 message: its first block (up to the first blank line) must be made only of
 * header fields and their folded continuations, with several of the fields mail carries, among them one that only
 * mail has (From, Date, Received, Message-ID, MIME-Version…). Cheap: reads the first 16 KB.
 */
export function sniffEmail(text: string): number {
  const start = messageStart(text);
  const end = Math.min(text.length, start + HEAD_CHARS);
  let fields = 0;
  const known = new Set<string>();
  let decisive = 0;
  // line by line without splitting the head: most inputs fail on their first line
  for (let at = start; at < end;) {
    const eol = text.indexOf('\n', at);
    const lineEnd = eol < 0 || eol > end ? end : eol;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    at = lineEnd + 1;
    if (line.trim() === '') break;
    if (line[0] === ' ' || line[0] === '\t') {
      if (fields === 0) return 0; // a continuation before any field
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) return 0; // a line that is no header field: not a header block
    fields++;
    const name = m[1].toLowerCase();
    if (MAIL_HEADERS.has(name)) known.add(name);
    if (DECISIVE.has(name)) decisive++;
  }
  if (decisive === 0 || known.size < 2) return 0;
  if (known.size >= 4 && decisive >= 2) return 0.95;
  return known.size >= 3 ? 0.8 : 0.5;
}

import { ErrorCode, WireError, isWireError } from '@wiredesk/contracts';
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { repairMojibake } from '../../decode/mojibake';
import { emptyItem, type WireItem, type WirePicture } from '../../model/wire-item';
import { extractContent } from '../html/content';
import { parseDocument } from '../html/dom';
import { sniffImage } from '../image/image-kind';
import { readPicture } from '../image/image-parser';
import type { ParseInput, WireParser } from '../parser';
import { titleCasePlace } from '../text/dateline';
import { readEmailCopy } from './email-text';
import { authorOf } from './email-sender';
import { messageStart, sniffEmail } from './email-sniff';
import { readFormSubmission } from './form-fields';

/** Reads a whole delivery (an attached story or message): set by the parse entry point, which owns detection. */
export type DeliveryReader = (bytes: Buffer, hints: { filename?: string; contentType?: string }) => Promise<WireItem[]>;

let readAttachedDelivery: DeliveryReader | undefined;

/** parse.ts hands its own reader in, so an attachment is parsed as what it is without an import cycle. */
export function useDeliveryReader(reader: DeliveryReader): void {
  readAttachedDelivery = reader;
}

const REPLY_PREFIX = /^(?:\s*(?:re|fwd?|aw|wg|tr|sv|vs|rv|enc|r)\s*(?:\[\d+\])?\s*:\s*)+/i;
/** Below this, an attached text says too little to be a story of its own (e.g. a test file). */
const MIN_STORY_WORDS = 30;

const fixText = (s: string | undefined) => (s ? repairMojibake(s).text.trim() : undefined);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function describe(a: Attachment): string {
  const size = a.size >= 1024 ? `${Math.round(a.size / 1024)} KB` : `${a.size} bytes`;
  return `${a.filename ?? 'unnamed'} (${a.contentType}, ${size})`;
}

interface AttachmentResult {
  pictures: WirePicture[];
  stories: WireItem[];
  /** text attachments that read as plain copy: used as the body when the mail has none */
  texts: WireItem[];
  notes: string[];
}

async function readAttachments(mail: ParsedMail): Promise<AttachmentResult> {
  const result: AttachmentResult = { pictures: [], stories: [], texts: [], notes: [] };
  for (const a of mail.attachments) {
    const name = a.filename ?? a.cid ?? `part-${result.pictures.length + result.stories.length + 1}`;
    if (sniffImage(a.content)) {
      try {
        result.pictures.push((await readPicture(a.content, name)).picture);
      } catch (e) {
        if (!isWireError(e)) throw e;
        result.notes.push(`Attachment ${describe(a)} is no readable picture.`);
      }
      continue;
    }
    if (!readAttachedDelivery) throw new WireError(ErrorCode.INTERNAL_ERROR, 'No reader for attachments.');
    try {
      const items = await readAttachedDelivery(a.content, { filename: a.filename, contentType: a.contentType });
      const plain = items.every((i) => i.format === 'text');
      if (!plain) result.stories.push(...items);
      else result.texts.push(...items);
    } catch (e) {
      if (!isWireError(e)) throw e;
      result.notes.push(`Attachment ${describe(a)} is not wire copy (${e.code}): left out.`);
    }
  }
  return result;
}

/** The text of an HTML-only mail, paragraph by paragraph (mailparser gives no text part for it). */
function htmlText(html: string | false | undefined): string {
  if (!html) return '';
  const body = parseDocument(html).body;
  return body
    ? extractContent(body)
        .blocks.map((b) => b.text)
        .join('\n\n')
    : '';
}

/** The mail's own story: headline from a labelled field or the subject, body from the text part or a form's JSON. */
function mailStory(mail: ParsedMail): WireItem {
  const item = emptyItem('email');
  const subject = fixText(mail.subject)?.replace(REPLY_PREFIX, '');
  const from = mail.from?.value[0];
  const sender = from ? { name: fixText(from.name), address: from.address } : undefined;
  const text = mail.text?.trim() ? mail.text : htmlText(mail.html);
  const form = readFormSubmission(text);
  const notes: string[] = [];
  if (form) {
    item.headline = form.headline ?? subject;
    item.abstract = form.abstract;
    item.byline = form.byline;
    item.slugline = form.slugline;
    item.located = form.located && titleCasePlace(form.located);
    item.section = form.section;
    item.genres = form.genres;
    item.keywords = form.keywords;
    item.urgency = form.urgency;
    item.body = form.body;
    if (form.unmapped.length) notes.push(`Form answers: ${form.unmapped.join('; ')}.`);
  } else {
    const copy = readEmailCopy(text);
    item.headline = copy.fields.headline ?? subject;
    item.abstract = copy.fields.abstract;
    item.slugline = copy.fields.slugline ?? (copy.deskLines.length ? copy.deskLines.join(' / ') : undefined);
    item.byline = copy.byline ?? authorOf(sender);
    item.located = copy.located;
    item.body = copy.blocks;
    if (copy.fields.keywords) item.keywords = copy.fields.keywords.split(/\s*[,;]\s*/).filter(Boolean);
    if (copy.leftOut.length) notes.push(`Left out of the e-mail: ${copy.leftOut.join('; ')}.`);
    if (subject && copy.fields.headline && subject !== copy.fields.headline) notes.push(`E-mail subject: ${subject}.`);
  }
  item.sourceId = mail.messageId?.replace(/^<|>$/g, '') || undefined;
  if (mail.date && !Number.isNaN(mail.date.getTime())) {
    item.firstCreated = mail.date.toISOString();
    item.versionCreated = item.firstCreated;
  }
  const language = mail.headers.get('content-language');
  if (typeof language === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(language.trim())) {
    item.language = language.trim();
  }
  if (notes.length) item.edNote = notes.join(' ');
  return item;
}

function appendNote(item: WireItem, note: string): void {
  item.edNote = item.edNote ? `${item.edNote} ${note}` : note;
}

/**
 * One e-mail (RFC 5322 / MIME, through mailparser) → its stories: the message's own story (subject, sender, date,
 * text or form body) with the attached pictures as associations, then any story attached in a wire format (NITF,
 * NewsML, ninjs, another message). A plain-text attachment is the body when the mail has none, a story of its own
 * when it is long enough, else named in the ednote; nothing is left out without a note.
 */
export async function parseEmail(bytes: Buffer): Promise<WireItem[]> {
  const text = bytes.toString('latin1');
  const start = messageStart(text);
  let mail: ParsedMail;
  try {
    mail = await simpleParser(bytes.subarray(start), {
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
  } catch (e) {
    throw new WireError(ErrorCode.MALFORMED_EMAIL, `The e-mail cannot be read: ${(e as Error).message}.`);
  }
  if (!mail.from && !mail.subject && !mail.date) {
    throw new WireError(ErrorCode.MALFORMED_EMAIL, 'The e-mail has no From, Subject or Date header.');
  }
  const attached = await readAttachments(mail);
  const main = mailStory(mail);
  main.pictures = attached.pictures;
  for (const t of attached.texts) {
    const attachedWords = t.body.reduce((n, b) => n + words(b.text), 0);
    if (main.body.length === 0) main.body = t.body;
    else if (attachedWords >= MIN_STORY_WORDS) attached.stories.push(t);
    else appendNote(main, `A text attachment of ${attachedWords} words was not used as a story.`);
  }
  for (const note of attached.notes) appendNote(main, note);
  const mainHasStory = main.body.length > 0 || main.pictures.length > 0;
  if (!mainHasStory && attached.stories.length > 0) {
    // the mail only carries its attachments: they are the stories, the mail's notes go with the first
    if (main.edNote) appendNote(attached.stories[0], main.edNote);
    return attached.stories;
  }
  return [main, ...attached.stories];
}

export const emailParser: WireParser = {
  format: 'email',
  sniff: (input: ParseInput) => sniffEmail(input.text),
  parse: () => {
    throw new WireError(ErrorCode.INTERNAL_ERROR, 'E-mail is read by parseWireAsync.');
  },
  parseAsync: (input: ParseInput) => parseEmail(input.bytes),
};

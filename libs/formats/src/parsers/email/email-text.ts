import type { BodyBlock } from '../../model/wire-item';
import { parseByline } from '../text/byline';
import { parseDateline } from '../text/dateline';

/** A plain-text e-mail body read as copy: the story's paragraphs and what the sender put around them. */
export interface EmailCopy {
  blocks: BodyBlock[];
  /** labelled fields at the top ("Headline: …", "Abstract: …"), by role */
  fields: Partial<Record<CopyField, string>>;
  byline?: string;
  located?: string;
  /** short desk or keyword lines before the story ("SDA", "Gol PGA") */
  deskLines: string[];
  /** what was left out on purpose (signature, footer), said in the article's ednote */
  leftOut: string[];
}

export type CopyField = 'headline' | 'abstract' | 'slugline' | 'byline' | 'dateline' | 'keywords';

/** Labels senders put before fields of copy typed into a mail, in the languages of the wires we read. */
const FIELD_LABELS: Record<string, CopyField> = {
  headline: 'headline',
  head: 'headline',
  hed: 'headline',
  title: 'headline',
  titel: 'headline',
  titre: 'headline',
  titulo: 'headline',
  título: 'headline',
  titular: 'headline',
  überschrift: 'headline',
  schlagzeile: 'headline',
  abstract: 'abstract',
  summary: 'abstract',
  standfirst: 'abstract',
  intro: 'abstract',
  lead: 'abstract',
  chapeau: 'abstract',
  resumen: 'abstract',
  zusammenfassung: 'abstract',
  slug: 'slugline',
  slugline: 'slugline',
  catchline: 'slugline',
  byline: 'byline',
  dateline: 'dateline',
  keywords: 'keywords',
  tags: 'keywords',
};

const LABELLED = /^([\p{L}]{2,20})\s*:\s+(\S.*)$/u;
const SIG_DELIMITER = /^-- ?$/;
const RULE = /^\s*[_=\-*~]{8,}\s*$/;
const CONTACT =
  /^(?:ph|phone|tel|tél|mob|mobile|cell|fax|twitter|skype|e-?mail|web|www)\b[^:]*:?|@\w|https?:\/\/|\+\d[\d ()-]{6,}/i;
const SENTENCE_END = /[.!?…"”»)]$/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The lines of a paragraph, joined where the sender's mailer hard-wrapped them and kept apart where they are lines. */
function paragraphsOf(chunk: string): string[] {
  const lines = chunk
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    // a wrapped line is long and stops mid-sentence; the next one carries on
    if (prev !== undefined && prev.length >= 60 && prev.length <= 80 && !SENTENCE_END.test(prev)) {
      out[out.length - 1] = `${prev} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Cuts a signature ("-- " line) and a footer under a rule (confidentiality notices), saying what went. */
function withoutSignature(lines: string[], leftOut: string[]): string[] {
  const sig = lines.findIndex((l) => SIG_DELIMITER.test(l));
  let kept = lines;
  if (sig >= 0) {
    const cut = kept
      .slice(sig + 1)
      .join(' ')
      .trim();
    if (cut) leftOut.push(`signature (${words(cut)} words)`);
    kept = kept.slice(0, sig);
  }
  // a rule followed by a short tail: a mailer's or a company's footer
  for (let i = kept.length - 1; i >= 0; i--) {
    if (!RULE.test(kept[i])) continue;
    const tail = kept
      .slice(i + 1)
      .join(' ')
      .trim();
    const before = kept.slice(0, i).join(' ').trim();
    if (words(tail) <= 80 && words(before) > words(tail)) {
      if (tail) leftOut.push(`footer "${tail.slice(0, 60)}${tail.length > 60 ? '…' : ''}"`);
      kept = kept.slice(0, i);
    }
    break;
  }
  return kept;
}

/** A sign-off block at the end: short lines with contact details or the writer's name and title. */
function signOffStart(paragraphs: string[], byline: string | undefined): number {
  let start = paragraphs.length;
  let contacts = 0;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i];
    const short = words(p) <= 8 && !SENTENCE_END.test(p);
    if (!short && !CONTACT.test(p)) break;
    if (CONTACT.test(p) || (byline && p === byline)) contacts++;
    start = i;
  }
  return contacts > 0 && paragraphs.length - start >= 2 ? start : paragraphs.length;
}

/**
 * A plain-text body as copy: labelled fields and desk lines at the top, a byline, the dateline's place, the story's
 * paragraphs, with signature, footer and sign-off left out (and listed in `leftOut`).
 */
export function readEmailCopy(text: string): EmailCopy {
  const leftOut: string[] = [];
  const lines = withoutSignature(text.replace(/\r\n?/g, '\n').split('\n'), leftOut);
  const chunks = lines.join('\n').split(/\n\s*\n/);
  let paragraphs = chunks.flatMap(paragraphsOf);
  const fields: EmailCopy['fields'] = {};
  const deskLines: string[] = [];
  let byline: string | undefined;
  // the top: labelled fields, desk lines and a byline, until the first paragraph of the story
  let top = 0;
  const labelled = paragraphs.slice(0, 8).some((p) => FIELD_LABELS[LABELLED.exec(p)?.[1].toLowerCase() ?? '']);
  for (; top < paragraphs.length; top++) {
    const p = paragraphs[top];
    const m = LABELLED.exec(p);
    const field = m && FIELD_LABELS[m[1].toLowerCase()];
    if (field) {
      fields[field] ??= m[2].trim();
      continue;
    }
    const by = words(p) <= 8 ? parseByline(p) : undefined;
    if (by && !byline) {
      byline = by.by;
      continue;
    }
    if (labelled && words(p) <= 4 && !SENTENCE_END.test(p) && top < 8) {
      deskLines.push(p);
      continue;
    }
    break;
  }
  paragraphs = paragraphs.slice(top);
  byline ??= fields.byline;
  const end = signOffStart(paragraphs, byline);
  if (end < paragraphs.length) {
    leftOut.push(`sign-off "${paragraphs.slice(end).join(' / ').slice(0, 80)}"`);
    paragraphs = paragraphs.slice(0, end);
  }
  const dateline = paragraphs[0] ? parseDateline(paragraphs[0]) : undefined;
  return {
    blocks: paragraphs.map((p) => ({ kind: 'p' as const, text: p })),
    fields,
    byline,
    located: dateline?.located,
    deskLines,
    leftOut,
  };
}

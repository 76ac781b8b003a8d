import type { WireItem } from '../../model/wire-item';
import { clean, normalizeSpace } from './text';

/**
 * Editorial furniture inside the copy that is not story: agency sign-offs closing the text ("/ritzau/", "==Kyodo",
 * "ends"), notices between asterisks ("*** TRANSLATED ***", "*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION … ***"),
 * and a missing headline, which the lead then provides (an alert or flash is only its text).
 */

/** A closing line that is only the agency's sign-off. */
const SIGN_OFF = /^(?:\/\s*[a-z]{2,12}\s*\/|={1,3}\s*[a-z][a-z ]{1,20}|ends|\(?end\)?|-0-|nnnn)$/i;
/** The same sign-off glued to the end of the last paragraph ("… landsmand. /ritzau/"). */
const TRAILING_SIGN_OFF = /\s+(?:\/[a-z]{2,12}\/|={2,3}[a-z]{2,20})$/i;
/** A notice between asterisks, alone or glued to a headline or summary. */
const STARRED_NOTICE = /\*{3}\s*([^*]{3,200}?)\s*\*{3}/g;

function addNote(item: WireItem, note: string): void {
  if (item.edNote?.includes(note)) return;
  item.edNote = item.edNote ? `${item.edNote} ${note}` : note;
}

/** Sign-offs closing the body go; the agency they name stays known. */
export function liftSignOff(item: WireItem): void {
  const last = item.body[item.body.length - 1];
  if (!last || last.kind === 'table' || last.kind === 'pre') return;
  const text = normalizeSpace(last.text);
  if (SIGN_OFF.test(text)) {
    item.body.pop();
    return;
  }
  const glued = TRAILING_SIGN_OFF.exec(text);
  if (glued) item.body[item.body.length - 1] = { ...last, text: text.slice(0, glued.index) };
}

/**
 * "*** … ***" notices move from the headline, summary and body to the editor's note. An automated translation's
 * declared language is the original's, not the text's: it is dropped so that detection decides.
 */
export function liftStarredNotices(item: WireItem): void {
  const notices: string[] = [];
  const strip = (value: string | undefined): string | undefined => {
    if (!value || !value.includes('***')) return value;
    return clean(value.replace(STARRED_NOTICE, (_, notice: string) => (notices.push(notice.trim()), ' ')));
  };
  item.headline = strip(item.headline);
  item.abstract = strip(item.abstract);
  item.body = item.body.filter((b) => {
    if (!b.text.includes('***')) return true;
    const rest = strip(b.text);
    if (rest) b.text = rest;
    return rest !== undefined;
  });
  if (notices.length === 0) return;
  for (const n of notices) addNote(item, n);
  if (notices.some((n) => /translat|översätt|käännös/i.test(n))) delete item.language;
}

const MAX_DERIVED = 120;
/** Longest alert taken whole as its headline. */
const MAX_ALERT_WORDS = 60;

/** An item without a headline takes its lead's first sentence (an alert: all of it), and says so. */
export function headlineFromLead(item: WireItem): void {
  if (clean(item.headline) || item.body.length === 0) return;
  const lead = item.body.find((b) => b.kind === 'p' || b.kind === 'h');
  const text = lead ? normalizeSpace(lead.text) : '';
  if (!text) return;
  // a sentence ends where the next one starts with a capital: "U.S. relationship" runs on
  const sentence = /^.{20,}?[.!?](?=\s+[\p{Lu}"“‘'(]|$)/u.exec(text)?.[0] ?? text;
  // an alert or flash whose only text is one sentence: all of it, however long
  const alert =
    item.body.length === 1 && sentence === text && /[.!?]$/.test(text) && text.split(/\s+/).length <= MAX_ALERT_WORDS;
  let headline = sentence;
  if (!alert && headline.length > MAX_DERIVED) {
    const cut = headline.slice(0, MAX_DERIVED);
    headline = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[\s,;:–-]+$/, '')}…`;
  }
  item.headline = headline;
  addNote(item, 'Headline taken from the first paragraph: the source gave none.');
}

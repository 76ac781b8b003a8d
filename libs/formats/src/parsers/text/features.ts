/**
 * What a block of scraped text looks like, in numbers a story finder can weigh: how long it is, whether it reads as
 * prose (sentences, punctuation, mostly lower-case words) and whether it says what page furniture says.
 */
import type { TextBlock } from './blocks';

export interface BlockFeatures {
  /** word count; scripts written without spaces count one word per two characters */
  words: number;
  chars: number;
  /** ends like a sentence (or a quote, or an intro colon) */
  endsSentence: boolean;
  /** sentence-internal punctuation per word */
  punctuationDensity: number;
  /** share of words starting with a capital letter, among words in cased scripts */
  capitalised: number;
  /** page furniture: navigation, sharing, subscription, cookie and advertising notices */
  boilerplate: boolean;
  /** a teaser or link: "Read more", "…" endings, "Watch:", "See also" */
  teaser: boolean;
  /** metadata lines: dates, times, reading time, counts */
  metadata: boolean;
  /** a comments section heading */
  commentsHeading: boolean;
  /** a commenter's "… says:" line (one alone may be a quote's introduction) */
  commenter: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const SENTENCE_END = /[.!?。！？…"”»’)\]:;؟।]$/u;
const INNER_PUNCTUATION = /[,;:.!?，、。：；]/gu;

export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const spaced = text.replace(UNSPACED, ' ').match(WORD)?.length ?? 0;
  return spaced + Math.ceil(unspaced / 2);
}

/**
 * Page furniture in the languages of the wire: whole short lines, or the opening words of a notice. These are general
 * web conventions, not the wording of any one site.
 */
const FURNITURE_LINE = new RegExp(
  [
    String.raw`^(?:share|share this(?: article| story| entry)?|tweet|e-?mail|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|pocket|messenger|telegram|copy link|comments?|\d+ comments?|leave a (?:comment|reply)|reply|menu|search|home|close|next|previous|prev|back|more|sections|subscribe|sign in|sign up|log in|login|register|newsletter|advertisement|advertising|ad|sponsored|promoted|related|related (?:articles|stories|posts|content|topics|coverage|news|videos?)|most (?:popular|read|viewed|shared)|trending(?: now)?|popular|recommended(?: for you| videos)?|don'?t miss|must read|top stories|latest(?: news| stories| videos| shows)?|watch|replay|live|video|videos|photos?|gallery|listen|podcast|tags?|topics|categories|filed under|skip to (?:main )?content|back to top|go to top|cookie settings|accept(?: all)?(?: cookies)?|privacy(?: policy| notice)?|terms(?: of (?:use|service))?|contact(?: us)?|about(?: us)?|careers|help|faq|sitemap|site map|rss|follow us|read more|read less|see more|see all|view all|view more|show more|load more|continue reading|click here|learn more|more from [^.]{2,40}|more on this(?: story)?|you (?:may|might) also like|also read|see also|read also|read next|up next|next up|advertise(?: with us)?|today'?s paper|e-?edition|subscribe now|get the app|download the app|image \d+ of\s*\/?\s*\d+|\d+\s*(?:of|\/)\s*\d+|captions?|enlarge(?: this image)?|expand|toggle caption|hide caption|show caption|mehr zum thema|weitere artikel|lesen sie auch|auch interessant|teilen|drucken|anzeige|werbung|kommentare|partager|lire aussi|à lire aussi|voir aussi|publicité|compartir|leer más|lea también|publicidad|condividi|leggi anche|pubblicità|compartilhar|leia também|leia mais|publicidade|deel|lees ook|поделиться|читайте также|реклама)\s*[:.!»›>|\-–—]*$`,
    // end-of-story marks and agency desk signatures ("bur-jm/kl", "dk/sw")
    String.raw`|^(?:\(?end\)?|ends|###|-30-|[-—–]+\s*end\s*[-—–]+|x{3,}|(?:[a-z]{2,5}[-/]){1,4}[a-z]{2,5})$`,
  ].join(''),
  'iu',
);

/** Notices that run to a sentence or two and open the same way wherever they appear. */
const NOTICE = new RegExp(
  [
    String.raw`^(?:we use cookies|this (?:site|website) uses cookies|by (?:continuing|using) (?:to use )?(?:this|our) (?:site|website)|`,
    String.raw`sign up (?:for|to) (?:our|the)|subscribe (?:to|for) (?:our|the)|get (?:our|the) (?:free |daily |weekly )?newsletter|`,
    String.raw`you must be logged in|you have \d+ (?:free )?articles?|already a subscriber|to read the full|`,
    String.raw`this (?:article|story|content) (?:is|was) (?:only )?available|your browser does not support|please enable javascript|`,
    String.raw`this video|watch the video|click (?:here|to)|tap (?:here|to)|follow (?:us|@)|like us on|join us on|`,
    String.raw`all rights reserved|terms of (?:use|service)|privacy policy|copyright ©|`,
    String.raw`this material may not be (?:published|reproduced)|quotes (?:are )?delayed|market data (?:provided|powered)|`,
    String.raw`this (?:document|article|content) is (?:subject to|protected by) copyright|`,
    String.raw`as you comment|please (?:be respectful|keep (?:your )?comments)|comments (?:are|will be) (?:moderated|reviewed)|`,
    String.raw`\(?(?:reporting|writing|editing|additional reporting|compiled|produced|graphics?) by\s\p{Lu}|`,
    String.raw`nous utilisons des cookies|wir verwenden cookies|utilizamos cookies|usiamo i cookie|`,
    String.raw`abonnez-vous|inscrivez-vous|jetzt abonnieren|suscríbete|iscriviti)`,
  ].join(''),
  'iu',
);

/** Short calls to action, wherever they sit in the line: "GET FOX BUSINESS ON THE GO BY CLICKING HERE". */
const CALL_TO_ACTION =
  /\b(?:click(?:ing)? here|continue reading|read more|read the full|sign up (?:for|to)|subscribe (?:to|now|for)|download (?:our|the) app|follow us on|share (?:this|on)|tap here)\b/iu;

/** A bare web address or e-mail address. */
const URL_ONLY =
  /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|@\w{2,}|(?:twitter|facebook|instagram|linkedin)\.com\/\S+)(?:\s+(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|@\w{2,}|(?:twitter|facebook|instagram|linkedin)\.com\/\S+))*$/iu;

/** Cookie and consent notices run long, but always talk about cookies and the site together. */
const COOKIES =
  /\bcookies?\b(?=.*\b(?:website|site|browser|consent|privacy|experience|navigat\w*|tracking)\b)|\b(?:website|site|browser|consent|privacy)\b(?=.*\bcookies?\b)/iu;

/** Teasers and links: "Read more", a trailing "…" on a truncated summary, "WATCH:", "Photos:", "Video:". */
const TEASER =
  /(?:\bread (?:more|full story)\b|\bcontinue reading\b|\bmore »|»\s*$|\.\.\.$|…$|^(?:watch|video|photos|gallery|listen|live|opinion|analysis|exclusive)\s*[:|])/iu;

/** Dates, times, reading times, counts, view numbers: metadata, not prose. */
const METADATA = new RegExp(
  [
    String.raw`^(?:(?:published|updated|posted|last updated|first published|modified|created|mis à jour|publié|aktualisiert|veröffentlicht|actualizado|publicado|aggiornato|pubblicato)\b.{0,60}|`,
    String.raw`\d+\s*(?:min(?:ute)?s?|mins?)\s*(?:read|de lecture|lesezeit)?|`,
    String.raw`(?:\w+,?\s+)?(?:\d{1,2}\s+\p{L}{3,10}\.?|\p{L}{3,10}\.?\s+\d{1,2}),?\s+\d{4}(?:[, ]+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?|`,
    String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?(?:\s+\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AP]M)?(?:\s*(?:[A-Z]{2,4}|Uhr|h))?)?|`,
    String.raw`\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|`,
    String.raw`[\d.,]+[km]?\s*(?:shares?|views?|comments?|likes?|reads?)|`,
    String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|[\d\s.,:/%+-]+)$`,
  ].join(''),
  'iu',
);

/** Headings of comment sections. */
const COMMENTS_HEADING = new RegExp(
  [
    String.raw`^[[(]?\s*(?:[\p{L}\d]+\s+){0,3}(?:comments?|responses?|replies|reactions?)(?:\s+(?:to|on)\b.*)?\s*[:(]?\s*\d*\s*[)\]]?$|`,
    String.raw`^(?:leave|post|add|write|submit) a (?:comment|reply|response)|^(?:comments are closed|join the (?:discussion|conversation))|`,
    String.raw`^(?:\d+\s+)?(?:kommentare?|commentaires?|comentarios?|commenti|comentários|reacties|комментари\p{L}*)\s*[:(]?\d*\)?$`,
  ].join(''),
  'iu',
);
/** The line that introduces one comment: "joe says:", "Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:". */
const COMMENTER = /^(?:\d+\.\s*)?\S.{0,60}\s(?:says|said|wrote|writes|dit|schreibt|escribió|disse):$/iu;

/**
 * A teaser card flattened to one line: a Title Case headline run straight into its summary with no space between
 * ("…Emerging As Strong WR OptionsThe 49ers and …").
 */
function isGluedTeaser(text: string): boolean {
  const tokens = text.split(/\s+/).filter(Boolean);
  let cased = 0;
  let upper = 0;
  // One pass over the first words: the headline part has 5 to 25 words, mostly capitalised.
  for (let i = 0; i < Math.min(tokens.length, 25); i++) {
    const token = tokens[i];
    // "OptionsThe", "Rise?Violence", "DetroitHoodline"; never "McDonald", "WeWork", "LeBron": the headline's last word
    // ends in three lower-case letters before the glued capital
    const glued = /^(\p{L}\S*\p{Ll}{3})[?!.]?\p{Lu}\p{Ll}+$/u.exec(token);
    if (glued && i >= 4) {
      const headCapital = isCapitalised(glued[1]);
      const share = (upper + (headCapital ? 1 : 0)) / Math.max(1, cased + (headCapital === undefined ? 0 : 1));
      if (share >= 0.75 && tokens.length - i - 1 >= 4) return true;
    }
    const capital = isCapitalised(token);
    if (capital !== undefined) {
      cased++;
      if (capital) upper++;
    }
  }
  return false;
}

/** Whether a word starts with a capital; undefined for words in scripts without case or starting with no letter. */
function isCapitalised(word: string): boolean | undefined {
  const first = /\p{L}/u.exec(word)?.[0];
  if (!first || first.toLowerCase() === first.toUpperCase()) return undefined;
  return first === first.toUpperCase();
}

function capitalisedShare(text: string): number {
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  let cased = 0;
  let upper = 0;
  for (const w of words) {
    const first = w[0];
    const lower = first.toLowerCase();
    const upperCh = first.toUpperCase();
    if (lower === upperCh) continue; // uncased script
    cased++;
    if (first === upperCh) upper++;
  }
  return cased === 0 ? 0 : upper / cased;
}

/**
 * Longest block the furniture patterns look at. Furniture is short; a longer block is prose or junk, and some of the
 * patterns cost more than linear time on long input, so they never see it.
 */
const MAX_PATTERN_CHARS = 1500;

export function featuresOf(block: TextBlock): BlockFeatures {
  const text = block.text;
  const words = countWords(text);
  const punctuation = text.match(INNER_PUNCTUATION)?.length ?? 0;
  const short = text.length <= MAX_PATTERN_CHARS;
  return {
    words,
    chars: text.length,
    endsSentence: SENTENCE_END.test(text),
    punctuationDensity: words === 0 ? 0 : punctuation / words,
    capitalised: capitalisedShare(text),
    boilerplate:
      short &&
      (FURNITURE_LINE.test(text) ||
        URL_ONLY.test(text) ||
        (words <= 14 && CALL_TO_ACTION.test(text)) ||
        (words <= 60 && NOTICE.test(text)) ||
        (words <= 200 && COOKIES.test(text))),
    teaser: short && ((words <= 40 && TEASER.test(text)) || (words <= 80 && isGluedTeaser(text))),
    metadata: short && words <= 16 && METADATA.test(text),
    commentsHeading: short && words <= 20 && COMMENTS_HEADING.test(text),
    commenter: short && words <= 20 && COMMENTER.test(text),
  };
}

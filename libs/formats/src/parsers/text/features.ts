/**
 * What a block of scraped text looks like, in numbers a story finder can weigh: how long it is, whether it reads as
 * prose (sentences, punctuation, mostly lower-case words) and whether it says what page furniture says.
 */
import type { TextBlock } from './blocks';
import {
  CASED,
  LETTER,
  LOWERCASE_LETTER,
  MARK,
  NUMBER,
  SPACE,
  UNSPACED,
  UPPER,
  UPPERCASE_LETTER,
  charClass,
  codePointAt,
  codePointWidth,
} from './char-class';

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

/**
 * What one pass over a block counts (the regular expressions it stands for, applied as they would be):
 * - words: matches of /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*\/gu once the scripts written without spaces are blanked,
 *   plus one word per two characters of those scripts;
 * - tokens: runs of characters other than whitespace;
 * - glue: whether /\p{Ll}[?!.]?\p{Lu}/u matches;
 * - punctuation: matches of /[,;:.!?，、。：；]/gu;
 * - capitalised: among the words of /\p{L}[\p{L}\p{M}'’-]*\/gu whose first UTF-16 unit has case, the share in upper
 *   case.
 */
interface TextCounts {
  words: number;
  /** runs of non-spaces: text.split(/\s+/).filter(Boolean).length */
  tokens: number;
  /** somewhere a lower-case letter runs into an upper-case one, perhaps over "?", "!" or ".": /\p{Ll}[?!.]?\p{Lu}/u */
  glue: boolean;
  punctuation: number;
  capitalised: number;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const UNDERSCORE = 0x5f;
const HYPHEN = 0x2d;

function isInnerPunctuation(unit: number): boolean {
  switch (unit) {
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3a: // :
    case 0x2e: // .
    case 0x21: // !
    case 0x3f: // ?
    case 0xff0c: // ，
    case 0x3001: // 、
    case 0x3002: // 。
    case 0xff1a: // ：
    case 0xff1b: // ；
      return true;
    default:
      return false;
  }
}

function countText(text: string): TextCounts {
  let spaced = 0;
  let unspaced = 0;
  let inWord = false;
  let inCasedWord = false;
  let cased = 0;
  let upper = 0;
  let punctuation = 0;
  let tokens = 0;
  let inToken = false;
  let glue = false;
  let lowerBefore = false; // the code point before the previous one is \p{Ll}
  let lowerPrevious = false;
  let stopPrevious = false; // the previous code point is "?", "!" or "."

  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i);
    const width = codePointWidth(cp);
    const bits = charClass(cp);
    if (bits & SPACE) inToken = false;
    else if (!inToken) {
      inToken = true;
      tokens++;
    }
    if (bits & UPPERCASE_LETTER && (lowerPrevious || (stopPrevious && lowerBefore))) glue = true;
    lowerBefore = lowerPrevious;
    lowerPrevious = (bits & LOWERCASE_LETTER) !== 0;
    stopPrevious = cp === 0x3f || cp === 0x21 || cp === 0x2e;
    if (width === 1 && isInnerPunctuation(cp)) punctuation++;
    const joiner = cp === APOSTROPHE || cp === RIGHT_QUOTE || cp === HYPHEN;
    if (bits & UNSPACED) {
      unspaced++;
      inWord = false;
    } else if (!(inWord && ((bits & (LETTER | MARK | NUMBER)) !== 0 || joiner || cp === UNDERSCORE))) {
      inWord = (bits & (LETTER | NUMBER)) !== 0;
      if (inWord) spaced++;
    }
    if (!(inCasedWord && ((bits & (LETTER | MARK)) !== 0 || joiner))) {
      inCasedWord = (bits & LETTER) !== 0;
      // a word's first UTF-16 unit decides; half of a surrogate pair has no case
      if (inCasedWord && width === 1 && bits & CASED) {
        cased++;
        if (bits & UPPER) upper++;
      }
    }
    i += width;
  }
  return {
    words: spaced + Math.ceil(unspaced / 2),
    tokens,
    glue,
    punctuation,
    capitalised: cased === 0 ? 0 : upper / cased,
  };
}

export function countWords(text: string): number {
  return countText(text).words;
}

/** /[.!?。！？…"”»’)\]:;؟।]$/u: the last character closes a sentence, a quote or an introduction. */
function endsSentence(text: string): boolean {
  switch (text.charCodeAt(text.length - 1)) {
    case 0x2e: // .
    case 0x21: // !
    case 0x3f: // ?
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x2026: // …
    case 0x22: // "
    case 0x201d: // ”
    case 0xbb: // »
    case 0x2019: // ’
    case 0x29: // )
    case 0x5d: // ]
    case 0x3a: // :
    case 0x3b: // ;
    case 0x61f: // ؟
    case 0x964: // ।
      return true;
    default:
      return false;
  }
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

/** A glued token: "OptionsThe", "Rise?Violence", "DetroitHoodline"; at least six characters. */
const GLUED = /^(\p{L}\S*\p{Ll}{3})[?!.]?\p{Lu}\p{Ll}+$/u;
const GLUED_MIN_CHARS = 6;
/** The headline part of a teaser card: its glued word is among the first 25, after four others and before four more. */
const HEADLINE_MAX_WORDS = 25;
const WORDS_AROUND_GLUE = 4;

/**
 * A teaser card flattened to one line: a Title Case headline run straight into its summary with no space between
 * ("…Emerging As Strong WR OptionsThe 49ers and …").
 */
function isGluedTeaser(text: string, counts: TextCounts): boolean {
  // a glued word, with four words before it and four after it
  if (!counts.glue || counts.tokens < 2 * WORDS_AROUND_GLUE + 1) return false;
  const tokens = text.split(/\s+/).filter(Boolean);
  let cased = 0;
  let upper = 0;
  let counted = 0;
  for (let i = WORDS_AROUND_GLUE; i < Math.min(tokens.length, HEADLINE_MAX_WORDS); i++) {
    const token = tokens[i];
    if (tokens.length - i - 1 < WORDS_AROUND_GLUE || token.length < GLUED_MIN_CHARS) continue;
    // "OptionsThe", "Rise?Violence", "DetroitHoodline"; never "McDonald", "WeWork", "LeBron": the headline's last word
    // ends in three lower-case letters before the glued capital
    const glued = GLUED.exec(token);
    if (!glued) continue;
    // the headline part so far is mostly capitalised
    for (; counted < i; counted++) {
      const capital = isCapitalised(tokens[counted]);
      if (capital !== undefined) {
        cased++;
        if (capital) upper++;
      }
    }
    const headCapital = isCapitalised(glued[1]);
    const share = (upper + (headCapital ? 1 : 0)) / Math.max(1, cased + (headCapital === undefined ? 0 : 1));
    if (share >= 0.75) return true;
  }
  return false;
}

/** Whether a word starts with a capital; undefined for words in scripts without case or starting with no letter. */
function isCapitalised(word: string): boolean | undefined {
  for (let i = 0; i < word.length;) {
    const cp = codePointAt(word, i);
    const bits = charClass(cp);
    if (bits & LETTER) {
      if (!(bits & CASED)) return undefined;
      return (bits & UPPER) !== 0;
    }
    i += codePointWidth(cp);
  }
  return undefined;
}

/**
 * Longest block the furniture patterns look at. Furniture is short; a longer block is prose or junk, and some of the
 * patterns cost more than linear time on long input, so they never see it.
 */
const MAX_PATTERN_CHARS = 1500;

/**
 * Cheap tests that every match of a pattern passes: the pattern itself runs only on the blocks that pass. The words
 * looked for in the lower-cased text use only letters whose every case-insensitive (/iu) equivalent lower-cases to
 * the letter itself, so a match can never be missed ("s" is left out: "ſ" matches it and stays "ſ").
 */
function mayBeCookieNotice(lower: string): boolean {
  return lower.includes('cookie');
}

function mayBeTeaser(text: string, lower: string): boolean {
  // "read more", "read full story", "continue reading"; "more »" and "»" at the end; "..." and "…" at the end;
  // "Watch:" and the other labels before ":" or "|"
  return (
    lower.includes('read') ||
    text.includes('»') ||
    text.includes('...') ||
    text.includes('…') ||
    text.includes(':') ||
    text.includes('|')
  );
}

function mayBeCallToAction(lower: string): boolean {
  return ['click', 'read', 'ign up', 'cribe', 'download', 'follow', 'hare', 'tap here'].some((w) => lower.includes(w));
}

function mayBeCommentsHeading(lower: string): boolean {
  // comment(s), kommentar(e), commentaire(s), comentario(s), commenti, comentários, комментари…; responses, replies,
  // reactions, reacties; "join the discussion"
  return ['ment', 'ммен', 'pon', 'repl', 'reacti', 'join'].some((w) => lower.includes(w));
}

/** Every match of METADATA: a leading keyword, a digit, a count of shares, views… or nothing but [\s.,:/%+-]. */
const METADATA_KEYWORD_INITIALS = 'pulfmcav';
const ONLY_NUMBER_PUNCTUATION = /^[\s.,:/%+-]+$/;

function mayBeMetadata(text: string, lower: string): boolean {
  if (METADATA_KEYWORD_INITIALS.includes(lower.charAt(0))) return true;
  if (/\d/.test(text)) return true;
  if (['hare', 'view', 'comment', 'like', 'read'].some((w) => lower.includes(w))) return true;
  return ONLY_NUMBER_PUNCTUATION.test(text);
}

export function featuresOf(block: TextBlock): BlockFeatures {
  const text = block.text;
  const counts = countText(text);
  const { words, punctuation, capitalised } = counts;
  const short = text.length <= MAX_PATTERN_CHARS;
  let lowerCased: string | undefined;
  const lower = () => (lowerCased ??= text.toLowerCase());
  return {
    words,
    chars: text.length,
    endsSentence: endsSentence(text),
    punctuationDensity: words === 0 ? 0 : punctuation / words,
    capitalised,
    boilerplate:
      short &&
      (FURNITURE_LINE.test(text) ||
        URL_ONLY.test(text) ||
        (words <= 14 && mayBeCallToAction(lower()) && CALL_TO_ACTION.test(text)) ||
        (words <= 60 && NOTICE.test(text)) ||
        (words <= 200 && mayBeCookieNotice(lower()) && COOKIES.test(text))),
    teaser:
      short &&
      ((words <= 40 && mayBeTeaser(text, lower()) && TEASER.test(text)) ||
        (words <= 80 && isGluedTeaser(text, counts))),
    metadata: short && words <= 16 && mayBeMetadata(text, lower()) && METADATA.test(text),
    commentsHeading: short && words <= 20 && mayBeCommentsHeading(lower()) && COMMENTS_HEADING.test(text),
    // "… says:" ends the line
    commenter: short && words <= 20 && text.endsWith(':') && COMMENTER.test(text),
  };
}

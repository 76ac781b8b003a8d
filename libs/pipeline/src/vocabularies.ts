import type { WireSubject } from '@wiredesk/formats';
import type { NinjsGenre, NinjsSubject } from '@wiredesk/ninjs';
import { isNinjsUri } from '@wiredesk/ninjs';

export const MEDIATOPIC_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';
export const SUBJECTCODE_BASE = 'http://cv.iptc.org/newscodes/subjectcode/';
export const GENRE_BASE = 'http://cv.iptc.org/newscodes/genre/';

/** IPTC scheme aliases as NewsML-G2 catalogs declare them: qcode prefix → URI of the scheme. */
const IPTC_SCHEMES: Record<string, string> = {
  medtop: MEDIATOPIC_BASE,
  mediatopic: MEDIATOPIC_BASE,
  subj: SUBJECTCODE_BASE,
  subjectcode: SUBJECTCODE_BASE,
  iptc: SUBJECTCODE_BASE,
  genre: GENRE_BASE,
  ninat: 'http://cv.iptc.org/newscodes/ninature/',
  'iso3166-1a2': 'http://cv.iptc.org/newscodes/iso3166-1a2/',
  cpnat: 'http://cv.iptc.org/newscodes/cpnature/',
  scene: 'http://cv.iptc.org/newscodes/scene/',
  prodcode: 'http://cv.iptc.org/newscodes/productcode/',
};

/** Who assigned a subject: the copy's own metadata or Wiredesk's enrichment (docs/contracts.md: creator source or machine). */
export type SubjectCreator = 'source' | 'machine';

/** Keywords have no field of their own in ninjs 3.x; they are subjects with this literal prefix (as agencies do). */
export const KEYWORD_LITERAL_PREFIX = 'keyword:';

/**
 * A subject code as the source gives it, turned into a full URI where the scheme is known:
 * "medtop:20001361" → http://cv.iptc.org/newscodes/mediatopic/20001361, "subj:11000000" → …/subjectcode/11000000;
 * a bare 8-digit code is a Media Topic when it starts with 20 (the only range the two schemes do not share), else an
 * old Subject Code (NITF's tobject.subject.refnum). Unknown schemes are kept as a literal.
 */
export function qcodeToUri(code: string): string | undefined {
  const trimmed = code.trim();
  if (/^https?:\/\//i.test(trimmed)) return isNinjsUri(trimmed) ? trimmed : undefined;
  if (/^\d{8}$/.test(trimmed)) return (trimmed.startsWith('20') ? MEDIATOPIC_BASE : SUBJECTCODE_BASE) + trimmed;
  const colon = trimmed.indexOf(':');
  if (colon <= 0) return undefined;
  const base = IPTC_SCHEMES[trimmed.slice(0, colon).toLowerCase()];
  const value = trimmed.slice(colon + 1);
  if (!base || !/^[\w.-]+$/.test(value)) return undefined;
  return base + value;
}

export function sourceSubject(subject: WireSubject, creator: SubjectCreator = 'source'): NinjsSubject | undefined {
  const code = subject.code.trim();
  const name = subject.name?.trim() || undefined;
  if (!code && !name) return undefined;
  const given = subject.uri?.trim();
  const uri = given && isNinjsUri(given) ? given : code ? qcodeToUri(code) : undefined;
  const out: NinjsSubject = {};
  if (name) out.name = name;
  if (uri) out.uri = uri;
  else if (code) out.literal = code;
  out.creator = creator;
  return out;
}

export function keywordSubject(keyword: string, creator: SubjectCreator): NinjsSubject {
  return { name: keyword, literal: `${KEYWORD_LITERAL_PREFIX}${keyword}`, creator };
}

export function isKeywordSubject(subject: NinjsSubject): boolean {
  return subject.literal?.startsWith(KEYWORD_LITERAL_PREFIX) === true && !subject.uri;
}

/** A genre as the source gives it: a qcode ("genre:Analysis") or URI gets its uri, anything else is a name. */
export function genreOf(genre: string): NinjsGenre {
  const uri = genre.includes(':') ? qcodeToUri(genre) : undefined;
  if (!uri) return { name: genre };
  const code = uri.slice(uri.lastIndexOf('/') + 1);
  return { name: code, uri };
}
